package io.jenkins.plugins.dsomm.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The inputs of the benchmarks, generated on first use into a folder ({@code dsomm.bench.dir}, default
 * {@code <tmp>/dsomm-gate-bench}) and reused by the next forks of the same run when the generator, size and seed
 * are the same. Sizes can be changed with {@code -Ddsomm.bench.sarifMb=}, {@code cyclonedxMb}, {@code
 * dependencyCheckMb} (the JMH forks inherit {@code -jvmArgsAppend}).
 */
public final class BenchInputs {
    /** Seed of every generated input. */
    public static final long SEED = 20_251_122L;
    /** Bumped when a generator changes, so that stale files are not reused. */
    private static final int GENERATOR_VERSION = 1;

    /** A generator: writes a file of about the size asked for. */
    @FunctionalInterface
    public interface Writer {
        Generated write(Path file, long targetBytes, long seed) throws IOException;
    }

    private BenchInputs() {
    }

    public static Generated sarif() {
        return get("sarif", "json", Integer.getInteger("dsomm.bench.sarifMb", 50), SarifGenerator::write);
    }

    /** A Semgrep-like SARIF log: results before the tool, no artifacts, long messages. */
    public static Generated sarifSemgrep() {
        return get("sarif-semgrep", "json", Integer.getInteger("dsomm.bench.sarifMb", 50), SarifGenerator::writeSemgrep);
    }

    public static Generated cycloneDx() {
        return get("cyclonedx", "json", Integer.getInteger("dsomm.bench.cyclonedxMb", 40), CycloneDxGenerator::write);
    }

    public static Generated dependencyCheck() {
        return get("dependency-check", "json", Integer.getInteger("dsomm.bench.dependencyCheckMb", 40),
                DependencyCheckGenerator::write);
    }

    /** The generated file of {@code kind} of about {@code megabytes} MB, from the cache or written now. */
    public static synchronized Generated get(final String kind, final String extension, final int megabytes,
            final Writer writer) {
        Path dir = Path.of(System.getProperty("dsomm.bench.dir",
                Path.of(System.getProperty("java.io.tmpdir"), "dsomm-gate-bench").toString()));
        String base = kind + "-" + megabytes + "mb-seed" + SEED + "-v" + GENERATOR_VERSION;
        Path file = dir.resolve(base + "." + extension);
        Path stats = dir.resolve(base + ".properties");
        try {
            Files.createDirectories(dir);
            if (Files.isRegularFile(file) && Files.isRegularFile(stats)) {
                Properties p = new Properties();
                try (var in = Files.newInputStream(stats)) {
                    p.load(in);
                }
                Generated g = new Generated(file, Long.parseLong(p.getProperty("bytes")),
                        Integer.parseInt(p.getProperty("items")), Integer.parseInt(p.getProperty("open")),
                        Integer.parseInt(p.getProperty("suppressed")), Integer.parseInt(p.getProperty("baseline")));
                if (Files.size(file) == g.bytes()) {
                    return g;
                }
            }
            Path tmp = dir.resolve(base + ".tmp");
            Generated g = writer.write(tmp, megabytes * 1_000_000L, SEED);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Properties p = new Properties();
            p.setProperty("bytes", Long.toString(g.bytes()));
            p.setProperty("items", Integer.toString(g.items()));
            p.setProperty("open", Integer.toString(g.open()));
            p.setProperty("suppressed", Integer.toString(g.suppressed()));
            p.setProperty("baseline", Integer.toString(g.baseline()));
            try (var out = Files.newOutputStream(stats)) {
                p.store(out, kind + " input of the DSOMM Gate benchmarks");
            }
            return new Generated(file, g.bytes(), g.items(), g.open(), g.suppressed(), g.baseline());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
