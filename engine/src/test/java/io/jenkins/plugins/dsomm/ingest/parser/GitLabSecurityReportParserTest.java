package io.jenkins.plugins.dsomm.ingest.parser;

import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
import io.jenkins.plugins.dsomm.evidence.Finding;
import io.jenkins.plugins.dsomm.evidence.FindingIdentity;
import io.jenkins.plugins.dsomm.evidence.SeverityCounts;
import io.jenkins.plugins.dsomm.ingest.AbstractParserTest;
import io.jenkins.plugins.dsomm.ingest.ParseException;
import io.jenkins.plugins.dsomm.ingest.ParserRegistry;
import io.jenkins.plugins.dsomm.ingest.ReportParser;
import io.jenkins.plugins.dsomm.ingest.ReportSource;
import io.jenkins.plugins.dsomm.ingest.Sniff;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

/** The fixtures follow GitLab's security report schemas v15.0 (and v14.1 for the SAST report). */
class GitLabSecurityReportParserTest extends AbstractParserTest {
    @Override
    protected ReportParser parser() {
        return new GitLabSecurityReportParser();
    }

    @Override
    protected String fixture() {
        return "gitlab-security-json/gl-dependency-scanning-report-v15.json";
    }

    @Override
    protected void assertFixture(final Evidence evidence) {
        assertThat(evidence.tool()).isEqualTo("gemnasium-maven");
        assertThat(evidence.toolVersion()).isEqualTo("5.2.3");
        assertThat(evidence.kinds()).containsExactly(EvidenceKind.SCA);
        assertThat(evidence.open()).isEqualTo(SeverityCounts.of(1, 1, 0, 0, 0, 1));
        assertThat(evidence.producedAt()).isEqualTo(Instant.parse("2024-05-06T09:11:02Z"));
        // the first identifier is the primary one, the location the dependency's package
        assertThat(evidence.findings()).extracting(Finding::rule, Finding::location).containsExactly(
                tuple("2b3c4d5e-6f70-4182-93a4-b5c6d7e8f901", "org.apache.logging.log4j/log4j-core"),
                tuple("CVE-2022-42003", "com.fasterxml.jackson.core/jackson-databind"),
                tuple("6c7d8e9f-0a1b-4c2d-8e3f-4a5b6c7d8e9f", "org.yaml/snakeyaml"));
        assertThat(evidence.findings().get(1).id()).isEqualTo(FindingIdentity.of("CVE-2022-42003",
                "com.fasterxml.jackson.core/jackson-databind", 1));
        assertThat(evidence.findings().get(1).title()).isEqualTo("Improper Input Validation");
    }

    @Test
    void shouldGiveOneEvidencePerScannerOfAnAggregatedV14Report() throws ParseException {
        List<Evidence> all = parser().parseAll(ReportSource.of("gl-sast-report.json",
                resource("gitlab-security-json/gl-sast-report-v14.json")));
        assertThat(all).extracting(Evidence::tool, Evidence::kinds, e -> e.open().total()).containsExactly(
                tuple("Bandit", java.util.Set.of(EvidenceKind.SAST), 2),
                tuple("ESLint", java.util.Set.of(EvidenceKind.SAST), 1));
        // the same rule twice in one file: two findings (DefectDojo keeps one per "cve" compare key)
        assertThat(all.get(0).findings()).extracting(Finding::id).containsExactly(
                FindingIdentity.of("B608", "app/db.py", 1), FindingIdentity.of("B608", "app/db.py", 2));
        assertThat(all.get(1).facets()).contains("language:javascript");
        Evidence merged = parse("gitlab-security-json/gl-sast-report-v14.json");
        assertThat(merged.open()).isEqualTo(SeverityCounts.of(0, 0, 2, 0, 0, 1));
    }

    @Test
    void shouldReadContainerDastAndSecretReportsWithTheirKinds() throws ParseException {
        Evidence container = parse("gitlab-security-json/gl-container-scanning-report-v15.json");
        assertThat(container.tool()).isEqualTo("Trivy");
        assertThat(container.kinds()).containsExactlyInAnyOrder(EvidenceKind.CONTAINER, EvidenceKind.SCA);
        assertThat(container.facets()).contains("target:image");
        assertThat(container.findings()).extracting(Finding::rule, Finding::location)
                .containsExactly(tuple("CVE-2023-45853", "zlib"), tuple("CVE-2024-2511", "openssl"));
        Evidence dast = parse("gitlab-security-json/gl-dast-report-v15.json");
        assertThat(dast.kinds()).containsExactly(EvidenceKind.DAST);
        assertThat(dast.open()).isEqualTo(SeverityCounts.of(0, 1, 0, 0, 1, 0));
        assertThat(dast.findings()).extracting(Finding::rule, Finding::location).containsExactly(
                tuple("10038", "https://shop.example.test/"), tuple("40012", "https://shop.example.test/search"));
        Evidence secrets = parse("gitlab-security-json/gl-secret-detection-report-v15.json");
        assertThat(secrets.tool()).isEqualTo("Gitleaks");
        assertThat(secrets.toolVersion()).isEqualTo("8.18.2");
        assertThat(secrets.kinds()).containsExactly(EvidenceKind.SECRETS);
        assertThat(secrets.findings()).extracting(Finding::rule, Finding::location)
                .containsExactly(tuple("AWS", "deploy/.env"));
    }

    @Test
    void shouldTakeTheScanTypeEvenWhenTheScanComesLast() throws ParseException {
        String report = "{\"version\":\"15.0.0\",\"vulnerabilities\":[{\"id\":\"a\",\"severity\":\"High\","
                + "\"location\":{\"file\":\"x.py\"},\"identifiers\":[{\"type\":\"x\",\"name\":\"x\",\"value\":\"R1\"}]}],"
                + "\"scan\":{\"scanner\":{\"id\":\"s\",\"name\":\"Scanner\",\"version\":\"1\"},"
                + "\"type\":\"secret_detection\",\"status\":\"success\"}}";
        Evidence e = parseBytes("late.json", report.getBytes(StandardCharsets.UTF_8));
        assertThat(e.kinds()).containsExactly(EvidenceKind.SECRETS);
        assertThat(e.tool()).isEqualTo("Scanner");
    }

    @Test
    void shouldRefuseAFailedScanRatherThanCallItClean() {
        String report = "{\"version\":\"15.0.0\",\"vulnerabilities\":[],\"scan\":{\"scanner\":{\"id\":\"s\","
                + "\"name\":\"semgrep\"},\"type\":\"sast\",\"status\":\"failure\",\"messages\":[{\"level\":\"fatal\","
                + "\"value\":\"the analyzer could not find a project\"}]}}";
        assertThatThrownBy(() -> parseBytes("failed.json", report.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ParseException.class)
                .hasMessage("failed.json (gitlab-security-json): the scan failed (scan.status \"failure\"): the "
                        + "analyzer could not find a project");
    }

    @Test
    void shouldWinAgainstZapForGitLabsDastReportThatEmbedsZapsKeys() {
        String report = "{\"@generated\":\"Fri, 23 Apr 2021\",\"@version\":\"D-2020-08-26\",\"site\":[{\"@name\":"
                + "\"http://a\",\"alerts\":[]}],\"version\":\"13.1.0\",\"vulnerabilities\":[],\"scan\":{\"scanner\":"
                + "{\"id\":\"zaproxy\",\"name\":\"ZAP\"},\"type\":\"dast\",\"status\":\"success\"}}";
        assertThat(ParserRegistry.defaults().detect(Sniff.of("gl-dast-report.json",
                report.getBytes(StandardCharsets.UTF_8)))).hasValueSatisfying(p -> assertThat(p.id())
                .isEqualTo("gitlab-security-json"));
    }

    @Test
    void shouldRejectAReportWithoutVulnerabilities() {
        assertThatThrownBy(() -> parseBytes("x.json", "{\"version\":\"15.0.0\",\"scan\":{}}"
                .getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ParseException.class)
                .hasMessage("x.json (gitlab-security-json): not a GitLab security report: no \"vulnerabilities\"");
    }
}
