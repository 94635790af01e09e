package io.jenkins.plugins.dsomm.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing lost, nothing silently passed: a reference assessment or a history entry that is truncated, not JSON,
 * of another schema or of a future version gives a message naming the file; the run goes on and writes every
 * output; regression is reported as not checked (with the regression outcome and the reason), a corrupt history
 * entry is skipped with a warning.
 */
class CorruptSideFilesTest extends CommandLineTest {

    private Path reports() throws IOException {
        Path reports = Files.createDirectories(dir.resolve("reports"));
        try (InputStream in = CorruptSideFilesTest.class.getResourceAsStream("/reports/sarif/demo-sast.sarif")) {
            Files.copy(in, reports.resolve("sast.sarif"));
        }
        return reports;
    }

    /** A good assessment.json of these reports, and variants of it that cannot be read. */
    private Map<String, byte[]> corruptVariants(final Path reports) throws IOException {
        assertThat(run("assess", reports.toString(), "-o", dir.resolve("good").toString(), "--pipeline", "--scm",
                "--build", "1")).isZero();
        byte[] good = Files.readAllBytes(dir.resolve("good/assessment.json"));
        String text = new String(good, StandardCharsets.UTF_8);
        Map<String, byte[]> v = new LinkedHashMap<>();
        v.put("empty", new byte[0]);
        v.put("truncated", Arrays.copyOf(good, good.length / 2));
        v.put("not JSON", "<html>502 Bad Gateway</html>".getBytes(StandardCharsets.UTF_8));
        v.put("binary", new byte[] {0, (byte) 0xff, 0x13, 0x37});
        v.put("another schema", "{\"schema\":\"https://example.com/other\",\"schemaVersion\":1}"
                .getBytes(StandardCharsets.UTF_8));
        v.put("future schema version", text.replace("\"schemaVersion\" : 3", "\"schemaVersion\" : 4")
                .getBytes(StandardCharsets.UTF_8));
        v.put("corrupt field", text.replaceFirst("\"createdAt\" : \"[^\"]*\"", "\"createdAt\" : \"yesterday\"")
                .getBytes(StandardCharsets.UTF_8));
        return v;
    }

    @Test
    void aCorruptReferenceIsNamedAndRegressionIsReportedAsNotChecked() throws Exception {
        Path reports = reports();
        Map<String, String> expected = Map.of(
                "empty", "not a DSOMM Gate assessment (no \"schema\": \"https://dsomm-gate.jenkins.io/schema/assessment\")",
                "truncated", "not a DSOMM Gate assessment: invalid JSON: Unexpected end-of-input",
                "not JSON", "not a DSOMM Gate assessment: invalid JSON: Unexpected character ('<' (code 60))",
                "binary", "not a DSOMM Gate assessment: invalid JSON: ",
                "another schema", "not a DSOMM Gate assessment (no \"schema\": \"https://dsomm-gate.jenkins.io/schema/assessment\")",
                "future schema version", "assessment schema version 4 is not supported (this DSOMM Gate reads 1 to 3)",
                "corrupt field", "corrupt assessment document: Text 'yesterday' could not be parsed at index 0");
        int tried = 0;
        for (Map.Entry<String, byte[]> variant : corruptVariants(reports).entrySet()) {
            Path reference = Files.write(dir.resolve("reference-" + tried + ".json"), variant.getValue());
            Path output = dir.resolve("out-" + tried++);
            int code = run("assess", reports.toString(), "-o", output.toString(), "--pipeline", "--scm", "--build", "2",
                    "--reference", reference.toString());
            String what = variant.getKey();
            String problem = reference + ": " + expected.get(what);
            assertThat(code).as(what + ": " + err).isEqualTo(3);
            assertThat(err).as(what).startsWith("dsomm-gate: " + problem).contains(": regression not checked");
            assertThat(out).as(what).contains("Gate: UNSTABLE")
                    .contains("[UNSTABLE] Regression not checked: the reference assessment could not be read: " + problem);
            JsonNode check = new ObjectMapper().readTree(output.resolve("assessment.json").toFile()).path("gate")
                    .path("checks").get(0);
            assertThat(check.path("rule").asText()).as(what).isEqualTo("no-regression");
            assertThat(check.path("outcome").asText()).as(what).isEqualTo("UNSTABLE");
            assertThat(check.path("message").asText()).as(what).startsWith("Regression not checked: the reference "
                    + "assessment could not be read: " + problem);
            assertThat(Files.readString(output.resolve("report.html"))).as(what)
                    .contains("Regression not checked: the reference assessment could not be read: ");
        }
        assertThat(tried).isEqualTo(7);
    }

    @Test
    void aMissingReferenceIsNamedAndPassesAsTheFirstBuild() throws Exception {
        Path reports = reports();
        Path missing = dir.resolve("nothing-yet/assessment.json");
        assertThat(run("assess", reports.toString(), "-o", dir.resolve("out").toString(), "--pipeline", "--scm",
                "--reference", missing.toString())).isZero();
        assertThat(err).isEqualTo("dsomm-gate: reference " + missing + " does not exist: regression not checked"
                + System.lineSeparator());
        assertThat(out).contains("[PASS] No reference assessment: regression not checked");
    }

    @Test
    void corruptHistoryEntriesAreSkippedWithAWarningNamingThemAndTheRunGoesOn() throws Exception {
        Path reports = reports();
        Path history = Files.createDirectories(dir.resolve("history"));
        Map<String, byte[]> variants = corruptVariants(reports);
        Files.copy(dir.resolve("good/assessment.json"), history.resolve("assessment-1.json"));
        int i = 0;
        for (byte[] bad : variants.values()) {
            Files.write(history.resolve("bad-" + i++ + ".json"), bad);
        }
        Files.writeString(history.resolve("notes.txt"), "not read: not *.json");
        int code = run("assess", reports.toString(), "-o", dir.resolve("out").toString(), "--pipeline", "--scm",
                "--build", "2", "--history", history.toString());
        assertThat(code).as(err).isZero();
        assertThat(err.lines().toList()).hasSize(7).allSatisfy(line -> assertThat(line)
                .startsWith("dsomm-gate: history: " + history.resolve("bad-")).endsWith(": skipped"));
        assertThat(err).contains(history.resolve("bad-0.json") + ": not a DSOMM Gate assessment");
        assertThat(out).contains("KPIs over 2 builds");
        assertThat(new ObjectMapper().readTree(dir.resolve("out/assessment.json").toFile()).path("kpi").path("history")
                .asInt()).isEqualTo(2);
        try (var files = Files.list(history)) {
            assertThat(files.count()).isEqualTo(1 + 7 + 1 + 1); // this run's assessment added
        }
    }

    @Test
    void aHistoryThatIsAFileIsAUsageError() throws Exception {
        Path reports = reports();
        Path file = Files.writeString(dir.resolve("history.json"), "{}");
        assertThat(run("assess", reports.toString(), "-o", dir.resolve("out").toString(), "--history", file.toString()))
                .isEqualTo(3);
        assertThat(err).startsWith("dsomm-gate: --history " + file + " is a file: a folder of earlier assessments is "
                + "expected");
    }
}
