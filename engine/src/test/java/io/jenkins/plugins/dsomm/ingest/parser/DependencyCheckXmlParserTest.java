package io.jenkins.plugins.dsomm.ingest.parser;

import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
import io.jenkins.plugins.dsomm.evidence.Facets;
import io.jenkins.plugins.dsomm.evidence.Finding;
import io.jenkins.plugins.dsomm.evidence.Severity;
import io.jenkins.plugins.dsomm.evidence.SeverityCounts;
import io.jenkins.plugins.dsomm.ingest.AbstractParserTest;
import io.jenkins.plugins.dsomm.ingest.IngestedFile;
import io.jenkins.plugins.dsomm.ingest.Ingestor;
import io.jenkins.plugins.dsomm.ingest.ParseException;
import io.jenkins.plugins.dsomm.ingest.ReportParser;
import io.jenkins.plugins.dsomm.ingest.ReportSource;
import io.jenkins.plugins.dsomm.ingest.Sniff;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DependencyCheckXmlParserTest extends AbstractParserTest {
    @Override
    protected ReportParser parser() {
        return new DependencyCheckXmlParser();
    }

    @Override
    protected String fixture() {
        return "dependency-check-xml/report-4.1.xml";
    }

    @Override
    protected void assertFixture(final Evidence evidence) {
        assertThat(evidence.tool()).isEqualTo("dependency-check");
        assertThat(evidence.toolVersion()).isEqualTo("12.1.0");
        assertThat(evidence.kinds()).containsExactly(EvidenceKind.SCA);
        // critical: stated CRITICAL, CVSS v4 9.4 alone; medium: stated MEDIUM against v3 9.0, CVSS v2 score 5.0
        // (the nested cvssV2 severity HIGH is not the vulnerability's word); low: RetireJS "low"
        assertThat(evidence.open()).isEqualTo(SeverityCounts.of(2, 0, 2, 1, 0, 0));
        assertThat(evidence.suppressed()).isEqualTo(1);
        assertThat(evidence.producedAt()).isEqualTo(Instant.parse("2026-05-06T06:06:06.5Z"));
        assertThat(evidence.facets()).contains("ecosystem:maven", "ecosystem:npm", Facets.LANGUAGE_JAVASCRIPT);
        assertThat(evidence.findings()).extracting(Finding::location).containsExactly(
                "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1",
                "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1",
                "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1",
                "jquery.js",
                "pkg:npm/left-pad@1.3.0");
        assertThat(evidence.findings().get(2).severity()).isEqualTo(Severity.MEDIUM);
        assertThat(evidence.findings().get(1).title()).isEqualTo("The stated severity wins.");
    }

    private Evidence parseXml(final String xml) throws ParseException {
        return parseBytes("dependency-check-report.xml", xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldReadSchema13() throws ParseException {
        Evidence e = parseXml("""
                <?xml version="1.0"?>
                <analysis xmlns="https://jeremylong.github.io/DependencyCheck/dependency-check.1.3.xsd">
                  <scanInfo></scanInfo>
                  <projectInfo><name>p</name><reportDate>2016-11-05T14:52:15.748-0400</reportDate></projectInfo>
                  <dependencies>
                    <dependency>
                      <fileName>commons-x-1.0.jar</fileName>
                      <identifiers>
                        <identifier type="maven" confidence="HIGH"><name>(org.x:commons-x:1.0)</name></identifier>
                        <identifier type="cpe"><name>cpe:/a:x:commons-x:1.0</name></identifier>
                      </identifiers>
                      <vulnerabilities>
                        <vulnerability>
                          <name>CVE-0000-0001</name>
                          <cvssScore>7.5</cvssScore>
                          <severity>High</severity>
                          <description>d</description>
                        </vulnerability>
                        <vulnerability>
                          <name>CVE-0000-0002</name>
                          <cvssScore>4.0</cvssScore>
                          <severity></severity>
                          <description>d</description>
                        </vulnerability>
                        <suppressedVulnerability><name>CVE-0000-0003</name><cvssScore>9</cvssScore></suppressedVulnerability>
                      </vulnerabilities>
                    </dependency>
                  </dependencies>
                </analysis>""");
        assertThat(e.toolVersion()).isEmpty();
        assertThat(e.open()).isEqualTo(SeverityCounts.of(0, 1, 1, 0, 0, 0));
        assertThat(e.suppressed()).isEqualTo(1);
        assertThat(e.findings().get(0).location()).isEqualTo("commons-x-1.0.jar");
        assertThat(e.facets()).contains("ecosystem:maven");
        assertThat(e.producedAt()).isEqualTo(Instant.parse("2016-11-05T18:52:15.748Z"));
    }

    @Test
    void shouldCountASuppressedVulnerabilitiesList() throws ParseException {
        Evidence e = parseXml("""
                <analysis xmlns="https://jeremylong.github.io/DependencyCheck/dependency-check.2.0.xsd">
                  <scanInfo><engineVersion>3.0.0</engineVersion></scanInfo>
                  <dependencies><dependency><fileName>a.jar</fileName>
                    <vulnerabilities><vulnerability source="NVD"><name>CVE-1</name><severity>Low</severity></vulnerability></vulnerabilities>
                    <suppressedVulnerabilities>
                      <vulnerability source="NVD"><name>CVE-2</name><severity>High</severity></vulnerability>
                      <suppressedVulnerability source="NVD"><name>CVE-3</name></suppressedVulnerability>
                    </suppressedVulnerabilities>
                  </dependency></dependencies>
                </analysis>""");
        assertThat(e.open()).isEqualTo(SeverityCounts.of(0, 0, 0, 1, 0, 0));
        assertThat(e.suppressed()).isEqualTo(2);
    }

    @Test
    void shouldReadAnEmptyReportAsACleanScan() throws ParseException {
        Evidence e = parseXml("""
                <?xml version="1.0" ?>
                <analysis xmlns="https://jeremylong.github.io/DependencyCheck/dependency-check.2.5.xsd">
                  <scanInfo><engineVersion>6.5.3</engineVersion></scanInfo>
                  <projectInfo><name/><reportDate>2022-01-22T13:40:32.740468526Z</reportDate></projectInfo>
                  <dependencies/>
                </analysis>""");
        assertThat(e.kinds()).containsExactly(EvidenceKind.SCA);
        assertThat(e.open().total()).isZero();
        assertThat(e.suppressed()).isZero();
        assertThat(e.toolVersion()).isEqualTo("6.5.3");
    }

    @Test
    void shouldRefuseAnExternalEntityWithAClearMessage() {
        String xxe = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE analysis [
                  <!ELEMENT analysis ANY >
                  <!ENTITY cve SYSTEM "file:///dev/random" >
                ]>
                <analysis xmlns="https://jeremylong.github.io/DependencyCheck/dependency-check.2.1.xsd">
                  <scanInfo><engineVersion>5.0.0</engineVersion></scanInfo>
                  <projectInfo><name>&cve;</name></projectInfo>
                  <dependencies/>
                </analysis>""";
        assertThatThrownBy(() -> parseXml(xxe))
                .isInstanceOf(ParseException.class)
                .hasMessageStartingWith("dependency-check-report.xml (dependency-check-xml): refers to an XML entity"
                        + " (&cve;)")
                .hasMessageContaining("never resolves or expands XML entities")
                .hasMessageContaining(" at line 8, column ");
        // through the ingestor: recognised by content, then the clear error
        IngestedFile outcome = new Ingestor().readFile(ReportSource.of("report.xml",
                xxe.getBytes(StandardCharsets.UTF_8)), null);
        assertThat(outcome.status()).isEqualTo(IngestedFile.Status.ERROR);
        assertThat(outcome.format()).isEqualTo("dependency-check-xml");
        assertThat(outcome.error()).contains("(&cve;)");
    }

    @Test
    void shouldRejectXmlThatIsNotDependencyCheck() {
        assertThatThrownBy(() -> parseXml("<bom xmlns=\"http://cyclonedx.org/schema/bom/1.4\"/>"))
                .isInstanceOf(ParseException.class)
                .hasMessageStartingWith("dependency-check-report.xml (dependency-check-xml): not a Dependency-Check "
                        + "report: the root element is <bom>");
    }

    @Test
    void shouldDetectByRootElement() {
        DependencyCheckXmlParser parser = new DependencyCheckXmlParser();
        assertThat(parser.detect(Sniff.of("x.xml", "<analysis xmlns=\"https://jeremylong.github.io/DependencyCheck/dependency-check.3.1.xsd\"/>"
                .getBytes(StandardCharsets.UTF_8)))).isEqualTo(ReportParser.CERTAIN);
        assertThat(parser.detect(Sniff.of("x.xml", "<analysis><scanInfo/><projectInfo/></analysis>"
                .getBytes(StandardCharsets.UTF_8)))).isEqualTo(ReportParser.LIKELY);
        assertThat(parser.detect(Sniff.of("x.xml", "<analysis><other/></analysis>"
                .getBytes(StandardCharsets.UTF_8)))).isEqualTo(ReportParser.NO);
    }
}
