package io.jenkins.plugins.dsomm.ingest.parser;

import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
import io.jenkins.plugins.dsomm.evidence.Finding;
import io.jenkins.plugins.dsomm.evidence.FindingIdentity;
import io.jenkins.plugins.dsomm.evidence.Severity;
import io.jenkins.plugins.dsomm.evidence.SeverityCounts;
import io.jenkins.plugins.dsomm.ingest.AbstractParserTest;
import io.jenkins.plugins.dsomm.ingest.ParseException;
import io.jenkins.plugins.dsomm.ingest.ReportParser;
import io.jenkins.plugins.dsomm.ingest.Sniff;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CycloneDxXmlParserTest extends AbstractParserTest {
    @Override
    protected ReportParser parser() {
        return new CycloneDxXmlParser();
    }

    @Override
    protected String fixture() {
        return "cyclonedx-xml/bom-1.6-vex.xml";
    }

    @Override
    protected void assertFixture(final Evidence evidence) {
        assertThat(evidence.tool()).isEqualTo("cyclonedx-gradle-plugin");
        assertThat(evidence.toolVersion()).isEqualTo("1.8.2");
        assertThat(evidence.kinds()).containsExactlyInAnyOrder(EvidenceKind.SBOM, EvidenceKind.SCA);
        // log4j, lodash and its nested inner; not the subject, the pedigree ancestor or the service
        assertThat(evidence.components()).isEqualTo(3);
        // critical: CVSSv31 word; high: CVSSv4 score 7.0 alone; low: the word of a rating without method wins
        // over a CVSSv2 score of 9.0; unknown: no rating at all
        assertThat(evidence.open()).isEqualTo(SeverityCounts.of(1, 1, 0, 1, 0, 1));
        assertThat(evidence.suppressed()).isEqualTo(2); // not_affected × 2 targets
        assertThat(evidence.producedAt()).isEqualTo(Instant.parse("2026-03-02T10:00:00Z"));
        assertThat(evidence.facets()).contains("ecosystem:maven", "ecosystem:npm");
        Finding first = evidence.findings().get(0);
        assertThat(first.rule()).isEqualTo("CVE-2021-44228");
        assertThat(first.title()).isEqualTo("Log4Shell");
        assertThat(first.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(first.location()).isEqualTo("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1");
        assertThat(first.id()).isEqualTo(FindingIdentity.of("CVE-2021-44228",
                "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1", 1));
        assertThat(evidence.findings().get(1).location()).isEqualTo("pkg:npm/lodash@4.17.20");
        assertThat(evidence.findings().get(2).location()).isEqualTo("inner@1.0");
        assertThat(evidence.findings().get(3).location()).isEmpty();
    }

    private Evidence parseXml(final String xml) throws ParseException {
        return parseBytes("bom.xml", xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldReadTheVulnerabilityExtensionOfCycloneDx12() throws ParseException {
        Evidence e = parse("cyclonedx-xml/grype-1.2-extension.xml");
        assertThat(e.tool()).isEqualTo("grype");
        assertThat(e.toolVersion()).isEqualTo("0.7.0");
        assertThat(e.kinds()).containsExactlyInAnyOrder(EvidenceKind.SBOM, EvidenceKind.SCA);
        assertThat(e.components()).isEqualTo(3);
        // "Low" wins over its CVSSv2 base 7.2; "Unknown" with base 0 and no method stays unknown; a CVSSv3 base
        // score 5.0 without a word is medium
        assertThat(e.open()).isEqualTo(SeverityCounts.of(0, 0, 1, 1, 0, 1));
        assertThat(e.suppressed()).isZero();
        assertThat(e.findings()).extracting(Finding::rule)
                .containsExactly("CVE-2020-27350", "CVE-2019-18276", "TEMP-0000001");
        assertThat(e.findings()).extracting(Finding::location)
                .containsExactly("libapt-pkg@1.8.2.1", "pkg:deb/debian/apt@1.8.2.1", "pkg:deb/debian/apt@1.8.2.1");
        assertThat(e.producedAt()).isEqualTo(Instant.parse("2021-03-04T11:55:50Z"));
    }

    @Test
    void shouldReadTheVulnerabilityExtensionAtBomLevelByComponentRef() throws ParseException {
        Evidence e = parse("cyclonedx-xml/cdx-1.2-bom-level-vulnerability-extension.xml");
        assertThat(e.tool()).isEqualTo("dep-scan");
        assertThat(e.kinds()).containsExactlyInAnyOrder(EvidenceKind.SBOM, EvidenceKind.SCA);
        assertThat(e.components()).isEqualTo(3);
        assertThat(e.open()).isEqualTo(SeverityCounts.of(2, 1, 0, 0, 0, 0));
        assertThat(e.findings()).extracting(Finding::rule, Finding::location).containsExactly(
                org.assertj.core.groups.Tuple.tuple("CVE-2021-44228", "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1"),
                org.assertj.core.groups.Tuple.tuple("CVE-2020-36518", "pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.9.10"),
                org.assertj.core.groups.Tuple.tuple("CVE-2022-42889", "org.apache.commons/commons-text@1.9"));
    }

    @Test
    void shouldReadCycloneDx10WithoutMetadata() throws ParseException {
        Evidence e = parseXml("""
                <?xml version="1.0"?>
                <bom xmlns="http://cyclonedx.org/schema/bom/1.0" version="1">
                  <components>
                    <component type="library"><name>a</name><version>1</version><purl>pkg:pypi/a@1</purl>
                      <components><component type="library"><name>b</name><version>2</version></component></components>
                    </component>
                  </components>
                </bom>""");
        assertThat(e.tool()).isEqualTo("unknown CycloneDX producer");
        assertThat(e.toolVersion()).isEmpty();
        assertThat(e.components()).isEqualTo(2);
        assertThat(e.kinds()).containsExactly(EvidenceKind.SBOM);
        assertThat(e.facets()).contains("ecosystem:pypi");
    }

    @Test
    void shouldRefuseEntityReferencesEvenInSkippedElements() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE bom [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
                <bom xmlns="http://cyclonedx.org/schema/bom/1.4" version="1">
                  <components>
                    <component type="library"><name>a</name><description>&xxe;</description></component>
                  </components>
                </bom>""";
        assertThatThrownBy(() -> parseXml(xxe))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("(&xxe;)")
                .hasMessageContaining("never resolves or expands XML entities");
    }

    @Test
    void shouldRejectXmlThatIsNotCycloneDx() {
        assertThatThrownBy(() -> parseXml("<analysis xmlns=\"urn:x\"><a/></analysis>"))
                .isInstanceOf(ParseException.class)
                .hasMessageStartingWith("bom.xml (cyclonedx-xml): not a CycloneDX BOM: the root element is <analysis>"
                        + " in namespace urn:x");
    }

    @Test
    void shouldDetectByRootElementAndNamespaceOnly() {
        CycloneDxXmlParser parser = new CycloneDxXmlParser();
        assertThat(parser.detect(Sniff.of("a.xml",
                "<bom xmlns=\"http://cyclonedx.org/schema/bom/1.3\"/>".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(ReportParser.CERTAIN);
        assertThat(parser.detect(Sniff.of("a.xml",
                "<bom xmlns=\"urn:other\"><components/></bom>".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(ReportParser.NO);
        assertThat(parser.detect(Sniff.of("a.xml",
                "<analysis><components/></analysis>".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(ReportParser.NO);
    }
}
