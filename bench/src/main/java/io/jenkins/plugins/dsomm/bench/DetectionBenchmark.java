package io.jenkins.plugins.dsomm.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.jenkins.plugins.dsomm.ingest.ParserRegistry;
import io.jenkins.plugins.dsomm.ingest.ReportParser;
import io.jenkins.plugins.dsomm.ingest.ReportSource;
import io.jenkins.plugins.dsomm.ingest.Sniff;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What content detection costs: on a large SARIF log whose first 64 KiB tell what it is (one prefix read), and on a
 * large JSON document no format claims, whose prefix tells nothing (the prefix, then one streaming look at the whole
 * document), each against a raw Jackson token scan of the same file and, for the SARIF log, against its parse.
 * Detection results are checked in the setup, so that a detector that gives up early cannot look fast.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
public class DetectionBenchmark {
    private static final ParserRegistry REGISTRY = ParserRegistry.defaults();
    private static final JsonFactory JSON = new JsonFactory();

    /** The two files, generated once. */
    @State(Scope.Benchmark)
    public static class Inputs {
        ReportSource sarif;
        ReportSource unclaimed;
        ReportParser sarifParser;

        @Setup
        public void setUp() throws IOException {
            Generated g = BenchInputs.sarif();
            sarif = ReportSource.of(g.file());
            sarifParser = REGISTRY.find("sarif").orElseThrow();
            Path file = Path.of(System.getProperty("java.io.tmpdir"), "dsomm-gate-bench-unclaimed.json");
            if (!Files.isRegularFile(file) || Files.size(file) < g.bytes() / 2) {
                writeUnclaimed(file, g.bytes());
            }
            unclaimed = ReportSource.of(file);
            check("sarif", detect(sarif), "sarif");
            check("unclaimed", detect(unclaimed), null);
        }

        private static void check(final String what, final Optional<ReportParser> found, final String expected) {
            String id = found.map(ReportParser::id).orElse(null);
            if (expected == null ? id != null : !expected.equals(id)) {
                throw new IllegalStateException(what + " detected as " + id + ", expected " + expected);
            }
        }
    }

    /** A lock-file-like document of about {@code bytes}: one long first value, the keys that follow name no format. */
    static void writeUnclaimed(final Path file, final long bytes) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("{\"packages\": {");
            long written = 0;
            for (int i = 0; written < bytes; i++) {
                String entry = (i == 0 ? "" : ",") + "\"node_modules/pkg-" + i + "\": {\"version\": \"1." + (i % 97)
                        + ".0\", \"resolved\": \"https://registry.example.test/pkg-" + i + "/-/pkg-" + i
                        + ".tgz\", \"integrity\": \"sha512-" + Long.toHexString(i * 0x9E3779B97F4A7C15L)
                        + "\", \"dependencies\": {\"left-pad\": \"^1.3.0\", \"is-odd\": \"^3.0.1\"}}";
                w.write(entry);
                written += entry.length();
            }
            w.write("}, \"name\": \"shop-web\", \"lockfileVersion\": 3, \"requires\": true}");
        }
    }

    static Optional<ReportParser> detect(final ReportSource source) throws IOException {
        return REGISTRY.detect(Sniff.of(source), source);
    }

    static long scan(final ReportSource source) throws IOException {
        long tokens = 0;
        try (InputStream in = source.open(); JsonParser p = JSON.createParser(in)) {
            while (p.nextToken() != null) {
                tokens++;
            }
        }
        return tokens;
    }

    @Benchmark
    public Optional<ReportParser> sarifDetect(final Inputs f) throws IOException {
        return detect(f.sarif);
    }

    @Benchmark
    public Object sarifParse(final Inputs f) throws Exception {
        return f.sarifParser.parseAll(f.sarif);
    }

    @Benchmark
    public long sarifRawTokenScan(final Inputs f) throws IOException {
        return scan(f.sarif);
    }

    @Benchmark
    public Optional<ReportParser> unclaimedDetect(final Inputs f) throws IOException {
        return detect(f.unclaimed);
    }

    @Benchmark
    public long unclaimedRawTokenScan(final Inputs f) throws IOException {
        return scan(f.unclaimed);
    }
}
