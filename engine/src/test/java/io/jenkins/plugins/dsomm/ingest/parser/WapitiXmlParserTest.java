package io.jenkins.plugins.dsomm.ingest.parser;

import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
import io.jenkins.plugins.dsomm.evidence.Finding;
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

class WapitiXmlParserTest extends AbstractParserTest {
    @Override
    protected ReportParser parser() {
        return new WapitiXmlParser();
    }

    @Override
    protected String fixture() {
        return "wapiti-xml/wapiti-3.0.4-local.xml";
    }

    @Override
    protected void assertFixture(final Evidence evidence) {
        assertThat(evidence.tool()).isEqualTo("Wapiti");
        assertThat(evidence.toolVersion()).isEqualTo("3.0.4");
        assertThat(evidence.kinds()).containsExactly(EvidenceKind.DAST);
        // real output of wapiti 3.0.4 (modules http_headers, csp, csrf) against a local test server
        assertThat(evidence.open()).isEqualTo(SeverityCounts.of(0, 0, 1, 5, 0, 0));
        assertThat(evidence.suppressed()).isZero();
        assertThat(evidence.producedAt()).isEqualTo(Instant.parse("2026-11-22T19:26:37Z"));
        assertThat(evidence.findings()).hasSize(6);
        Finding csp = evidence.findings().get(0);
        assertThat(csp.rule()).isEqualTo("Content Security Policy Configuration");
        assertThat(csp.title()).isEqualTo("CSP is not set");
        assertThat(csp.location()).isEqualTo("http://127.0.0.1:18765/");
        assertThat(csp.severity()).isEqualTo(Severity.LOW);
        Finding csrf = evidence.findings().get(1);
        assertThat(csrf.rule()).isEqualTo("Cross Site Request Forgery");
        assertThat(csrf.location()).isEqualTo("http://127.0.0.1:18765/login.html");
        assertThat(csrf.severity()).isEqualTo(Severity.MEDIUM);
    }

    @Test
    void shouldCountAnomaliesButNotAdditionals() throws ParseException {
        String xml = "<?xml version=\"1.0\" ?><report type=\"security\"><report_infos>"
                + "<info name=\"generatorName\">wapiti</info><info name=\"generatorVersion\">Wapiti 3.1.8</info>"
                + "<info name=\"dateOfScan\">Tue, 05 Mar 2024 09:12:44 +0000</info>"
                + "<info name=\"target\">https://app.example.test/</info></report_infos>"
                + "<vulnerabilities><vulnerability name=\"Cross Site Scripting\">"
                + "<description><![CDATA[XSS]]></description>"
                + "<entries><entry><method>GET</method><path>/q</path><level>3</level><info>XSS in q</info></entry>"
                + "</entries></vulnerability></vulnerabilities>"
                + "<anomalies><anomaly name=\"Internal Server Error\"><entries><entry><path>/q</path><level>3</level>"
                + "<info>500</info></entry></entries></anomaly></anomalies>"
                + "<additionals><additional name=\"Fingerprint web technology\"><entries><entry><path>/</path>"
                + "<level>1</level><info>nginx</info></entry></entries></additional></additionals></report>";
        Evidence e = parseBytes("r.xml", xml.getBytes(StandardCharsets.UTF_8));
        assertThat(e.open()).isEqualTo(SeverityCounts.of(0, 2, 0, 0, 0, 0));
        assertThat(e.toolVersion()).isEqualTo("3.1.8");
        assertThat(e.findings().get(0).location()).isEqualTo("https://app.example.test/q");
        assertThat(parser().detect(Sniff.of("r.xml", xml.getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(ReportParser.CERTAIN);
    }

    @Test
    void shouldRejectOtherXml() {
        assertThatThrownBy(() -> parseBytes("x.xml", "<report><a/></report>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ParseException.class)
                .hasMessage("x.xml (wapiti-xml): not a Wapiti XML report: no <report_infos>");
        assertThat(parser().detect(Sniff.of("x.xml", "<report><a/></report>".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(ReportParser.NO);
    }
}
