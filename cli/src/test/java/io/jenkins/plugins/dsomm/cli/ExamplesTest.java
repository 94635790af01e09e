package io.jenkins.plugins.dsomm.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The README's main job: {@code assess} over the real reports in {@code examples/} with the example attestation
 * file. Every output is checked for exact content.
 */
class ExamplesTest extends CommandLineTest {
    private static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();

    @Override
    Instant now() {
        return Instant.parse("2026-11-22T12:00:00Z");
    }

    private int assess(final Path reports, final Path output, final String... more) {
        List<String> args = new ArrayList<>(List.of("assess", reports.toString(), "--attestations",
                EXAMPLES.resolve(".dsomm.yml").toString(), "--pipeline", "--scm", "--job", "sample-app",
                "--min-level", "1", "-o", output.toString()));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    @Test
    void theMainJobAssessesTheExampleReports() throws Exception {
        Path output = dir.resolve("report");
        assertThat(assess(EXAMPLES.resolve("reports"), output, "--build", "1")).as(out + err).isEqualTo(2);
        assertThat(out).contains("overall level 0, 25 of 194 activities assessed")
                .contains("Evidence: 11 reports, 52 open findings (9 high, 15 medium, 19 low, 9 info)")
                .contains("Gate: FAILURE")
                .contains("[FAILURE] Overall level is 0, minimum 1: Test and Verification / Consolidation is at "
                        + "level 0: failed Treatment of defects with high or critical severity (open findings: 9 HIGH "
                        + "(Bandit: 1; ESLint 9.39.1: 2; Flawfinder 2.0.19: 3; secretlint 1.0.0: 2; SpotBugs 4.10.4: 1))")
                .contains("Not counted: attestation Regular security training for all (expired, expires 2026-06-30)");

        JsonNode json = new ObjectMapper().readTree(output.resolve("assessment.json").toFile());
        assertThat(json.path("overall").path("level").asInt()).isZero();
        Map<String, Integer> dimensions = new TreeMap<>();
        json.path("dimensions").forEach(d -> dimensions.put(d.path("name").asText(), d.path("level").asInt()));
        assertThat(dimensions).containsExactly(entry("Build and Deployment", 5), entry("Culture and Organization", 5),
                entry("Implementation", 5), entry("Information Gathering", 1), entry("Test and Verification", 0));
        Map<String, String> statuses = new TreeMap<>();
        json.path("activities").forEach(a -> {
            if (!"not-assessed".equals(a.path("status").asText())) {
                statuses.put(a.path("name").asText(), a.path("status").asText());
            }
        });
        assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                entry("Defined build process", "met"),
                entry("SBOM of components", "met"),
                entry("Conduction of simple threat modeling on technical level", "attested"),
                entry("Ad-Hoc Security trainings for software developers", "attested"),
                entry("Each team has a security champion", "attested"),
                entry("Version control", "met"),
                entry("Number of vulnerabilities/severity", "met"),
                entry("Number of vulnerabilities/severity/layer", "missing"),
                entry("Treatment of defects with high or critical severity", "failed"),
                entry("Simple visualization of defects", "met"),
                entry("Treatment of defects with medium severity", "failed"),
                entry("Treatment of all defects", "failed"),
                entry("Simple Scan", "met"),
                entry("Usage of multiple scanners", "missing"),
                entry("Software Composition Analysis (server side)", "missing"),
                entry("Software Composition Analysis (client side)", "missing"),
                entry("Static analysis for important client side components", "met"),
                entry("Static analysis for important server side components", "met"),
                entry("Usage of multiple analyzers", "blocked"),
                entry("Test for stored secrets in code", "met"),
                entry("Test cluster deployment resources", "missing"),
                entry("Test the cloud configuration", "not-applicable"),
                entry("Test the definition of virtualized environments", "missing"),
                entry("Software Composition Analysis", "missing"),
                entry("Test of infrastructure components for known vulnerabilities", "missing")));

        try (Stream<Path> files = Files.list(output)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly(
                    "assessment.json", "badge-build-and-deployment.svg", "badge-culture-and-organization.svg",
                    "badge-implementation.svg", "badge-information-gathering.svg", "badge-test-and-verification.svg",
                    "badge.svg", "dsomm-activities.junit.xml", "report.html", "team-progress.yaml", "trend.svg");
        }
        var junit = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(output.resolve("dsomm-activities.junit.xml").toFile()).getDocumentElement();
        assertThat(junit.getAttribute("tests")).isEqualTo("25");
        assertThat(junit.getAttribute("failures")).isEqualTo("12");
        assertThat(junit.getAttribute("skipped")).isEqualTo("1");
        assertThat(junit.getElementsByTagName("testcase").getLength()).isEqualTo(25);

        JsonNode progress = new YAMLMapper().readTree(output.resolve("team-progress.yaml").toFile()).path("progress");
        List<String> implemented = new ArrayList<>();
        progress.properties().forEach(e -> {
            assertThat(e.getValue().path("Sample Team").has("Implemented")).as(e.getKey()).isTrue();
            implemented.add(e.getKey());
        });
        assertThat(implemented).hasSize(12); // 9 met + 3 attested
        assertThat(implemented).contains("f6f7737f-25a9-4317-8de2-09bf59f29b5b");

        assertThat(Files.readString(output.resolve("badge.svg"))).contains("<title>DSOMM: level 0</title>")
                .contains("fill=\"#e05d44\"");
        assertThat(Files.readString(output.resolve("badge-implementation.svg")))
                .contains("<title>DSOMM Implementation: level 5</title>");
        String html = Files.readString(output.resolve("report.html"));
        assertThat(html).contains("Content-Security-Policy").contains("Wapiti 3.0.4").contains("secretlint 1.0.0")
                .contains("https://wiki.example.com/sample-app/threat-model").doesNotContain("<script");
    }

    @Test
    void removingTheSecretScanReportIsARegressionNamingTheActivity() throws Exception {
        Path reports = dir.resolve("reports");
        Files.createDirectories(reports);
        try (Stream<Path> files = Files.list(EXAMPLES.resolve("reports"))) {
            for (Path p : files.toList()) {
                Files.copy(p, reports.resolve(p.getFileName()));
            }
        }
        assertThat(assess(reports, dir.resolve("first"), "--build", "1")).isEqualTo(2);
        Files.delete(reports.resolve("secretlint.sarif"));
        int code = assess(reports, dir.resolve("second"), "--build", "2", "--regression-outcome", "failure",
                "--reference", dir.resolve("first/assessment.json").toString());
        assertThat(code).isEqualTo(2);
        assertThat(out + err).contains("[FAILURE] Regression against sample-app #1: ")
                .contains("no longer met: Test for stored secrets in code (met → missing: no SECRETS evidence)");
    }

    @Test
    void theOtherFormatsReadTheSameScans() throws IOException {
        assertThat(run("inspect", EXAMPLES.resolve("other-formats").toString())).as(out + err).isZero();
        assertThat(out).contains("spotbugsXml.xml").contains("wapiti.xml")
                .contains("2 files: 2 read, 0 errors, 0 unrecognised");
    }
}
