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
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrivyJsonParserTest extends AbstractParserTest {
    @Override
    protected ReportParser parser() {
        return new TrivyJsonParser();
    }

    @Override
    protected String fixture() {
        return "trivy-json/image-all-classes.json";
    }

    @Override
    protected void assertFixture(final Evidence evidence) {
        assertThat(evidence.tool()).isEqualTo("Trivy");
        assertThat(evidence.toolVersion()).isEqualTo("0.50.1");
        assertThat(evidence.kinds()).containsExactlyInAnyOrder(EvidenceKind.CONTAINER, EvidenceKind.SCA,
                EvidenceKind.IAC, EvidenceKind.SECRETS, EvidenceKind.LICENSE);
        // critical: stated word, ghsa (severity source) v4 score 9.3, secret; high: stated word over a low CVSS,
        // failed misconfiguration; medium: nvd v3 5.3 (the severity source, not redhat's 9.1);
        // low: npm package, licence; unknown: stated "UNKNOWN". PASS misconfiguration not counted.
        assertThat(evidence.open()).isEqualTo(SeverityCounts.of(3, 2, 1, 2, 0, 1));
        // a VEX not-affected finding and a misconfiguration exception
        assertThat(evidence.suppressed()).isEqualTo(2);
        assertThat(evidence.components()).isZero();
        assertThat(evidence.producedAt()).isEqualTo(Instant.parse("2026-03-01T09:15:30.123456Z"));
        assertThat(evidence.facets()).contains(Facets.TARGET_IMAGE, "ecosystem:deb", Facets.ECOSYSTEM_NPM,
                Facets.TARGET_DOCKERFILE);
        assertThat(evidence.findings()).hasSize(9);
        Finding first = evidence.findings().get(0);
        assertThat(first.rule()).isEqualTo("CVE-2099-0001");
        assertThat(first.location()).isEqualTo("libdemo1");
        assertThat(first.title()).isEqualTo("libdemo1: heap overflow");
        assertThat(first.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(first.id()).isEqualTo(FindingIdentity.of("CVE-2099-0001", "libdemo1", 1));
        assertThat(finding(evidence, "CVE-2099-0003").severity()).isEqualTo(Severity.MEDIUM);
        assertThat(finding(evidence, "CVE-2099-0005").severity()).isEqualTo(Severity.CRITICAL);
        assertThat(finding(evidence, "GHSA-aaaa-bbbb-cccc").location()).isEqualTo("left-pad");
        assertThat(finding(evidence, "DS002").location()).isEqualTo("Dockerfile");
        assertThat(finding(evidence, "DS002").title()).isEqualTo("Image user should not be 'root'");
        assertThat(finding(evidence, "aws-secret-access-key").location()).isEqualTo("/app/config/settings.env");
        assertThat(finding(evidence, "MIT").location()).isEqualTo("libdemo1");
    }

    private static Finding finding(final Evidence evidence, final String rule) {
        return evidence.findings().stream().filter(f -> f.rule().equals(rule)).findFirst().orElseThrow();
    }

    private Evidence parseText(final String json) throws ParseException {
        return parseBytes("report.json", json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldReadLegacyTopLevelArray() throws ParseException {
        String legacy = """
                [
                  {"Target": "alpine:3.10 (alpine 3.10.2)", "Type": "alpine", "Vulnerabilities": [
                    {"VulnerabilityID": "CVE-2099-1000", "PkgName": "musl", "Severity": "HIGH"},
                    {"VulnerabilityID": "CVE-2099-1001", "PkgName": "musl", "Severity": "UNKNOWN"},
                    {"VulnerabilityID": "CVE-2099-1002", "PkgName": "busybox", "CVSS": {"nvd": {"V2Score": 4.3}}}
                  ]},
                  {"Target": "app/Gemfile.lock", "Type": "bundler", "Vulnerabilities": null}
                ]""";
        Evidence e = parseText(legacy);
        assertThat(e.tool()).isEqualTo("Trivy");
        assertThat(e.toolVersion()).isEmpty();
        assertThat(e.kinds()).containsExactlyInAnyOrder(EvidenceKind.CONTAINER, EvidenceKind.SCA);
        assertThat(e.open()).isEqualTo(SeverityCounts.of(0, 1, 1, 0, 0, 1));
        assertThat(e.facets()).contains("ecosystem:apk", "ecosystem:rubygems");
        assertThat(e.findings()).extracting(Finding::id).doesNotHaveDuplicates();
        assertThat(ParserRegistry.defaults().detect(Sniff.of("x.json", legacy.getBytes(StandardCharsets.UTF_8))))
                .hasValueSatisfying(p -> assertThat(p.id()).isEqualTo("trivy-json"));
    }

    @Test
    void shouldReadLegacyNullAsNoFindingsOnlyWhenTheFormatIsGiven() throws ParseException {
        Evidence e = parseText("null");
        assertThat(e.open().total()).isZero();
        assertThat(e.kinds()).containsExactly(EvidenceKind.SCA);
        byte[] nothing = "null\n".getBytes(StandardCharsets.UTF_8);
        assertThat(new Ingestor().readFile(ReportSource.of("trivy.json", nothing), null).status())
                .isEqualTo(IngestedFile.Status.UNRECOGNISED);
        IngestedFile explicit = new Ingestor().readFile(ReportSource.of("trivy.json", nothing), "trivy-json");
        assertThat(explicit.status()).isEqualTo(IngestedFile.Status.READ);
        assertThat(explicit.evidence().get(0).open().total()).isZero();
    }

    @Test
    void shouldReadKubernetesResourcesLayout() throws ParseException {
        String k8s = """
                {"ClusterName": "kind-dev", "Resources": [
                  {"Kind": "Deployment", "Name": "web", "Results": [
                    {"Target": "Deployment/web", "Class": "config", "Type": "kubernetes",
                     "MisconfSummary": {"Successes": 40, "Failures": 2},
                     "Misconfigurations": [
                       {"ID": "KSV001", "AVDID": "AVD-KSV-0001", "Severity": "MEDIUM", "Status": "FAIL"},
                       {"AVDID": "AVD-KSV-0012", "Severity": "LOW", "Status": "FAIL"},
                       {"ID": "KSV003", "Severity": "LOW", "Status": "PASS"}]},
                    {"Target": "nginx:1.25 (debian 12.1)", "Class": "os-pkgs", "Type": "debian",
                     "Vulnerabilities": [{"VulnerabilityID": "CVE-2099-2000", "PkgName": "openssl", "Severity": "HIGH"}]}
                  ], "Namespace": "prod"},
                  {"Namespace": "prod", "Kind": "Service", "Name": "web", "Results": [
                    {"Target": "Service/web", "Class": "config", "Type": "kubernetes"}]}
                ]}""";
        Evidence e = parseText(k8s);
        assertThat(e.kinds()).containsExactlyInAnyOrder(EvidenceKind.IAC, EvidenceKind.CONTAINER, EvidenceKind.SCA);
        assertThat(e.open()).isEqualTo(SeverityCounts.of(0, 1, 1, 1, 0, 0));
        assertThat(e.facets()).contains(Facets.TARGET_KUBERNETES, "ecosystem:deb");
        assertThat(e.findings()).extracting(Finding::location)
                .containsExactly("prod/Deployment/web", "prod/Deployment/web", "openssl");
        assertThat(e.findings()).extracting(Finding::rule).containsExactly("KSV001", "AVD-KSV-0012", "CVE-2099-2000");
    }

    @Test
    void shouldReadOlderKubernetesLayoutWithoutCountingTheSummary() throws ParseException {
        String k8s = """
                {"ClusterName": "eks", "Vulnerabilities": [
                  {"Namespace": "default", "Kind": "Deployment", "Name": "api", "Results": [
                    {"Target": "api:2 (alpine 3.18)", "Class": "os-pkgs", "Type": "alpine", "Vulnerabilities": [
                      {"VulnerabilityID": "CVE-2099-3000", "PkgName": "zlib", "Severity": "LOW"}]}]}],
                 "Misconfigurations": [
                  {"Namespace": "default", "Kind": "Deployment", "Name": "api", "Results": [
                    {"Target": "Deployment/api", "Class": "config", "Type": "kubernetes",
                     "MisconfSummary": {"Successes": 23, "Failures": 8, "Exceptions": 0},
                     "Misconfigurations": [{"ID": "KSV011", "Severity": "LOW", "Status": "FAIL"}]}]}]}""";
        Evidence e = parseText(k8s);
        assertThat(e.open()).isEqualTo(SeverityCounts.of(0, 0, 0, 2, 0, 0));
        assertThat(e.kinds()).containsExactlyInAnyOrder(EvidenceKind.IAC, EvidenceKind.CONTAINER, EvidenceKind.SCA);
        assertThat(e.facets()).contains(Facets.TARGET_KUBERNETES);
    }

    @Test
    void shouldReadConfigScanOfHelmChartAsKubernetes() throws ParseException {
        String helm = """
                {"SchemaVersion": 2, "ArtifactName": "charts/web", "ArtifactType": "repository", "Results": [
                  {"Target": "web/templates/deployment.yaml", "Class": "config", "Type": "helm",
                   "Misconfigurations": [{"ID": "KSV014", "Severity": "HIGH", "Status": "FAIL"}]}]}""";
        Evidence e = parseText(helm);
        assertThat(e.kinds()).containsExactly(EvidenceKind.IAC);
        assertThat(e.facets()).contains(Facets.TARGET_HELM, Facets.TARGET_KUBERNETES);
        assertThat(e.open()).isEqualTo(SeverityCounts.of(0, 1, 0, 0, 0, 0));
    }

    @Test
    void shouldTreatImageScanWithoutResultsAsContainerScan() throws ParseException {
        Evidence e = parseText("{\"SchemaVersion\": 2, \"ArtifactName\": \"x:1\", \"ArtifactType\": \"container_image\"}");
        assertThat(e.kinds()).containsExactlyInAnyOrder(EvidenceKind.CONTAINER, EvidenceKind.SCA);
        Evidence secretsOnly = parseText("""
                {"SchemaVersion": 2, "ArtifactType": "container_image", "Results": [
                  {"Target": "/etc/app.env", "Class": "secret", "Secrets": [{"RuleID": "github-pat", "Severity": "CRITICAL"}]}]}""");
        assertThat(secretsOnly.kinds()).containsExactly(EvidenceKind.SECRETS);
    }

    @Test
    void shouldRejectJsonThatIsNotTrivy() {
        assertThatThrownBy(() -> parseText("{\"matches\": []}"))
                .isInstanceOf(ParseException.class)
                .hasMessage("report.json (trivy-json): not a Trivy report: no Results, SchemaVersion or ClusterName");
        assertThatThrownBy(() -> parseText("[1, 2]"))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("not a Trivy report: the top-level array holds something other than result");
        assertThatThrownBy(() -> parseText("\"text\""))
                .isInstanceOf(ParseException.class)
                .hasMessageStartingWith("report.json (trivy-json): expected a Trivy report object but found a string");
    }

    @Test
    void shouldSurviveOddValueTypes() throws ParseException {
        Evidence e = parseText("""
                {"SchemaVersion": 2, "Trivy": "0.1", "Results": [null, 3, {"Target": ["x"], "Class": {},
                  "Vulnerabilities": [null, {"VulnerabilityID": 7, "PkgName": {"a": 1}, "Severity": ["HIGH"],
                  "CVSS": {"nvd": {"V3Score": "n/a"}, "x": 5}, "PkgIdentifier": "pkg"}],
                  "Misconfigurations": {"ID": "x"}, "Secrets": [[]], "ExperimentalModifiedFindings": {}}]}""");
        assertThat(e.open()).isEqualTo(SeverityCounts.of(0, 0, 0, 0, 0, 1));
        assertThat(e.findings().get(0).rule()).isEqualTo("7");
    }
}
