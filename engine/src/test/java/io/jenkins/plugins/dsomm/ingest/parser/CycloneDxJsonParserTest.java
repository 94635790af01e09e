package io.jenkins.plugins.dsomm.ingest.parser;

import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
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

class CycloneDxJsonParserTest extends AbstractParserTest {
    @Override
    protected ReportParser parser() {
        return new CycloneDxJsonParser();
    }

    @Override
    protected String fixture() {
        return "cyclonedx-json/bom-1.6-vex.json";
    }

    @Override
    protected void assertFixture(final Evidence evidence) {
        // the application tool wins over the library listed first; services and the subject are not tools
        assertThat(evidence.tool()).isEqualTo("cyclonedx-maven-plugin");
        assertThat(evidence.toolVersion()).isEqualTo("2.9.1");
        assertThat(evidence.kinds()).containsExactlyInAnyOrder(EvidenceKind.SBOM, EvidenceKind.SCA);
        // 3 top-level + 2 nested; not the subject, its part, the pedigree ancestor or the service
        assertThat(evidence.components()).isEqualTo(5);
        // critical: CVE-2021-44228 (CVSSv4 word over CVSSv31 word) × 2 affects; high: score 7.2 of a CVSSv31
        // rating, "high" CVSSv3 word; medium: "moderate" without method over a CVSSv2 score; low: CVSSv2 score
        // 3.1 ("unknown" is no word, OWASP is no CVSS); info: "none"; unknown: only an OWASP score, no affects
        assertThat(evidence.open()).isEqualTo(SeverityCounts.of(2, 2, 1, 1, 1, 1));
        // not_affected × 2 affects, false_positive, resolved, resolved_with_pedigree
        assertThat(evidence.suppressed()).isEqualTo(5);
        assertThat(evidence.producedAt()).isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
        assertThat(evidence.facets()).contains("ecosystem:maven", "ecosystem:npm", "ecosystem:pypi");
        assertThat(evidence.packages()).contains("org.apache.logging.log4j/log4j-core", "lodash", "inner",
                "deep", "requests");
        assertThat(evidence.findings()).hasSize(8);
        Finding log4shell = evidence.findings().get(0);
        assertThat(log4shell.rule()).isEqualTo("CVE-2021-44228");
        assertThat(log4shell.title()).isEqualTo("Log4Shell: JNDI lookups in log messages.");
        assertThat(log4shell.severity()).isEqualTo(Severity.CRITICAL);
        // the bom-ref is a package URL: its qualifiers are dropped
        assertThat(log4shell.location()).isEqualTo("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1");
        assertThat(log4shell.id()).isEqualTo(FindingIdentity.of("CVE-2021-44228",
                "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1", 1));
        // references resolved to the components they name, nested ones and BOM-Links included
        assertThat(evidence.findings().get(1).location()).isEqualTo("pkg:pypi/requests@2.25.0");
        assertThat(evidence.findings().get(2).location()).isEqualTo("pkg:npm/lodash@4.17.20");
        assertThat(evidence.findings().get(3).location()).isEqualTo("deep@0.1.0");
        assertThat(evidence.findings().get(4).location()).isEqualTo("pkg:npm/inner@1.0.0");
        assertThat(evidence.findings().get(5).location()).isEmpty();
        assertThat(evidence.findings().get(6).location()).isEqualTo("demo-app@1.0.0");
        assertThat(evidence.findings().get(7).location()).isEqualTo("c-unknown");
    }

    private Evidence parseJson(final String json) throws ParseException {
        return parseBytes("bom.json", json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldReadLegacyToolArrayAndPreferTheToolOverItsLibrary() throws ParseException {
        Evidence e = parseJson("""
                {"bomFormat":"CycloneDX","specVersion":"1.4","metadata":{"tools":[
                  {"vendor":"@cyclonedx","name":"cyclonedx-library","version":"1.13.3"},
                  {"vendor":"@cyclonedx","name":"cyclonedx-npm","version":"1.9.2"}]},
                 "components":[{"type":"library","name":"a","purl":"pkg:npm/a@1"}]}""");
        assertThat(e.tool()).isEqualTo("cyclonedx-npm");
        assertThat(e.toolVersion()).isEqualTo("1.9.2");
        assertThat(e.kinds()).containsExactly(EvidenceKind.SBOM);
        assertThat(e.components()).isEqualTo(1);
    }

    @Test
    void shouldReadVexWithoutComponentsAsScaOnly() throws ParseException {
        Evidence e = parseJson("""
                {"bomFormat":"CycloneDX","specVersion":"1.4","vulnerabilities":[
                  {"id":"CVE-1","ratings":[{"severity":"high","method":"CVSSv31"}],"analysis":{"state":"exploitable"},
                   "affects":[{"ref":"urn:cdx:serial/1#pkg:maven/g/a@1.0?type=jar"}]},
                  {"id":"CVE-2","analysis":{"state":"not_affected"},"affects":[{"ref":"x"}]}]}""");
        assertThat(e.kinds()).containsExactly(EvidenceKind.SCA);
        assertThat(e.components()).isZero();
        assertThat(e.tool()).isEqualTo("unknown CycloneDX producer");
        assertThat(e.open()).isEqualTo(SeverityCounts.of(0, 1, 0, 0, 0, 0));
        assertThat(e.suppressed()).isEqualTo(1);
        assertThat(e.findings().get(0).location()).isEqualTo("pkg:maven/g/a@1.0");
        assertThat(e.facets()).contains("ecosystem:maven");
    }

    @Test
    void shouldNotTakeAnEmptyVulnerabilityListForAVulnerabilityScan() throws ParseException {
        // Trivy writes "vulnerabilities": [] also when it did not scan for vulnerabilities
        Evidence e = parseJson("""
                {"bomFormat":"CycloneDX","specVersion":"1.5","components":[{"name":"a"}],"vulnerabilities":[]}""");
        assertThat(e.kinds()).containsExactly(EvidenceKind.SBOM);
        assertThat(e.open().total()).isZero();
    }

    @Test
    void shouldResolveReferencesWhateverTheOrderOfFields() throws ParseException {
        Evidence e = parseJson("""
                {"vulnerabilities":[{"affects":[{"ref":"r1"}],"ratings":[{"score":9.9,"method":"CVSSv4"}],
                  "id":"CVE-9"}],
                 "components":[{"components":[{"purl":"pkg:golang/example.com/m@v1.0.0","bom-ref":"r1",
                   "name":"m"}],"name":"outer"}],
                 "metadata":{"timestamp":"2026-01-01T00:00:00Z","component":{"name":"subject"},
                   "tools":{"components":[{"name":"t","version":"1"}]}},
                 "specVersion":"1.6","bomFormat":"CycloneDX"}""");
        assertThat(e.components()).isEqualTo(2);
        assertThat(e.open()).isEqualTo(SeverityCounts.of(1, 0, 0, 0, 0, 0));
        assertThat(e.findings().get(0).location()).isEqualTo("pkg:golang/example.com/m@v1.0.0");
        assertThat(e.tool()).isEqualTo("t");
        assertThat(e.producedAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void shouldReadNullAndEmptyArrayAsAnEmptyBomWhenTheFormatIsGiven() throws ParseException {
        for (String content : new String[] {"null", "[]", " [ ] "}) {
            Evidence e = parseJson(content);
            assertThat(e.components()).isZero();
            assertThat(e.open().total()).isZero();
            assertThat(e.kinds()).containsExactly(EvidenceKind.SBOM);
        }
        assertThat(ParserRegistry.defaults().detect(Sniff.of("x.json", "[]".getBytes(StandardCharsets.UTF_8))))
                .isEmpty();
    }

    @Test
    void shouldTolerateOddShapes() throws ParseException {
        Evidence e = parseJson("""
                {"bomFormat":"CycloneDX","metadata":{"tools":"none","timestamp":{"x":1},"component":[]},
                 "components":[1,null,{"name":["x"],"components":{"a":1}},"s"],
                 "vulnerabilities":[{"ratings":{"x":1},"affects":"r","analysis":[]},7]}""");
        assertThat(e.components()).isEqualTo(1);
        assertThat(e.open()).isEqualTo(SeverityCounts.of(0, 0, 0, 0, 0, 1));
    }

    @Test
    void shouldRejectJsonThatIsNotCycloneDx() {
        assertThatThrownBy(() -> parseJson("{\"components\":[]}"))
                .isInstanceOf(ParseException.class)
                .hasMessage("bom.json (cyclonedx-json): not a CycloneDX BOM: no \"bomFormat\" or \"specVersion\"");
        assertThatThrownBy(() -> parseJson("{\"bomFormat\":\"SPDX\"}"))
                .isInstanceOf(ParseException.class)
                .hasMessage("bom.json (cyclonedx-json): not a CycloneDX BOM: bomFormat is \"SPDX\"");
        assertThatThrownBy(() -> parseJson("[1]"))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("expected a CycloneDX BOM object but found an array");
    }

    @Test
    void shouldNotClaimOtherJsonFormats() {
        CycloneDxJsonParser parser = new CycloneDxJsonParser();
        for (String other : new String[] {
            "{\"version\":\"2.1.0\",\"runs\":[]}",
            "{\"spdxVersion\":\"SPDX-2.3\",\"packages\":[]}",
            "{\"reportSchema\":\"1.1\",\"scanInfo\":{\"engineVersion\":\"8\"},\"dependencies\":[]}",
            "{\"components\":[]}"}) {
            assertThat(parser.detect(Sniff.of("x.json", other.getBytes(StandardCharsets.UTF_8)))).isEqualTo(ReportParser.NO);
        }
    }

    @Test
    void shouldChooseSeverityFromRatings() {
        CycloneDx.Ratings r = new CycloneDx.Ratings();
        r.add("CVSSv2", "low", 2.0);
        r.add("CVSSv31", "medium", 5.0);
        r.add(null, "critical", Double.NaN);
        assertThat(r.severity()).isEqualTo(Severity.MEDIUM);
        CycloneDx.Ratings scores = new CycloneDx.Ratings();
        scores.add("CVSSv2", null, 9.5);
        scores.add("CVSSv3", null, 6.0);
        scores.add("other", null, 10.0);
        assertThat(scores.severity()).isEqualTo(Severity.MEDIUM);
        CycloneDx.Ratings none = new CycloneDx.Ratings();
        none.add(null, "Unknown", 0.0);
        assertThat(none.severity()).isEqualTo(Severity.UNKNOWN);
    }

    @Test
    void shouldPreferToolComponentsOverLibrariesAndServices() throws ParseException {
        Evidence e = parseJson("""
                {"bomFormat":"CycloneDX","specVersion":"1.5","metadata":{"tools":{
                  "services":[{"name":"upload-service","version":"3"}],
                  "components":[{"type":"library","name":"cyclonedx-python-lib","version":"6.0.0"}]}}}""");
        assertThat(e.tool()).isEqualTo("cyclonedx-python-lib");
        assertThat(e.toolVersion()).isEqualTo("6.0.0");
        Evidence service = parseJson("""
                {"bomFormat":"CycloneDX","metadata":{"tools":{"services":[{"name":"upload-service","version":"3"}]}}}""");
        assertThat(service.tool()).isEqualTo("upload-service");
    }
}
