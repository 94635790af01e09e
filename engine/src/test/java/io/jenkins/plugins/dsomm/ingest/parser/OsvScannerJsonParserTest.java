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

class OsvScannerJsonParserTest extends AbstractParserTest {
    @Override
    protected ReportParser parser() {
        return new OsvScannerJsonParser();
    }

    @Override
    protected String fixture() {
        return "osv-scanner-json/results.json";
    }

    @Override
    protected void assertFixture(final Evidence evidence) {
        assertThat(evidence.tool()).isEqualTo("osv-scanner");
        assertThat(evidence.toolVersion()).isEmpty();
        assertThat(evidence.kinds()).containsExactlyInAnyOrder(EvidenceKind.SCA, EvidenceKind.LICENSE);
        // critical: max_severity 9.3 of a v4-only group, stated word (ungrouped package); high: a GHSA+PYSEC
        // group counted once with its word, a CVSS v2 vector computed (7.5); medium: MODERATE, a v3 vector
        // computed (6.4); low: stated; unknown: a v4 vector alone, a licence violation
        assertThat(evidence.open()).isEqualTo(SeverityCounts.of(2, 2, 2, 1, 0, 2));
        // not called, unimportant
        assertThat(evidence.suppressed()).isEqualTo(2);
        assertThat(evidence.components()).isZero();
        assertThat(evidence.facets()).contains("ecosystem:pypi", Facets.ECOSYSTEM_NPM);
        assertThat(evidence.findings()).hasSize(9);
        Finding first = evidence.findings().get(0);
        assertThat(first.rule()).isEqualTo("GHSA-aaaa-0001-0001");
        assertThat(first.title()).isEqualTo("SQL injection in QuerySet.values");
        assertThat(first.location()).isEqualTo("django");
        assertThat(first.severity()).isEqualTo(Severity.HIGH);
        assertThat(first.id()).isEqualTo(FindingIdentity.of("GHSA-aaaa-0001-0001", "django", 1));
        assertThat(evidence.findings()).extracting(Finding::severity).containsExactly(Severity.HIGH, Severity.MEDIUM,
                Severity.MEDIUM, Severity.CRITICAL, Severity.UNKNOWN, Severity.CRITICAL, Severity.LOW,
                Severity.UNKNOWN, Severity.HIGH);
        assertThat(evidence.findings().get(7).rule()).isEqualTo("license-violation");
        assertThat(evidence.findings().get(7).location()).isEqualTo("copyleft-lib");
        assertThat(evidence.findings().get(8).location()).isEqualTo("0123456789abcdef0123456789abcdef01234567");
    }

    private Evidence parseText(final String json) throws ParseException {
        return parseBytes("osv.json", json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldReadAnEmptyFileOnlyWhenTheFormatIsGiven() {
        byte[] empty = new byte[0];
        IngestedFile explicit = new Ingestor().readFile(ReportSource.of("osv.json", empty), "osv-scanner-json");
        assertThat(explicit.status()).isEqualTo(IngestedFile.Status.READ);
        assertThat(explicit.evidence().get(0).open().total()).isZero();
        assertThat(explicit.evidence().get(0).kinds()).containsExactly(EvidenceKind.SCA);
        assertThat(new Ingestor().readFile(ReportSource.of("osv.json", empty), null).status())
                .isEqualTo(IngestedFile.Status.ERROR);
    }

    @Test
    void shouldReadResultsWithoutFindingsAndTheOldPackageSourceKey() throws ParseException {
        String empty = "{\"results\": [], \"experimental_config\": {\"licenses\": {\"summary\": false}}}";
        assertThat(parseText(empty).open().total()).isZero();
        assertThat(ParserRegistry.defaults().detect(Sniff.of("x.json", empty.getBytes(StandardCharsets.UTF_8))))
                .hasValueSatisfying(p -> assertThat(p.id()).isEqualTo("osv-scanner-json"));
        String old = """
                {"results": [{"packageSource": {"path": "go.mod", "type": "lockfile"}, "packages": [
                  {"package": {"name": "golang.org/x/net", "version": "0.1.0", "ecosystem": "Go"},
                   "vulnerabilities": [{"id": "GO-2099-0001", "aliases": ["CVE-2099-6001"]}]}]}]}""";
        Evidence e = parseText(old);
        assertThat(e.open()).isEqualTo(SeverityCounts.of(0, 0, 0, 0, 0, 1));
        assertThat(e.facets()).contains("ecosystem:go");
        assertThat(ParserRegistry.defaults().detect(Sniff.of("x.json", old.getBytes(StandardCharsets.UTF_8))))
                .hasValueSatisfying(p -> assertThat(p.id()).isEqualTo("osv-scanner-json"));
    }

    @Test
    void shouldReadAnImageScanAsContainerEvidence() throws ParseException {
        String image = """
                {"results": [{"source": {"path": "/var/lib/dpkg/status", "type": "os"}, "packages": [
                  {"package": {"name": "openssl", "version": "3.0.11-1", "ecosystem": "Debian:12"},
                   "vulnerabilities": [{"id": "DSA-2099-1", "severity": [{"type": "CVSS_V3", "score": "7.5"}]}],
                   "groups": [{"ids": ["DSA-2099-1"], "aliases": ["DSA-2099-1"]}]}]}],
                 "image_metadata": {"os": "Debian GNU/Linux 12", "layer_metadata": []}}""";
        Evidence e = parseText(image);
        assertThat(e.kinds()).containsExactlyInAnyOrder(EvidenceKind.SCA, EvidenceKind.CONTAINER);
        assertThat(e.facets()).contains(Facets.TARGET_IMAGE, "ecosystem:deb");
        assertThat(e.open()).isEqualTo(SeverityCounts.of(0, 1, 0, 0, 0, 0));
    }

    @Test
    void shouldNameEcosystemsLikeOtherTools() throws ParseException {
        Evidence e = parseText("""
                {"results": [{"source": {"path": "composer.lock", "type": "lockfile"}, "packages": [
                  {"package": {"name": "guzzlehttp/guzzle", "version": "6.3.3", "ecosystem": "Packagist"}},
                  {"package": {"name": "openssl", "version": "3.0.7", "ecosystem": "Rocky Linux:9"}}]}]}""");
        assertThat(e.facets()).contains("ecosystem:composer", "ecosystem:rpm");
        assertThat(e.open().total()).isZero();
    }

    @Test
    void shouldNotClaimOtherReportsWithResults() {
        byte[] bandit = "{\"errors\": [], \"results\": [{\"filename\": \"a.py\", \"issue_severity\": \"LOW\"}]}"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(parser().detect(Sniff.of("x.json", bandit))).isEqualTo(ReportParser.NO);
    }

    @Test
    void shouldRejectJsonThatIsNotOsvScanner() {
        assertThatThrownBy(() -> parseText("{\"experimental_config\": {}}"))
                .isInstanceOf(ParseException.class)
                .hasMessage("osv.json (osv-scanner-json): not an OSV-Scanner report: no \"results\" array");
        assertThatThrownBy(() -> parseText("null"))
                .isInstanceOf(ParseException.class)
                .hasMessageStartingWith("osv.json (osv-scanner-json): expected an OSV-Scanner report object but found null");
    }

    @Test
    void shouldSurviveOddValueTypes() throws ParseException {
        Evidence e = parseText("""
                {"results": [1, {"source": "x", "packages": [null, {"package": [], "vulnerabilities": [2, {"id": 3,
                 "severity": [{"type": "CVSS_V3", "score": "CVSS:3.1/AV:X"}, 4], "database_specific": []}],
                 "groups": [{"ids": [3, null], "experimental_analysis": {"3": 5}}], "license_violations": {}}]}]}""");
        assertThat(e.open()).isEqualTo(SeverityCounts.of(0, 0, 0, 0, 0, 1));
    }
}
