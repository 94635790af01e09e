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
        assertThat(out).contains("DSOMM 4.3.1 assessment (standard rules): overall level 0, target 1, evidence "
                        + "ceiling 0")
                .contains("  Culture and Organization   0   target 1  ceiling 5  up to level 1: 2 attested, 2 "
                        + "unverified")
                .contains("Activities: 194 in DSOMM 4.3.1: 7 by CI evidence, 3 attested, 1 not applicable, 3 failed, "
                        + "8 missing, 3 blocked, 144 unverified, 25 out of scope")
                .contains("Evidence: 11 reports, 52 open findings (9 high, 15 medium, 19 low, 9 info)")
                .contains("Gate: FAILURE")
                .contains("[FAILURE] Overall level is 0, minimum 1: Build and Deployment / Deployment is at level 0: "
                        + "unverified Automated deployment process, Defined deployment process, Inventory of "
                        + "production components; ")
                .contains("    Test and Verification / Consolidation (0 → 1, target): Treatment of defects with high or "
                        + "critical severity: fix open findings: 9 HIGH (Bandit: 1; ESLint 9.39.1: 2; Flawfinder "
                        + "2.0.19: 3; secretlint 1.0.0: 2; SpotBugs 4.10.4: 1); or waive them in .dsomm.yml")
                .contains("    Information Gathering / Monitoring (0 → 1, target): Simple application metrics; Simple "
                        + "budget metrics; Simple system metrics")
                .contains("Not counted: attestation Regular security training for all (expired, expires 2026-06-30)");

        JsonNode json = new ObjectMapper().readTree(output.resolve("assessment.json").toFile());
        assertThat(json.path("overall").path("level").asInt()).isZero();
        assertThat(json.path("overall").path("support").path("sentence").asText()).isEqualTo(
                "up to level 1: 3 by CI evidence, 2 attested, 1 failed, 17 unverified");
        Map<String, String> dimensions = new TreeMap<>();
        json.path("dimensions").forEach(d -> dimensions.put(d.path("name").asText(), d.path("level").asInt() + " ceiling "
                + d.path("evidenceCeiling").asInt() + " target " + d.path("target").asInt()));
        assertThat(dimensions).containsExactly(entry("Build and Deployment", "0 ceiling 5 target 1"),
                entry("Culture and Organization", "0 ceiling 5 target 1"),
                entry("Implementation", "0 ceiling 5 target 1"),
                entry("Information Gathering", "0 ceiling 1 target 1"),
                entry("Test and Verification", "0 ceiling 0 target 1"));
        Map<String, String> statuses = new TreeMap<>();
        json.path("activities").forEach(a -> {
            String status = a.path("status").asText();
            if (!"unverified".equals(status) && !"out-of-scope".equals(status)) {
                statuses.put(a.path("name").asText(), status);
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
                entry("Static analysis for important client side components", "blocked"),
                entry("Static analysis for important server side components", "blocked"),
                entry("Usage of multiple analyzers", "blocked"),
                entry("Test for stored secrets in code", "met"),
                entry("Test cluster deployment resources", "missing"),
                entry("Test the cloud configuration", "not-applicable"),
                entry("Test the definition of virtualized environments", "missing"),
                entry("Software Composition Analysis", "missing"),
                entry("Test of infrastructure components for known vulnerabilities", "missing")));
        assertThat(json.path("coverage").path("outOfScope").asInt()).isEqualTo(25);
        assertThat(json.path("coverage").path("unverified").asInt()).isEqualTo(144);

        try (Stream<Path> files = Files.list(output)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly(
                    "assessment.json", "badge-build-and-deployment.svg", "badge-culture-and-organization.svg",
                    "badge-implementation.svg", "badge-information-gathering.svg", "badge-test-and-verification.svg",
                    "badge.svg", "dsomm-activities.junit.xml", "report.html", "team-evidence.yaml",
                    "team-progress.yaml", "trend.svg");
        }
        var junit = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(output.resolve("dsomm-activities.junit.xml").toFile()).getDocumentElement();
        // every activity in scope: the 144 unverified ones and the not applicable one are skipped
        assertThat(junit.getAttribute("tests")).isEqualTo("169");
        assertThat(junit.getAttribute("failures")).isEqualTo("14");
        assertThat(junit.getAttribute("skipped")).isEqualTo("145");
        assertThat(junit.getElementsByTagName("testcase").getLength()).isEqualTo(169);

        JsonNode progress = new YAMLMapper().readTree(output.resolve("team-progress.yaml").toFile()).path("progress");
        List<String> implemented = new ArrayList<>();
        progress.properties().forEach(e -> {
            assertThat(e.getValue().path("Sample Team").path("Fully implemented").asText()).as(e.getKey())
                    .matches("2026-\\d\\d-\\d\\d");
            implemented.add(e.getKey());
        });
        assertThat(implemented).hasSize(10); // 7 met + 3 attested
        assertThat(implemented).contains("f6f7737f-25a9-4317-8de2-09bf59f29b5b");
        assertThat(Files.readString(output.resolve("team-progress.yaml"))).contains("""
                  f6f7737f-25a9-4317-8de2-09bf59f29b5b:  # Defined build process
                    'Sample Team':
                      'Started': 2026-11-22
                      'Partly implemented': 2026-11-22
                      'Fully implemented': 2026-11-22
                """).contains("""
                  47419324-e263-415b-815d-e7161b6b905e:  # Conduction of simple threat modeling on technical level
                    'Sample Team':
                      'Started': 2026-10-01
                      'Partly implemented': 2026-10-01
                      'Fully implemented': 2026-10-01
                """);
        JsonNode evidence = new YAMLMapper().readTree(output.resolve("team-evidence.yaml").toFile()).path("evidence");
        assertThat(evidence.size()).isEqualTo(7);
        assertThat(evidence.path("c6e3c812-56e2-41b0-ae01-b7afc41a004c").get(0).path("title").asText())
                .isEqualTo("Shown by CI: SECRETS evidence: secretlint 1.0.0 (secretlint.sarif)");

        assertThat(Files.readString(output.resolve("badge.svg"))).contains("<title>DSOMM: level 0</title>")
                .contains("fill=\"#e05d44\"");
        assertThat(Files.readString(output.resolve("badge-implementation.svg")))
                .contains("<title>DSOMM Implementation: level 0</title>");
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
