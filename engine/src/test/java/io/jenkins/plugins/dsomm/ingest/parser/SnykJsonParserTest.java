package io.jenkins.plugins.dsomm.ingest.parser;

import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
import io.jenkins.plugins.dsomm.evidence.Facets;
import io.jenkins.plugins.dsomm.evidence.Finding;
import io.jenkins.plugins.dsomm.evidence.FindingIdentity;
import io.jenkins.plugins.dsomm.evidence.Severity;
import io.jenkins.plugins.dsomm.evidence.SeverityCounts;
import io.jenkins.plugins.dsomm.ingest.AbstractParserTest;
import io.jenkins.plugins.dsomm.ingest.IngestedFile;
import io.jenkins.plugins.dsomm.ingest.Ingestor;
import io.jenkins.plugins.dsomm.ingest.ParseException;
import io.jenkins.plugins.dsomm.ingest.ParserRegistry;
import io.jenkins.plugins.dsomm.ingest.ReportParser;
import io.jenkins.plugins.dsomm.ingest.ReportSource;
import io.jenkins.plugins.dsomm.ingest.Sniff;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SnykJsonParserTest extends AbstractParserTest {
    private static final String ERROR = """
            {"ok": false, "error": "Could not detect supported target files in /home/ci/empty", "path": "/home/ci/empty"}""";

    @Override
    protected ReportParser parser() {
        return new SnykJsonParser();
    }

    @Override
    protected String fixture() {
        return "snyk-json/test-project.json";
    }

    @Override
    protected void assertFixture(final Evidence evidence) {
        assertThat(evidence.tool()).isEqualTo("Snyk");
        assertThat(evidence.toolVersion()).isEmpty();
        assertThat(evidence.kinds()).containsExactlyInAnyOrder(EvidenceKind.SCA, EvidenceKind.LICENSE);
        // high: one issue on two paths counted once, the same issue in another version, cvssScore 7.3 without
        // a word, a licence issue; medium: stated with null scores, CVSSv3 vector computed (5.5); low; critical
        assertThat(evidence.open()).isEqualTo(SeverityCounts.of(1, 4, 2, 1, 0, 0));
        // two ignored issues (one listed on two paths); patched ones and remediation copies are not counted
        assertThat(evidence.suppressed()).isEqualTo(2);
        assertThat(evidence.components()).isZero();
        assertThat(evidence.producedAt()).isNull();
        assertThat(evidence.facets()).contains(Facets.ECOSYSTEM_NPM);
        Finding first = evidence.findings().get(0);
        assertThat(first.rule()).isEqualTo("SNYK-JS-DEMO-1000001");
        assertThat(first.title()).isEqualTo("Prototype Pollution");
        assertThat(first.location()).isEqualTo("demo");
        assertThat(first.severity()).isEqualTo(Severity.HIGH);
        assertThat(first.id()).isEqualTo(FindingIdentity.of("SNYK-JS-DEMO-1000001", "demo", 1));
        assertThat(evidence.findings().get(1).id()).isEqualTo(FindingIdentity.of("SNYK-JS-DEMO-1000001", "demo", 2));
        assertThat(evidence.findings().get(6).severity()).isEqualTo(Severity.MEDIUM);
    }

    private Evidence parseText(final String json) throws ParseException {
        return parseBytes("snyk.json", json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldReadAllProjectsArray() throws ParseException {
        String all = """
                [
                  {"vulnerabilities": [{"id": "SNYK-JAVA-A-1", "severity": "medium", "packageName": "g:a", "version": "1"}],
                   "ok": false, "packageManager": "maven", "projectName": "g:parent", "displayTargetFile": "pom.xml"},
                  {"vulnerabilities": [{"id": "SNYK-JAVA-A-1", "severity": "medium", "packageName": "g:a", "version": "1"},
                                       {"id": "SNYK-PYTHON-B-2", "severity": "low", "packageName": "b", "version": "2"}],
                   "ok": false, "packageManager": "pip", "projectName": "tools", "displayTargetFile": "requirements.txt"},
                  {"ok": false, "error": "Failed to test gradle project", "path": "/src/sub"}
                ]""";
        Evidence e = parseText(all);
        // the same issue in two projects is two findings: each project has its own manifest
        assertThat(e.open()).isEqualTo(SeverityCounts.of(0, 0, 2, 1, 0, 0));
        assertThat(e.kinds()).containsExactly(EvidenceKind.SCA);
        assertThat(e.facets()).contains("ecosystem:maven", "ecosystem:pypi");
        assertThat(ParserRegistry.defaults().detect(Sniff.of("x.json", all.getBytes(StandardCharsets.UTF_8))))
                .hasValueSatisfying(p -> assertThat(p.id()).isEqualTo("snyk-json"));
        assertThat(parseText("[]").kinds()).containsExactly(EvidenceKind.SCA);
    }

    @Test
    void shouldReadContainerTestWithApplications() throws ParseException {
        String container = """
                {"vulnerabilities": [{"id": "SNYK-DEBIAN12-OPENSSL-1", "severity": "high", "packageName": "openssl",
                   "name": "openssl/libssl3", "version": "3.0.11-1", "CVSSv3": null, "cvssScore": null}],
                 "ok": false, "packageManager": "deb", "docker": {"baseImage": "debian:12"},
                 "projectName": "docker-image|registry.example.com/shop/api", "platform": "linux/amd64",
                 "applications": [{"vulnerabilities": [{"id": "SNYK-JS-X-2", "severity": "critical",
                   "packageName": "x", "version": "1.0.0"}], "ok": false, "packageManager": "npm",
                   "projectName": "api", "targetFile": "/app/package.json"}]}""";
        Evidence e = parseText(container);
        assertThat(e.kinds()).containsExactlyInAnyOrder(EvidenceKind.CONTAINER, EvidenceKind.SCA);
        assertThat(e.open()).isEqualTo(SeverityCounts.of(1, 1, 0, 0, 0, 0));
        assertThat(e.facets()).contains(Facets.TARGET_IMAGE, "ecosystem:deb", Facets.ECOSYSTEM_NPM);
        assertThat(e.findings().get(0).location()).isEqualTo("openssl");
    }

    @Test
    void shouldReadIacTest() throws ParseException {
        String iac = """
                {"meta": {"org": "example"}, "infrastructureAsCodeIssues": [
                   {"id": "SNYK-CC-K8S-1", "title": "Container is running in privileged mode", "severity": "high",
                    "path": ["spec", "containers[web]", "securityContext", "privileged"]},
                   {"id": "SNYK-CC-K8S-8", "title": "Container is running without memory limit", "severity": "low"}],
                 "ok": false, "packageManager": "k8sconfig", "projectType": "k8sconfig",
                 "targetFile": "deploy/web.yaml", "path": "/src"}""";
        Evidence e = parseText(iac);
        assertThat(e.kinds()).containsExactly(EvidenceKind.IAC);
        assertThat(e.facets()).contains(Facets.TARGET_KUBERNETES);
        assertThat(e.open()).isEqualTo(SeverityCounts.of(0, 1, 0, 1, 0, 0));
        assertThat(e.findings().get(0).location()).isEqualTo("deploy/web.yaml");
    }

    @Test
    void shouldTurnASnykErrorDocumentIntoAClearError() {
        assertThatThrownBy(() -> parseText(ERROR))
                .isInstanceOf(ParseException.class)
                .hasMessage("snyk.json (snyk-json): Snyk failed (error document, not a scan result): "
                        + "Could not detect supported target files in /home/ci/empty");
        IngestedFile outcome = new Ingestor().readFile(ReportSource.of("snyk.json",
                ERROR.getBytes(StandardCharsets.UTF_8)), null);
        assertThat(outcome.status()).isEqualTo(IngestedFile.Status.ERROR);
        assertThat(outcome.format()).isEqualTo("snyk-json");
        assertThatThrownBy(() -> parseText("[" + ERROR + "]"))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("Could not detect supported target files");
    }

    @Test
    void shouldRejectJsonThatIsNotSnyk() {
        assertThatThrownBy(() -> parseText("{\"ok\": true}"))
                .isInstanceOf(ParseException.class)
                .hasMessage("snyk.json (snyk-json): not a Snyk report: no \"vulnerabilities\"");
    }

    @Test
    void shouldSurviveOddValueTypes() throws ParseException {
        Evidence e = parseText("""
                {"ok": false, "vulnerabilities": [null, 1, {"id": [], "severity": {}, "cvssScore": "x", "CVSSv3": 5,
                 "packageName": {}}], "filtered": {"ignore": [null, {"id": "a"}], "patch": 3}, "applications": [2],
                 "docker": "yes", "packageManager": 7}""");
        assertThat(e.open()).isEqualTo(SeverityCounts.of(0, 0, 0, 0, 0, 1));
        assertThat(e.suppressed()).isEqualTo(1);
    }
}
