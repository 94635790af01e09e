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
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GrypeJsonParserTest extends AbstractParserTest {
    @Override
    protected ReportParser parser() {
        return new GrypeJsonParser();
    }

    @Override
    protected String fixture() {
        return "grype-json/image-matches.json";
    }

    @Override
    protected void assertFixture(final Evidence evidence) {
        assertThat(evidence.tool()).isEqualTo("grype");
        assertThat(evidence.toolVersion()).isEqualTo("0.74.7");
        assertThat(evidence.kinds()).containsExactlyInAnyOrder(EvidenceKind.CONTAINER, EvidenceKind.SCA);
        // critical: stated; high: stated word over a 5.3 score, related GHSA's word when the match states nothing;
        // medium: stated, v3.1 score 4.2 preferred to v2 7.5; low: stated; info: Negligible;
        // unknown: stated "Unknown" even with a 9.8 score
        assertThat(evidence.open()).isEqualTo(SeverityCounts.of(1, 2, 2, 1, 1, 1));
        assertThat(evidence.suppressed()).isEqualTo(2);
        assertThat(evidence.components()).isZero();
        assertThat(evidence.producedAt()).isEqualTo(Instant.parse("2026-03-02T07:00:00.5Z"));
        assertThat(evidence.facets()).contains(Facets.TARGET_IMAGE, "ecosystem:deb", Facets.ECOSYSTEM_NPM,
                "ecosystem:maven");
        Finding first = evidence.findings().get(0);
        assertThat(first.rule()).isEqualTo("CVE-2099-0101");
        assertThat(first.location()).isEqualTo("libdemo");
        assertThat(first.title()).isEqualTo("Heap overflow in libdemo.");
        assertThat(first.id()).isEqualTo(FindingIdentity.of("CVE-2099-0101", "libdemo", 1));
        assertThat(evidence.findings().get(7).rule()).isEqualTo("CVE-2099-0108");
        assertThat(evidence.findings().get(7).severity()).isEqualTo(Severity.HIGH);
        assertThat(evidence.findings().get(7).location()).isEqualTo("commons-compress");
    }

    private Evidence parseText(final String json) throws ParseException {
        return parseBytes("grype.json", json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldReadTheOldLayout() throws ParseException {
        String old = """
                {"matches": [
                  {"vulnerability": {"id": "CVE-2099-0301", "links": [], "cvssV2": {"baseScore": 5.0}, "cvssV3": {"baseScore": 9.1}},
                   "matchDetails": {"matcher": "dpkg-matcher", "searchKey": {}},
                   "artifact": {"name": "bash", "version": "5.0", "type": "deb", "cpes": [{"Part": "a"}]}},
                  {"vulnerability": {"id": "CVE-2099-0302", "cvssV2": {"baseScore": 6.8, "vector": "AV:N/AC:M/Au:N/C:P/I:P/A:P"}},
                   "artifact": {"name": "bash", "version": "5.0", "type": "deb"}},
                  {"vulnerability": {"id": "CVE-2099-0303", "severity": "Negligible", "cvssV2": {"baseScore": 10.0}},
                   "artifact": {"name": "tar", "version": "1.30", "type": "deb"}}
                ],
                 "source": {"type": "image", "target": {"userInput": "debian:10"}},
                 "distro": {"name": "debian", "version": "10", "idLike": ""},
                 "descriptor": {"name": "grype", "version": "0.7.0"}}""";
        Evidence e = parseText(old);
        assertThat(e.toolVersion()).isEqualTo("0.7.0");
        assertThat(e.open()).isEqualTo(SeverityCounts.of(1, 0, 1, 0, 1, 0));
        assertThat(e.kinds()).containsExactlyInAnyOrder(EvidenceKind.CONTAINER, EvidenceKind.SCA);
        assertThat(e.findings()).extracting(Finding::id).doesNotHaveDuplicates();
    }

    @Test
    void shouldReadADirectoryScanAsScaOnly() throws ParseException {
        String dir = """
                {"descriptor": {"name": "grype", "version": "0.24.0"}, "source": {"type": "directory", "target": "."},
                 "matches": [{"artifact": {"name": "delegate", "type": "npm", "purl": "pkg:npm/delegate@3.2.0"},
                              "vulnerability": {"id": "CVE-1999-1338", "severity": "Medium"}}]}""";
        Evidence e = parseText(dir);
        assertThat(e.kinds()).containsExactly(EvidenceKind.SCA);
        assertThat(e.facets()).contains(Facets.ECOSYSTEM_NPM).doesNotContain(Facets.TARGET_IMAGE);
        assertThat(e.open()).isEqualTo(SeverityCounts.of(0, 0, 1, 0, 0, 0));
        assertThat(e.producedAt()).isNull();
        assertThat(ParserRegistry.defaults().detect(Sniff.of("x.json", dir.getBytes(StandardCharsets.UTF_8))))
                .hasValueSatisfying(p -> assertThat(p.id()).isEqualTo("grype-json"));
    }

    @Test
    void shouldDetectAReportWithoutMatches() {
        String none = """
                {"matches": [], "source": {"type": "image"}, "distro": {"name": "busybox"},
                 "descriptor": {"name": "grype", "version": "0.7.0"}}""";
        assertThat(ParserRegistry.defaults().detect(Sniff.of("x.json", none.getBytes(StandardCharsets.UTF_8))))
                .hasValueSatisfying(p -> assertThat(p.id()).isEqualTo("grype-json"));
    }

    @Test
    void shouldRejectJsonThatIsNotGrype() {
        assertThatThrownBy(() -> parseText("{\"descriptor\": {\"name\": \"grype\"}}"))
                .isInstanceOf(ParseException.class)
                .hasMessage("grype.json (grype-json): not a Grype report: no \"matches\" array");
        assertThatThrownBy(() -> parseText("[]"))
                .isInstanceOf(ParseException.class)
                .hasMessageStartingWith("grype.json (grype-json): expected a Grype report object but found an array");
    }

    @Test
    void shouldSurviveOddValueTypes() throws ParseException {
        Evidence e = parseText("""
                {"matches": [null, 1, {"vulnerability": [], "artifact": "x", "relatedVulnerabilities": {}},
                  {"vulnerability": {"id": {"x": 1}, "severity": 3, "cvss": [{"metrics": "x"}, 2]}}],
                 "ignoredMatches": 5, "source": [], "descriptor": "grype"}""");
        assertThat(e.tool()).isEqualTo("grype");
        assertThat(e.open()).isEqualTo(SeverityCounts.of(0, 0, 0, 0, 0, 2));
        assertThat(e.suppressed()).isZero();
    }
}
