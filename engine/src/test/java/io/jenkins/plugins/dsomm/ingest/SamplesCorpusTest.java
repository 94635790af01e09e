package io.jenkins.plugins.dsomm.ingest;

import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.evidence.Severity;
import io.jenkins.plugins.dsomm.evidence.SeverityCounts;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads every file of {@code ../shared/samples} (real reports of public projects) and checks it against
 * {@code corpus/expected.tsv}: the detected format (or the expected clear error), no unexpected exception, and
 * exact counts where the table gives them (verified independently against the files, see dev/). Skips loudly
 * when the samples folder is not there.
 */
class SamplesCorpusTest {
    private static final String[] SEVERITY_COLUMNS = {"critical", "high", "medium", "low", "info", "unknown"};

    @TestFactory
    Stream<DynamicTest> everySampleIsReadAsExpected() {
        Path samples = samplesOrSkip();
        Map<String, Map<String, String>> expected = expectations();
        List<Path> files = listSamples(samples);
        Ingestor ingestor = new Ingestor();
        return files.stream().map(file -> {
            String rel = samples.relativize(file).toString().replace('\\', '/');
            return DynamicTest.dynamicTest(rel, () -> check(ingestor, file, rel, expected.get(rel)));
        });
    }

    @Test
    void everyExpectationNamesASample() {
        Path samples = samplesOrSkip();
        List<String> present = listSamples(samples).stream()
                .map(f -> samples.relativize(f).toString().replace('\\', '/')).toList();
        assertThat(present).containsAll(expectations().keySet());
    }

    private static Path samplesOrSkip() {
        var folder = SharedSamples.folder();
        Assumptions.assumeTrue(folder.isPresent(), () -> SharedSamples.skipMessage("SamplesCorpusTest"));
        return folder.get();
    }

    static List<Path> listSamples(final Path samples) {
        try (Stream<Path> walk = Files.walk(samples)) {
            return walk.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().equals("PROVENANCE.md")
                            && !f.getFileName().toString().equals("DEFECTDOJO-COUNTS.tsv"))
                    .sorted().toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void check(final Ingestor ingestor, final Path file, final String rel,
            final Map<String, String> row) {
        assertThat(row).as("%s has no row in its corpus table", rel).isNotNull();
        IngestedFile outcome = ingestor.readFile(ReportSource.of(file, rel), null);
        String format = row.get("format");
        switch (format) {
            case "ERROR" -> {
                assertThat(outcome.status()).as(rel).isEqualTo(IngestedFile.Status.ERROR);
                assertThat(outcome.error()).startsWith(rel).doesNotContain("internal error");
                String message = row.get("tool");
                if (!"-".equals(message)) {
                    assertThat(outcome.error()).as(rel).contains(message);
                }
            }
            case "UNRECOGNISED" -> assertThat(outcome.status()).as(rel).isEqualTo(IngestedFile.Status.UNRECOGNISED);
            default -> {
                assertThat(outcome.status()).as("%s: %s", rel, outcome.error()).isEqualTo(IngestedFile.Status.READ);
                assertThat(outcome.format()).as(rel).isEqualTo(format);
                checkCounts(rel, outcome.evidence(), row);
            }
        }
    }

    private static void checkCounts(final String rel, final List<Evidence> evidence, final Map<String, String> row) {
        List<SeverityCounts> counts = new ArrayList<>();
        int suppressed = 0;
        int components = 0;
        for (Evidence e : evidence) {
            counts.add(e.open());
            suppressed += e.suppressed();
            components += e.components();
        }
        SeverityCounts total = SeverityCounts.sum(counts);
        expectInt(rel, "total", row, total.total());
        for (int i = 0; i < SEVERITY_COLUMNS.length; i++) {
            expectInt(rel, SEVERITY_COLUMNS[i], row, total.get(Severity.values()[i]));
        }
        expectInt(rel, "suppressed", row, suppressed);
        expectInt(rel, "components", row, components);
        if (!"-".equals(row.get("tool"))) {
            assertThat(evidence.get(0).tool()).as(rel + " tool").isEqualTo(row.get("tool"));
        }
        if (!"-".equals(row.get("toolVersion"))) {
            assertThat(evidence.get(0).toolVersion()).as(rel + " toolVersion").isEqualTo(row.get("toolVersion"));
        }
        if (!"-".equals(row.get("kinds"))) {
            assertThat(evidence.stream().flatMap(e -> e.kinds().stream()).map(Enum::name).distinct().sorted()
                    .toList()).as(rel + " kinds").isEqualTo(List.of(row.get("kinds").split(",")));
        }
    }

    private static void expectInt(final String rel, final String column, final Map<String, String> row,
            final int actual) {
        String value = row.get(column);
        if (value != null && !"-".equals(value)) {
            assertThat(actual).as("%s %s", rel, column).isEqualTo(Integer.parseInt(value));
        }
    }

    /** The expectations table: tab-separated, a header line, {@code -} for "not checked", # for comments. */
    static Map<String, Map<String, String>> expectations() {
        return expectations("/corpus/expected.tsv");
    }

    /** A corpus table (a test resource): tab-separated, a header line, {@code -} for "not checked", # comments. */
    static Map<String, Map<String, String>> expectations(final String resource) {
        try (InputStream in = SamplesCorpusTest.class.getResourceAsStream(resource)) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
            String[] header = lines.get(0).split("\t");
            Map<String, Map<String, String>> rows = new LinkedHashMap<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split("\t", -1);
                if (cells.length != header.length) {
                    throw new IllegalStateException(resource + ": " + header.length + " columns expected: " + line);
                }
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.length; i++) {
                    row.put(header[i], cells[i]);
                }
                if (rows.put(cells[0], row) != null) {
                    throw new IllegalStateException(resource + ": duplicate row " + cells[0]);
                }
            }
            return rows;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
