package io.jenkins.plugins.dsomm.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * Real reports, scaled up: the largest reports of a few formats in the shared samples folder (real scanner output,
 * CodeQL's with long code flows), with their results or components repeated at run time into the benchmark input
 * folder. The samples' licences vary, so neither they nor anything made from them is ever committed: the folder is
 * found at run time ({@code -Ddsomm.samples.dir=}, else the environment variable {@code DSOMM_SAMPLES}, else
 * {@code ../shared/samples} from the working directory), and when it is missing every caller says so and skips
 * these inputs.
 *
 * <p>A scaled file is the original document with the arrays named by the sample's paths holding their items
 * {@code times} times, written on one line with ", " and ": " between values and non-ASCII characters escaped
 * (the layout of the file the issue measured: its CodeQL file, results repeated 25 times, is 18.9 MB).
 */
public final class RealReports {
    /** Bumped when the scaling changes, so that stale files are not reused. */
    private static final int SCALER_VERSION = 1;
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .build();

    /** A real report and how it is scaled. */
    public enum Sample {
        /** CodeQL 2.9.2 on OWASP Juice Shop: 422 results, 108 with code flows. */
        CODEQL("codeql", "sarif/codeql-2.9.2-juice-shop-large.sarif", 25, "sarif", "runs/*/results"),
        /** Semgrep 0.17.0 SARIF on the OWASP Benchmark: 1,768 results, the rules with their help texts. */
        SEMGREP("semgrep", "sarif/semgrep-0.17.0-owasp-benchmark-large.sarif", 22, "sarif", "runs/*/results"),
        /** Trivy 0.69.3 repository scan of Juice Shop: two targets with their packages and vulnerabilities. */
        TRIVY("trivy", "trivy/trivy-0.69.3-repo-juice-shop-large.json", 21, "trivy-json", "Results"),
        /** CycloneDX 1.4 from cyclonedx-npm on Juice Shop: 1,115 components and their dependency graph. */
        CYCLONEDX("cyclonedx", "cyclonedx/cdx-1.4-juice-shop-npm-large.json", 14, "cyclonedx-json",
                "components", "dependencies"),
        /** OWASP Dependency-Check 12.2.2 (Maven plugin): 229 dependencies with evidence and vulnerabilities. */
        DEPENDENCY_CHECK("dependency-check", "dependency-check/dependency-check-12.2.2-maven-plugin-large.json", 15,
                "dependency-check-json", "dependencies");

        private final String key;
        private final String path;
        private final int times;
        private final String parserId;
        private final List<String[]> repeated = new ArrayList<>();

        Sample(final String key, final String path, final int times, final String parserId,
                final String... repeated) {
            this.key = key;
            this.path = path;
            this.times = times;
            this.parserId = parserId;
            for (String r : repeated) {
                this.repeated.add(r.split("/"));
            }
        }

        /** Short name, used in file names and tables. */
        public String key() {
            return key;
        }

        /** Path in the samples folder. */
        public String path() {
            return path;
        }

        /** How often the repeated arrays hold their items in the scaled file. */
        public int times() {
            return times;
        }

        /** Our parser's format id. */
        public String parserId() {
            return parserId;
        }

        /** The sample for a short name, as given on a command line. */
        public static Sample of(final String key) {
            for (Sample s : values()) {
                if (s.key.equals(key)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("unknown sample " + key);
        }
    }

    /** A scaled file: the original, the file written and how often its items are repeated. */
    public record Scaled(Sample sample, Path original, Path file, int times, long bytes) {
        public double megabytes() {
            return bytes / 1e6;
        }
    }

    private RealReports() {
    }

    /** The samples folder, if it exists. */
    public static Optional<Path> samplesDir() {
        String configured = System.getProperty("dsomm.samples.dir", System.getenv("DSOMM_SAMPLES"));
        Path dir = Path.of(configured == null || configured.isBlank() ? "../shared/samples" : configured);
        return Files.isDirectory(dir) ? Optional.of(dir.toAbsolutePath().normalize()) : Optional.empty();
    }

    /** The sentence every caller prints when the samples are missing. */
    public static String missingMessage() {
        String configured = System.getProperty("dsomm.samples.dir", System.getenv("DSOMM_SAMPLES"));
        return "SKIPPED real-shaped inputs: no samples folder at "
                + Path.of(configured == null || configured.isBlank() ? "../shared/samples" : configured)
                .toAbsolutePath().normalize()
                + " (set -Ddsomm.samples.dir= or DSOMM_SAMPLES)";
    }

    /** The folder of scaled files (the benchmark input folder). */
    public static Path inputDir() {
        return Path.of(System.getProperty("dsomm.bench.dir",
                Path.of(System.getProperty("java.io.tmpdir"), "dsomm-gate-bench").toString()));
    }

    /**
     * The scaled file of a sample, written now unless the input folder holds it already for the same original.
     *
     * @throws IllegalStateException when the samples folder or the sample is missing
     */
    public static synchronized Scaled scaled(final Sample sample) {
        return scaled(sample, sample.times());
    }

    /** The sample repeated {@code times} times (1: the original's content in the scaled layout). */
    public static synchronized Scaled scaled(final Sample sample, final int times) {
        Path samples = samplesDir().orElseThrow(() -> new IllegalStateException(missingMessage()
                + "; leave the real-shaped benchmarks out (JMH: -e 'ParserBenchmark.real')"));
        Path original = samples.resolve(sample.path());
        if (!Files.isRegularFile(original)) {
            throw new IllegalStateException("sample missing: " + original);
        }
        Path dir = inputDir();
        String base = "real-" + sample.key() + "-x" + times + "-v" + SCALER_VERSION;
        Path file = dir.resolve(base + ".json");
        Path stats = dir.resolve(base + ".properties");
        try {
            Files.createDirectories(dir);
            String stamp = Files.size(original) + " " + Files.getLastModifiedTime(original).toMillis();
            if (Files.isRegularFile(file) && Files.isRegularFile(stats)) {
                Properties p = new Properties();
                try (InputStream in = Files.newInputStream(stats)) {
                    p.load(in);
                }
                if (stamp.equals(p.getProperty("original")) && Long.toString(Files.size(file))
                        .equals(p.getProperty("bytes"))) {
                    return new Scaled(sample, original, file, times, Files.size(file));
                }
            }
            Path tmp = dir.resolve(base + ".tmp");
            try (InputStream in = Files.newInputStream(original); OutputStream out = Files.newOutputStream(tmp)) {
                repeat(in, out, sample.repeated, times);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            Properties p = new Properties();
            p.setProperty("original", stamp);
            p.setProperty("bytes", Long.toString(Files.size(file)));
            try (OutputStream out = Files.newOutputStream(stats)) {
                p.store(out, sample.path() + " repeated " + times + " times (not to be committed: sample licence)");
            }
            return new Scaled(sample, original, file, times, Files.size(file));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Copies a JSON document, writing the items of every array at one of {@code paths} {@code times} times. A
     * path is field names from the root; {@code *} stands for every item of an array.
     */
    static void repeat(final InputStream in, final OutputStream out, final List<String[]> paths, final int times)
            throws IOException {
        try (JsonParser p = JSON.createParser(in); JsonGenerator g = JSON.createGenerator(out)) {
            g.setPrettyPrinter(new SpacedPrinter());
            p.nextToken();
            copy(p, g, paths, 0, times);
        }
    }

    private static void copy(final JsonParser p, final JsonGenerator g, final List<String[]> paths, final int depth,
            final int times) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            g.writeStartObject();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                g.writeFieldName(name);
                p.nextToken();
                List<String[]> below = below(paths, depth, name);
                if (below.isEmpty()) {
                    g.copyCurrentStructure(p);
                }
                else if (p.currentToken() == JsonToken.START_ARRAY && isEnd(below, depth + 1)) {
                    repeatItems(p, g, times);
                }
                else {
                    copy(p, g, below, depth + 1, times);
                }
            }
            g.writeEndObject();
        }
        else if (t == JsonToken.START_ARRAY) {
            List<String[]> below = below(paths, depth, "*");
            g.writeStartArray();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                if (below.isEmpty()) {
                    g.copyCurrentStructure(p);
                }
                else {
                    copy(p, g, below, depth + 1, times);
                }
            }
            g.writeEndArray();
        }
        else {
            g.copyCurrentStructure(p);
        }
    }

    private static List<String[]> below(final List<String[]> paths, final int depth, final String name) {
        List<String[]> result = new ArrayList<>();
        for (String[] path : paths) {
            if (path.length > depth && path[depth].equals(name)) {
                result.add(path);
            }
        }
        return result;
    }

    private static boolean isEnd(final List<String[]> paths, final int length) {
        return paths.stream().anyMatch(path -> path.length == length);
    }

    private static void repeatItems(final JsonParser p, final JsonGenerator g, final int times) throws IOException {
        List<String> items = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            try (JsonGenerator item = JSON.createGenerator(buffer)) {
                item.setPrettyPrinter(new SpacedPrinter());
                item.copyCurrentStructure(p);
            }
            items.add(buffer.toString(StandardCharsets.UTF_8));
        }
        g.writeStartArray();
        for (int i = 0; i < times; i++) {
            for (String item : items) {
                g.writeRawValue(item);
            }
        }
        g.writeEndArray();
    }

    /** One line, ", " between items and ": " after names. */
    private static final class SpacedPrinter extends MinimalPrettyPrinter {
        private static final long serialVersionUID = 1L;

        @Override
        public void writeObjectFieldValueSeparator(final JsonGenerator g) throws IOException {
            g.writeRaw(": ");
        }

        @Override
        public void writeObjectEntrySeparator(final JsonGenerator g) throws IOException {
            g.writeRaw(", ");
        }

        @Override
        public void writeArrayValueSeparator(final JsonGenerator g) throws IOException {
            g.writeRaw(", ");
        }
    }

    /** Writes the scaled files of all samples (or of those named) and prints their sizes. */
    public static void main(final String[] args) {
        if (samplesDir().isEmpty()) {
            System.out.println(missingMessage());
            return;
        }
        for (Sample s : Sample.values()) {
            if (args.length == 0 || List.of(args).contains(s.key())) {
                Scaled scaled = scaled(s);
                System.out.printf(Locale.ROOT, "%-17s %s ×%d: %s (%,d bytes)%n", s.key(), s.path(), scaled.times(),
                        scaled.file(), scaled.bytes());
            }
        }
    }
}
