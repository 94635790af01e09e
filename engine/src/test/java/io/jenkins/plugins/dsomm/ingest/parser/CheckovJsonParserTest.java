package io.jenkins.plugins.dsomm.ingest.parser;

import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
import io.jenkins.plugins.dsomm.evidence.Facets;
import io.jenkins.plugins.dsomm.evidence.Finding;
import io.jenkins.plugins.dsomm.evidence.FindingIdentity;
import io.jenkins.plugins.dsomm.evidence.Severity;
import io.jenkins.plugins.dsomm.evidence.SeverityCounts;
import io.jenkins.plugins.dsomm.ingest.AbstractParserTest;
import io.jenkins.plugins.dsomm.ingest.ParseException;
import io.jenkins.plugins.dsomm.ingest.ParserRegistry;
import io.jenkins.plugins.dsomm.ingest.ReportParser;
import io.jenkins.plugins.dsomm.ingest.Sniff;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CheckovJsonParserTest extends AbstractParserTest {
    @Override
    protected ReportParser parser() {
        return new CheckovJsonParser();
    }

    @Override
    protected String fixture() {
        return "checkov-json/checkov-multi-framework.json";
    }

    @Override
    protected void assertFixture(final Evidence evidence) {
        assertThat(evidence.tool()).isEqualTo("Checkov");
        assertThat(evidence.toolVersion()).isEqualTo("3.2.10");
        assertThat(evidence.kinds()).containsExactlyInAnyOrder(EvidenceKind.IAC, EvidenceKind.SCA);
        // terraform: LOW, HIGH, HIGH, no severity; kubernetes: MEDIUM, CRITICAL; sca_package: no severity with
        // CVSS 7.2, "moderate"; one skipped terraform check; helm checked nothing
        assertThat(evidence.open()).isEqualTo(SeverityCounts.of(1, 3, 2, 1, 0, 1));
        assertThat(evidence.suppressed()).isEqualTo(1);
        assertThat(evidence.facets()).contains(Facets.TARGET_TERRAFORM, Facets.TARGET_KUBERNETES, Facets.ECOSYSTEM_NPM)
                .doesNotContain(Facets.TARGET_HELM);
        assertThat(evidence.findings()).hasSize(8);
        Finding first = evidence.findings().get(0);
        assertThat(first.rule()).isEqualTo("CKV_AWS_18");
        assertThat(first.title()).isEqualTo("Ensure the S3 bucket has access logging enabled");
        assertThat(first.location()).isEqualTo("/infra/s3.tf");
        assertThat(first.severity()).isEqualTo(Severity.LOW);
        // one check failing on two resources of one file
        assertThat(evidence.findings().get(2).id()).isEqualTo(FindingIdentity.of("CKV_AWS_145", "/infra/s3.tf", 2));
        assertThat(evidence.findings().get(3).severity()).isEqualTo(Severity.UNKNOWN);
        assertThat(evidence.findings().get(6).severity()).isEqualTo(Severity.HIGH);
        assertThat(evidence.findings().get(7).severity()).isEqualTo(Severity.MEDIUM);
    }

    @Test
    void shouldReadASummaryOnlyReportAsACleanRun() throws ParseException {
        String json = "{\"passed\": 0, \"failed\": 0, \"skipped\": 0, \"parsingerrors\": 0, \"resourcecount\": 0,"
                + " \"checkov_version\": \"2.1.269\"}";
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        Evidence e = parseBytes("summary.json", bytes);
        assertThat(e.toolVersion()).isEqualTo("2.1.269");
        assertThat(e.kinds()).containsExactly(EvidenceKind.IAC);
        assertThat(e.open().total()).isZero();
        assertThat(e.facets()).isEmpty();
        assertThat(ParserRegistry.defaults().detect(Sniff.of("summary.json", bytes)))
                .hasValueSatisfying(p -> assertThat(p.id()).isEqualTo("checkov-json"));
    }

    @Test
    void shouldReadASingleFrameworkObject() throws ParseException {
        String json = """
                {"check_type": "dockerfile", "results": {"passed_checks": [{"check_id": "CKV_DOCKER_1"}],
                 "failed_checks": [{"check_id": "CKV_DOCKER_2", "check_name": "Ensure that HEALTHCHECK is added",
                 "file_path": "/Dockerfile", "repo_file_path": "/Dockerfile",
                 "resource": "/Dockerfile.", "severity": null}], "skipped_checks": [], "parsing_errors": []},
                 "summary": {"passed": 1, "failed": 1, "skipped": 0, "parsing_errors": 0, "resource_count": 1,
                 "checkov_version": "2.0.209"}}""";
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        Evidence e = parseBytes("docker.json", bytes);
        assertThat(e.open()).isEqualTo(SeverityCounts.of(0, 0, 0, 0, 0, 1));
        assertThat(e.facets()).contains(Facets.TARGET_DOCKERFILE);
        assertThat(e.kinds()).containsExactly(EvidenceKind.IAC);
        assertThat(parser().detect(Sniff.of("docker.json", bytes))).isEqualTo(ReportParser.CERTAIN);
    }

    @Test
    void shouldMapFrameworksToKinds() throws ParseException {
        String json = "[{\"check_type\":\"secrets\",\"results\":{\"failed_checks\":[{\"check_id\":\"CKV_SECRET_2\","
                + "\"file_path\":\"/a.env\",\"severity\":\"HIGH\"}]},\"summary\":{\"checkov_version\":\"3.0.1\"}},"
                + "{\"check_type\":\"sca_image\",\"results\":{\"failed_checks\":[]},\"summary\":{}}]";
        Evidence e = parseBytes("mixed.json", json.getBytes(StandardCharsets.UTF_8));
        assertThat(e.kinds()).containsExactlyInAnyOrder(EvidenceKind.SECRETS, EvidenceKind.CONTAINER);
        assertThat(e.open()).isEqualTo(SeverityCounts.of(0, 1, 0, 0, 0, 0));
    }

    @Test
    void shouldRejectOtherJson() {
        assertThatThrownBy(() -> parseBytes("x.json", "{\"a\": 1}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ParseException.class)
                .hasMessage("x.json (checkov-json): not a Checkov report: no \"check_type\", \"results\" or "
                        + "\"checkov_version\"");
        assertThatThrownBy(() -> parseBytes("y.json", "[1]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ParseException.class)
                .hasMessage("y.json (checkov-json): expected a Checkov report object or the end of the array but "
                        + "found a number at line 1, column 2");
    }
}
