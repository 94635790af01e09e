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

class BurpXmlParserTest extends AbstractParserTest {
    @Override
    protected ReportParser parser() {
        return new BurpXmlParser();
    }

    @Override
    protected String fixture() {
        return "burp-xml/burp-issues.xml";
    }

    @Override
    protected void assertFixture(final Evidence evidence) {
        assertThat(evidence.tool()).isEqualTo("Burp Suite");
        assertThat(evidence.toolVersion()).isEqualTo("2023.10.3");
        assertThat(evidence.kinds()).containsExactly(EvidenceKind.DAST);
        // two High, one Medium, one Low, one Information; false positive as confidence and as severity
        assertThat(evidence.open()).isEqualTo(SeverityCounts.of(0, 2, 1, 1, 1, 0));
        assertThat(evidence.suppressed()).isEqualTo(2);
        assertThat(evidence.producedAt()).isEqualTo(Instant.parse("2023-11-07T08:30:00Z"));
        assertThat(evidence.findings()).hasSize(5);
        Finding first = evidence.findings().get(0);
        assertThat(first.rule()).isEqualTo("1049088");
        assertThat(first.title()).isEqualTo("SQL injection");
        assertThat(first.location()).isEqualTo("https://app.example.test/account/orders");
        assertThat(first.severity()).isEqualTo(Severity.HIGH);
        // the same issue type at the same URL (another parameter) is a second occurrence
        assertThat(evidence.findings().get(1).id())
                .isEqualTo(FindingIdentity.of("1049088", "https://app.example.test/account/orders", 2));
        assertThat(evidence.findings().get(4).severity()).isEqualTo(Severity.INFO);
    }

    @Test
    void shouldReadAnExportWithoutDoctype() throws ParseException {
        String xml = "<issues burpVersion=\"1.6.05\" exportTime=\"Sat Sep 13 22:39:44 CEST 2014\"><issue>"
                + "<serialNumber>1</serialNumber><type>5244416</type><name>Cookie without HttpOnly flag set</name>"
                + "<host ip=\"192.0.2.1\">http://a.example.test</host><path>/</path><location>/</location>"
                + "<severity>Low</severity><confidence>Firm</confidence></issue></issues>";
        Evidence e = parseBytes("plain.xml", xml.getBytes(StandardCharsets.UTF_8));
        assertThat(e.toolVersion()).isEqualTo("1.6.05");
        assertThat(e.open()).isEqualTo(SeverityCounts.of(0, 0, 0, 1, 0, 0));
        assertThat(e.producedAt()).isEqualTo(Instant.parse("2014-09-13T20:39:44Z"));
        assertThat(e.findings().get(0).location()).isEqualTo("http://a.example.test/");
    }

    @Test
    void shouldReadAnEmptyExport() throws ParseException {
        Evidence e = parseBytes("none.xml", "<issues burpVersion=\"2024.1\" exportTime=\"\"></issues>"
                .getBytes(StandardCharsets.UTF_8));
        assertThat(e.open().total()).isZero();
        assertThat(e.kinds()).containsExactly(EvidenceKind.DAST);
    }

    @Test
    void shouldRefuseAnExportThatUsesAnEntityFromItsDoctype() {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE issues [<!ENTITY host \"http://a.example.test\">]>"
                + "<issues burpVersion=\"2023.1\"><issue><type>1</type><host>&host;</host><severity>High</severity>"
                + "</issue></issues>";
        assertThatThrownBy(() -> parseBytes("entity.xml", xml.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("XML entity (&host;)");
    }

    @Test
    void shouldNotClaimAndroidLintIssues() {
        String lint = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><issues format=\"6\" by=\"lint 8.1.0\">"
                + "<issue id=\"HardcodedText\" severity=\"Warning\" message=\"m\"/></issues>";
        assertThat(parser().detect(Sniff.of("lint.xml", lint.getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(ReportParser.NO);
        assertThatThrownBy(() -> parseBytes("x.xml", "<report/>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ParseException.class)
                .hasMessage("x.xml (burp-xml): not a Burp Suite issues export: the root element is <report>, not "
                        + "<issues>");
    }
}
