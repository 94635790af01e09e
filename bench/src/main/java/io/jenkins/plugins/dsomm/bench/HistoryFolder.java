package io.jenkins.plugins.dsomm.bench;

import io.jenkins.plugins.dsomm.json.AssessmentJson;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Writes a generated history ({@link HistoryGenerator}) as a folder of assessment documents, named as {@code
 * dsomm-gate assess --history DIR} names them, to measure the CLI on a long history end to end:
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar io.jenkins.plugins.dsomm.bench.HistoryFolder --builds 1000 --findings 10000 --dir /tmp/history
 * java -Xmx1g -jar cli/target/dsomm-gate.jar assess --history /tmp/history -o /tmp/out some-report.sarif
 * </pre>
 */
public final class HistoryFolder {
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private HistoryFolder() {
    }

    public static void main(final String[] args) throws IOException {
        int builds = 1000;
        int findings = 10_000;
        Path dir = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--builds" -> builds = Integer.parseInt(args[++i]);
                case "--findings" -> findings = Integer.parseInt(args[++i]);
                case "--dir" -> dir = Path.of(args[++i]);
                default -> dir = null;
            }
        }
        if (dir == null) {
            System.err.println("usage: HistoryFolder [--builds N] [--findings N] --dir FOLDER");
            System.exit(64);
        }
        Files.createDirectories(dir);
        Path folder = dir;
        long[] bytes = new long[1];
        long t0 = System.nanoTime();
        HistoryGenerator.Summary summary = HistoryGenerator.generate(builds, findings, BenchInputs.SEED, s -> {
        }, a -> {
            Path file = folder.resolve("assessment-" + NAME.format(a.createdAt()) + ".json");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                AssessmentJson.write(a, null, out);
                bytes[0] += Files.size(file);
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        System.out.printf(Locale.ROOT, "%,d assessment documents, %,d finding entries, %,.1f MB, written to %s in %.1f s%n",
                summary.builds(), summary.entries(), bytes[0] / 1e6, dir, (System.nanoTime() - t0) / 1e9);
    }
}
