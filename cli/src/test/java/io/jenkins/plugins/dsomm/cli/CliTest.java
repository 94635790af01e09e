package io.jenkins.plugins.dsomm.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.dsomm.catalog.CatalogLoader;
import io.jenkins.plugins.dsomm.json.CatalogJson;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class CliTest extends CommandLineTest {

    private Path copy(final String resource, final Path target) throws IOException {
        try (InputStream in = CliTest.class.getResourceAsStream("/reports/" + resource)) {
            Files.createDirectories(target.getParent());
            Files.copy(in, target);
        }
        return target;
    }

    @Test
    void catalogPrintsTheSummaryAsTextAndJson() throws Exception {
        assertThat(run("catalog")).isZero();
        assertThat(out).startsWith("DSOMM 4.3.1, released 2026-05-19: 194 activities (bundled DSOMM 4.3.1)")
                .contains("Test and Verification                67      5     19     23     11      9");
        assertThat(run("catalog", "--json")).isZero();
        JsonNode json = new ObjectMapper().readTree(out);
        assertThat(json).isEqualTo(CatalogJson.summary(CatalogLoader.bundled()));
        assertThat(json.path("levels").toString()).isEqualTo("{\"1\":26,\"2\":57,\"3\":61,\"4\":31,\"5\":19}");
    }

    @Test
    void catalogWithABadModelIsAUsageErrorNamingTheFile() throws IOException {
        Path model = Files.writeString(dir.resolve("model.yaml"), "not: [a, model");
        assertThat(run("catalog", "--model", model.toString())).isEqualTo(3);
        assertThat(err).startsWith("dsomm-gate: " + model + ": not a DSOMM model: unreadable YAML/JSON at line");
    }

    @Test
    void inspectListsReportsUnrecognisedFilesAndErrors() throws Exception {
        copy("sarif/demo-sast.sarif", dir.resolve("in/a.sarif"));
        Files.writeString(dir.resolve("in/notes.txt"), "just some notes\n");
        Files.write(dir.resolve("in/empty.json"), new byte[0]);
        assertThat(run("inspect", "--json", dir.resolve("in").toString())).isEqualTo(3);
        JsonNode entries = new ObjectMapper().readTree(out);
        assertThat(entries).hasSize(3);
        JsonNode sarif = entries.get(0);
        assertThat(sarif.path("file").asText()).isEqualTo("a.sarif");
        assertThat(sarif.path("status").asText()).isEqualTo("read");
        assertThat(sarif.path("format").asText()).isEqualTo("sarif");
        assertThat(sarif.path("tool").asText()).isEqualTo("DemoSAST");
        assertThat(sarif.path("toolVersion").asText()).isEqualTo("1.2.3");
        assertThat(sarif.path("kinds").toString()).isEqualTo("[\"SAST\"]");
        assertThat(sarif.path("findings").toString()).isEqualTo(
                "{\"total\":9,\"critical\":1,\"high\":3,\"medium\":2,\"low\":1,\"info\":2,\"unknown\":0}");
        assertThat(sarif.path("suppressed").asInt()).isEqualTo(1);
        assertThat(sarif.path("error").isNull()).isTrue();
        assertThat(entries.get(1).path("file").asText()).isEqualTo("empty.json");
        assertThat(entries.get(1).path("status").asText()).isEqualTo("error");
        assertThat(entries.get(1).path("error").asText()).isEqualTo("empty.json: empty file (0 bytes): no report content");
        assertThat(entries.get(2).path("status").asText()).isEqualTo("unrecognised");
        assertThat(entries.get(2).path("format").isNull()).isTrue();

        Files.delete(dir.resolve("in/empty.json"));
        assertThat(run("inspect", dir.resolve("in").toString())).isZero();
        assertThat(out).contains("2 files: 1 read, 0 errors, 1 unrecognised");
    }

    @Test
    void assessWritesEveryOutputAndExitsWithTheGateOutcome() throws Exception {
        Path reports = dir.resolve("reports");
        copy("sarif/demo-sast.sarif", reports.resolve("sast.sarif"));
        copy("sarif/two-tools-and-legacy.sarif", reports.resolve("more.sarif"));
        Path output = dir.resolve("out");
        int code = run("assess", reports.toString(), "-o", output.toString(), "--pipeline", "--scm",
                "--min-level", "1", "--job", "shop", "--build", "1");
        assertThat(code).as(out + err).isEqualTo(2);
        assertThat(out).contains("Gate: FAILURE").contains("[FAILURE] Overall level is 0, minimum 1");
        try (var files = Files.list(output)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly(
                    "assessment.json", "badge-build-and-deployment.svg", "badge-culture-and-organization.svg",
                    "badge-implementation.svg", "badge-information-gathering.svg", "badge-test-and-verification.svg",
                    "badge.svg", "dsomm-activities.junit.xml", "report.html", "team-evidence.yaml",
                    "team-progress.yaml", "trend.svg");
        }
        assertThat(run("assess", reports.toString(), "-o", output.toString(), "--pipeline", "--scm", "--quiet"))
                .isZero();
        assertThat(out).isEqualTo("Gate: PASS" + System.lineSeparator());
    }

    @Test
    void removingAReportGivesARegressionNamingTheActivity() throws Exception {
        Path reports = dir.resolve("reports");
        copy("sarif/demo-sast.sarif", reports.resolve("sast.sarif"));
        Path secrets = copy("sarif/two-tools-and-legacy.sarif", reports.resolve("more.sarif"));
        assertThat(run("assess", reports.toString(), "-o", dir.resolve("first").toString(), "--pipeline", "--scm",
                "--job", "shop", "--build", "1")).isZero();
        Files.delete(secrets);
        int code = run("assess", reports.toString(), "-o", dir.resolve("second").toString(), "--pipeline", "--scm",
                "--job", "shop", "--build", "2", "--reference", dir.resolve("first/assessment.json").toString());
        assertThat(code).isEqualTo(1);
        assertThat(out).contains("Gate: UNSTABLE").contains("[UNSTABLE] Regression against shop #1: ")
                .contains("no longer met: Test for stored secrets in code (met → missing: no SECRETS evidence)");
    }

    @Test
    void unreadableInputStillWritesOutputsAndExitsWithThree() throws Exception {
        Path reports = dir.resolve("reports");
        copy("sarif/demo-sast.sarif", reports.resolve("sast.sarif"));
        Files.writeString(reports.resolve("broken.sarif"), "{\"version\":\"2.1.0\",\"runs\":[{\"tool\":");
        Path output = dir.resolve("out");
        assertThat(run("assess", reports.toString(), "-o", output.toString(), "--pipeline", "--scm")).isEqualTo(3);
        assertThat(out).contains("Unreadable: broken.sarif (sarif): truncated JSON");
        assertThat(Files.readString(output.resolve("report.html"))).contains("broken.sarif");
    }

    @Test
    void aFileGivenByNameInNoFormatDsommGateReadsIsUnreadableInput() throws Exception {
        Path sast = copy("sarif/demo-sast.sarif", dir.resolve("reports/sast.sarif"));
        Path notes = Files.writeString(dir.resolve("notes.json"), "{\"todo\":[\"rotate keys\"]}");
        Path output = dir.resolve("out");
        assertThat(run("assess", sast.toString(), notes.toString(), "-o", output.toString(), "--pipeline", "--scm"))
                .as(out + err).isEqualTo(3);
        assertThat(out).contains("Unreadable: " + notes + ": not a report format DSOMM Gate reads (a JSON object with "
                + "the keys todo: no format DSOMM Gate reads has them); it was given by name, so it must be one");
        JsonNode assessment = new ObjectMapper().readTree(output.resolve("assessment.json").toFile());
        assertThat(assessment.path("unreadable").findValuesAsText("file")).containsExactly(notes.toString());
        assertThat(assessment.path("evidence").findValuesAsText("tool")).containsExactly("DemoSAST");
    }

    @Test
    void aFileFoundInAFolderInNoFormatDsommGateReadsIsListedAsIgnored() throws Exception {
        Path reports = dir.resolve("reports");
        copy("sarif/demo-sast.sarif", reports.resolve("sast.sarif"));
        Files.writeString(reports.resolve("README.md"), "# Reports of the nightly scan\n");
        Path output = dir.resolve("out");
        assertThat(run("assess", reports.toString(), "-o", output.toString(), "--pipeline", "--scm")).as(out + err)
                .isZero();
        assertThat(out).contains("Ignored: README.md: not a report format DSOMM Gate reads (neither JSON nor XML, "
                + "and no format DSOMM Gate reads)");
        JsonNode assessment = new ObjectMapper().readTree(output.resolve("assessment.json").toFile());
        assertThat(assessment.path("ignored").toString()).isEqualTo("[{\"file\":\"README.md\",\"reason\":"
                + "\"neither JSON nor XML, and no format DSOMM Gate reads\"}]");
        assertThat(Files.readString(output.resolve("report.html"))).contains("<li><b>README.md</b>: ignored, not a "
                + "report format DSOMM Gate reads: neither JSON nor XML, and no format DSOMM Gate reads</li>");
    }

    @Test
    void aVexStatementOfTheBuildSuppressesTheFindingsItNamesAndTheReportSaysWhy() throws Exception {
        Path reports = dir.resolve("reports");
        Files.createDirectories(reports);
        Files.writeString(reports.resolve("grype.json"), "{\"matches\":[{\"vulnerability\":{\"id\":\"CVE-2023-45853\","
                + "\"severity\":\"Critical\"},\"artifact\":{\"name\":\"zlib\",\"version\":\"1.2.13-r0\",\"type\":"
                + "\"apk\"}}],\"source\":{\"type\":\"image\"},\"descriptor\":{\"name\":\"grype\",\"version\":"
                + "\"0.79.0\"}}");
        copy("openvex-json/openvex-0.2.0.json", reports.resolve("shop.vex.json"));
        Path output = dir.resolve("out");
        assertThat(run("assess", reports.toString(), "-o", output.toString(), "--pipeline", "--scm", "--max-open",
                "critical=0")).as(out + err).isZero();
        JsonNode assessment = new ObjectMapper().readTree(output.resolve("assessment.json").toFile());
        JsonNode grype = assessment.path("evidence").get(0);
        assertThat(grype.path("format").asText()).isEqualTo("grype-json");
        assertThat(grype.path("suppressed").asInt()).isEqualTo(1);
        JsonNode vex = assessment.path("declarations").get(0);
        assertThat(vex.path("type").asText()).isEqualTo("vex");
        assertThat(vex.path("subject").asText()).isEqualTo("CVE-2023-45853 in grype.json");
        assertThat(vex.path("detail").asText()).isEqualTo("not_affected: vulnerable_code_not_in_execute_path: MiniZip "
                + "is not built into the image's zlib.");
        assertThat(vex.path("matched").asInt()).isEqualTo(1);
    }

    private static String sarif(final String... rules) {
        StringBuilder results = new StringBuilder();
        for (String r : rules) {
            results.append(results.length() == 0 ? "" : ",").append("{\"ruleId\":\"").append(r)
                    .append("\",\"level\":\"error\",\"locations\":[{\"physicalLocation\":{\"artifactLocation\":")
                    .append("{\"uri\":\"src/").append(r).append(".py\"}}}]}");
        }
        return "{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"Bandit\"}},\"results\":["
                + results + "]}]}";
    }

    @Test
    void historyGivesKpisAndTheSlaRule() throws Exception {
        Path history = dir.resolve("history");
        Path reports = Files.createDirectories(dir.resolve("reports"));
        Files.writeString(reports.resolve("bandit.sarif"), sarif("B101", "B602", "B105"));
        AssessCommand.clock = Clock.fixed(Instant.parse("2026-10-01T10:00:00Z"), ZoneOffset.UTC);
        assertThat(run("assess", reports.toString(), "-o", dir.resolve("o1").toString(), "--history",
                history.toString(), "--pipeline", "--scm", "--build", "1")).isZero();
        Files.writeString(reports.resolve("bandit.sarif"), sarif("B101"));
        AssessCommand.clock = Clock.fixed(Instant.parse("2026-10-04T10:00:00Z"), ZoneOffset.UTC);
        assertThat(run("assess", reports.toString(), "-o", dir.resolve("o2").toString(), "--history",
                history.toString(), "--pipeline", "--scm", "--build", "2")).isZero();
        assertThat(out).contains("Findings against build 1: 0 new, 2 fixed, 1 outstanding")
                .contains("KPIs over 2 builds: MTTR high 3.0 days (2); 0 past SLA");
        AssessCommand.clock = Clock.fixed(Instant.parse("2026-11-20T10:00:00Z"), ZoneOffset.UTC);
        int code = run("assess", reports.toString(), "-o", dir.resolve("o3").toString(), "--history",
                history.toString(), "--pipeline", "--scm", "--build", "3", "--fail-on-sla", "--min-coverage", "SAST=100");
        assertThat(code).isEqualTo(1);
        assertThat(out).contains("[UNSTABLE] 1 finding past its SLA: B101 in src/B101.py (HIGH, open 50 days, SLA 30 days)")
                .contains("[PASS] SAST evidence in 100% of the last 3 builds (3), minimum 100%");
        JsonNode kpi = new ObjectMapper().readTree(dir.resolve("o3/assessment.json").toFile()).path("kpi");
        assertThat(kpi.path("history").asInt()).isEqualTo(3);
        assertThat(kpi.path("snapshot").path("count").asInt()).isEqualTo(1);
        assertThat(kpi.path("remediation").path("high").path("count").asInt()).isEqualTo(2);
        try (var files = Files.list(history)) {
            assertThat(files.count()).isEqualTo(3);
        }
    }

    @Test
    void usageErrorsExitWithThree() {
        assertThat(run("assess")).isEqualTo(3);
        assertThat(err).contains("Missing required parameter: 'PATH'");
        assertThat(run("assess", dir.toString(), "--min-dimension", "Testing=2")).isEqualTo(3);
        assertThat(err).contains("unknown dimension 'Testing'; DSOMM 4.3.1 has: Build and Deployment");
        assertThat(run("assess", dir.toString(), "--min-level", "7")).isEqualTo(3);
        assertThat(err).contains("minimum level must be 0 to 5: 7");
        assertThat(run("frobnicate")).isEqualTo(3);
    }
}
