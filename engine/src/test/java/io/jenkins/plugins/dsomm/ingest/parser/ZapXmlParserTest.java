package io.jenkins.plugins.dsomm.ingest.parser;

import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
import io.jenkins.plugins.dsomm.evidence.Finding;
import io.jenkins.plugins.dsomm.evidence.Severity;
import io.jenkins.plugins.dsomm.evidence.SeverityCounts;
import io.jenkins.plugins.dsomm.ingest.AbstractParserTest;
import io.jenkins.plugins.dsomm.ingest.ParseException;
import io.jenkins.plugins.dsomm.ingest.ReportParser;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ZapXmlParserTest extends AbstractParserTest {
    @Override
    protected ReportParser parser() {
        return new ZapXmlParser();
    }

    @Override
    protected String fixture() {
        return "zap-xml/zap-2.16-baseline.xml";
    }

    @Override
    protected void assertFixture(final Evidence evidence) {
        assertThat(evidence.tool()).isEqualTo("ZAP");
        assertThat(evidence.toolVersion()).isEqualTo("2.16.1");
        assertThat(evidence.kinds()).containsExactly(EvidenceKind.DAST);
        assertThat(evidence.open()).isEqualTo(SeverityCounts.of(0, 1, 1, 1, 1, 0));
        assertThat(evidence.suppressed()).isEqualTo(1);
        assertThat(evidence.producedAt()).isEqualTo(Instant.parse("2025-03-03T08:05:09Z"));
        assertThat(evidence.findings()).hasSize(4);
        Finding sqli = evidence.findings().get(0);
        assertThat(sqli.rule()).isEqualTo("40018");
        assertThat(sqli.title()).isEqualTo("SQL Injection");
        assertThat(sqli.location()).isEqualTo("https://portal.example.test");
        assertThat(sqli.severity()).isEqualTo(Severity.HIGH);
        assertThat(evidence.findings().get(1).rule()).isEqualTo("10020-1");
        Finding legacy = evidence.findings().get(3);
        assertThat(legacy.rule()).isEqualTo("10015");
        assertThat(legacy.title()).isEqualTo("Incomplete or No Cache-control Header Set");
        assertThat(legacy.location()).isEqualTo("http://legacy.example.test");
    }

    @Test
    void shouldReadAnEmptyReport() throws ParseException {
        String xml = "<?xml version=\"1.0\"?>"
                + "<OWASPZAPReport version=\"2.9.0\" generated=\"Tue, 12 May 2020 20:59:12\">\n"
                + "<site name=\"https://a.example.test\" host=\"a.example.test\" port=\"443\" ssl=\"true\"><alerts>"
                + "</alerts></site></OWASPZAPReport>";
        Evidence e = parseBytes("empty.xml", xml.getBytes(StandardCharsets.UTF_8));
        assertThat(e.tool()).isEqualTo("ZAP");
        assertThat(e.toolVersion()).isEqualTo("2.9.0");
        assertThat(e.open().total()).isZero();
        assertThat(e.producedAt()).isEqualTo(Instant.parse("2020-05-12T20:59:12Z"));
    }

    @Test
    void shouldReadTheXmlPlusCreationTime() throws ParseException {
        String xml = "<OWASPZAPReport programName=\"ZAP\" version=\"Dev Build\" generated=\"Wed, 22 Oct 2025 17:09:39\""
                + " created=\"2025-10-22T16:09:39.782827Z\"><site name=\"http://example.test\"><alerts><alertitem>"
                + "<pluginid>1</pluginid><alertRef>1</alertRef><name>XSS</name><riskcode>3</riskcode>"
                + "<confidence>2</confidence><instances><instance><uri>http://example.test/a</uri>"
                + "<requestheader>GET / HTTP/1.1</requestheader><responsebody>&lt;p&gt;</responsebody></instance>"
                + "</instances><systemic>false</systemic></alertitem></alerts><statistics/></site><statistics/>"
                + "</OWASPZAPReport>";
        Evidence e = parseBytes("plus.xml", xml.getBytes(StandardCharsets.UTF_8));
        assertThat(e.open()).isEqualTo(SeverityCounts.of(0, 1, 0, 0, 0, 0));
        assertThat(e.producedAt()).isEqualTo(Instant.parse("2025-10-22T16:09:39.782827Z"));
    }

    @Test
    void shouldRefuseEntityReferencesAndOtherRoots() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<OWASPZAPReport version=\"2.9.0\"><site name=\"&x;\"><alerts/></site></OWASPZAPReport>";
        assertThatThrownBy(() -> parseBytes("xxe.xml", xxe.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ParseException.class)
                .hasMessageStartingWith("xxe.xml (zap-xml): ");
        String nested = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x \"1\">]>"
                + "<OWASPZAPReport version=\"2.9.0\"><site name=\"a\"><alerts><alertitem><extra>&x;</extra>"
                + "</alertitem></alerts></site></OWASPZAPReport>";
        assertThatThrownBy(() -> parseBytes("entity.xml", nested.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("XML entity (&x;)");
        assertThatThrownBy(() -> parseBytes("other.xml", "<report/>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ParseException.class)
                .hasMessage("other.xml (zap-xml): not a ZAP XML report: the root element is <report>, not "
                        + "<OWASPZAPReport>");
    }
}
