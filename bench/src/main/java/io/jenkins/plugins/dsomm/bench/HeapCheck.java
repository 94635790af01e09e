package io.jenkins.plugins.dsomm.bench;

import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.ingest.ParseException;
import io.jenkins.plugins.dsomm.ingest.ParserRegistry;
import io.jenkins.plugins.dsomm.ingest.ReportParser;
import io.jenkins.plugins.dsomm.ingest.ReportSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Generates a report of the size asked for (streamed to disk, never held in memory) and parses it with our parser
 * in this JVM, to show that memory is bounded by what is kept and not by the file size. Run it with a small heap:
 *
 * <pre>
 * java -Xmx128m -cp bench/target/benchmarks.jar io.jenkins.plugins.dsomm.bench.HeapCheck --size-mb 1024
 * java -Xmx128m -cp bench/target/benchmarks.jar io.jenkins.plugins.dsomm.bench.HeapCheck --format sarif-semgrep --size-mb 1024
 * java -Xmx128m -cp bench/target/benchmarks.jar io.jenkins.plugins.dsomm.bench.HeapCheck --format cyclonedx --size-mb 300
 * java -Xmx128m -cp bench/target/benchmarks.jar io.jenkins.plugins.dsomm.bench.HeapCheck --format dependency-check --size-mb 300
 * </pre>
 *
 * Prints the heap limit, the file size, the parse time and MB/s, the peak heap used while parsing (the highest
 * of the heap use sampled every millisecond and the use before each collection, from GC notifications), the
 * largest heap still in use after a collection (what the parser keeps), and the evidence counts. Exits with 1
 * when the counts differ from what the generator wrote, 2 when the parse runs out of memory.
 */
public final class HeapCheck {
    private HeapCheck() {
    }

    public static void main(final String[] args) throws IOException, InterruptedException {
        String format = "sarif";
        int sizeMb = 1024;
        Path dir = Path.of(System.getProperty("java.io.tmpdir"));
        boolean keep = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--format" -> format = args[++i];
                case "--size-mb" -> sizeMb = Integer.parseInt(args[++i]);
                case "--dir" -> dir = Path.of(args[++i]);
                case "--keep" -> keep = true;
                default -> {
                    System.err.println("usage: HeapCheck [--format sarif|sarif-semgrep|cyclonedx|dependency-check]"
                            + " [--size-mb N]"
                            + " [--dir FOLDER] [--keep]");
                    System.exit(64);
                }
            }
        }
        BenchInputs.Writer writer;
        String parserId;
        switch (format) {
            case "sarif" -> {
                writer = SarifGenerator::write;
                parserId = "sarif";
            }
            case "sarif-semgrep" -> {
                writer = SarifGenerator::writeSemgrep;
                parserId = "sarif";
            }
            case "cyclonedx" -> {
                writer = CycloneDxGenerator::write;
                parserId = "cyclonedx-json";
            }
            case "dependency-check" -> {
                writer = DependencyCheckGenerator::write;
                parserId = "dependency-check-json";
            }
            default -> throw new IllegalArgumentException("unknown format " + format);
        }
        Files.createDirectories(dir);
        Path file = Files.createTempFile(dir, "heapcheck-" + format + "-", ".json");
        try {
            long t0 = System.nanoTime();
            Generated input = writer.write(file, sizeMb * 1_000_000L, BenchInputs.SEED);
            double genSeconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "generated %s: %,d bytes in %.1f s (%,d items, %,d open, %,d suppressed)%n",
                    format, input.bytes(), genSeconds, input.items(), input.open(), input.suppressed());
            run(input, ParserRegistry.defaults().find(parserId).orElseThrow());
        }
        finally {
            if (!keep) {
                Files.deleteIfExists(file);
            }
        }
    }

    private static void run(final Generated input, final ReportParser parser) throws InterruptedException {
        HeapWatch watch = new HeapWatch();
        long baseline = HeapWatch.heapAfterGc();
        watch.start();
        long t0 = System.nanoTime();
        Evidence e;
        try {
            e = parser.parse(ReportSource.of(input.file()));
        }
        catch (ParseException ex) {
            System.out.println("parse error: " + ex.getMessage());
            System.exit(1);
            return;
        }
        catch (OutOfMemoryError oom) {
            System.out.println("OUT OF MEMORY while parsing");
            System.exit(2);
            return;
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        watch.stop();
        double mb = input.bytes() / 1e6;
        System.out.printf(Locale.ROOT, "max heap (-Xmx):        %,.0f MiB%n", Runtime.getRuntime().maxMemory() / 1048576.0);
        System.out.printf(Locale.ROOT, "file:                   %,.1f MB (%s)%n", mb, parser.id());
        System.out.printf(Locale.ROOT, "parse time:             %.2f s, %.0f MB/s%n", seconds, mb / seconds);
        System.out.printf(Locale.ROOT, "heap before parsing:    %,.1f MiB%n", baseline / 1048576.0);
        System.out.printf(Locale.ROOT, "peak heap used:         %,.1f MiB%n", watch.peak() / 1048576.0);
        System.out.printf(Locale.ROOT, "max live after GC:      %,.1f MiB (%d collections)%n",
                watch.maxAfterGc() / 1048576.0, watch.collections());
        System.out.printf(Locale.ROOT, "evidence:               tool %s %s, open %d %s, suppressed %d, components %d, "
                        + "findings kept %d%s, packages kept %d%n", e.tool(), e.toolVersion(), e.open().total(),
                e.open(), e.suppressed(), e.components(), e.findings().size(),
                e.findingsTruncated() ? " (truncated)" : "", e.packages().size());
        boolean ok = e.open().total() == input.open() && e.suppressed() == input.suppressed()
                && (!parser.id().startsWith("cyclonedx") || e.components() == input.items());
        System.out.println(ok ? "counts match the generator" : "COUNTS DIFFER from the generator: open "
                + input.open() + ", suppressed " + input.suppressed() + ", items " + input.items());
        if (!ok) {
            System.exit(1);
        }
    }
}
