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

class ZapJsonParserTest extends AbstractParserTest {
    @Override
    protected ReportParser parser() {
        return new ZapJsonParser();
    }

    @Override
    protected String fixture() {
        return "zap-json/zap-2.14-baseline.json";
    }

    @Override
    protected void assertFixture(final Evidence evidence) {
        assertThat(evidence.tool()).isEqualTo("ZAP");
        assertThat(evidence.toolVersion()).isEqualTo("2.14.0");
        assertThat(evidence.kinds()).containsExactly(EvidenceKind.DAST);
        // site 1: riskcode 3, 2, 2, 1, 0 and a false positive; site 2 (name after alerts): numeric riskcode 1,
        // no riskcode (riskdesc "Informational"), riskcode 7
        assertThat(evidence.open()).isEqualTo(SeverityCounts.of(0, 1, 2, 2, 2, 1));
        assertThat(evidence.suppressed()).isEqualTo(1);
        assertThat(evidence.components()).isZero();
        assertThat(evidence.producedAt()).isEqualTo(Instant.parse("2023-06-01T12:15:04Z"));
        assertThat(evidence.findings()).hasSize(8);
        Finding xss = evidence.findings().get(0);
        assertThat(xss.rule()).isEqualTo("40012");
        assertThat(xss.title()).isEqualTo("Cross Site Scripting (Reflected)");
        assertThat(xss.location()).isEqualTo("https://shop.example.test");
        assertThat(xss.severity()).isEqualTo(Severity.HIGH);
        assertThat(xss.id()).isEqualTo(FindingIdentity.of("40012", "https://shop.example.test", 1));
        // two variants of one plugin are two findings, told apart by alertRef
        assertThat(evidence.findings().get(1).rule()).isEqualTo("10038-1");
        assertThat(evidence.findings().get(2).rule()).isEqualTo("10038-2");
        Finding numeric = evidence.findings().get(5);
        assertThat(numeric.rule()).isEqualTo("90022");
        assertThat(numeric.location()).isEqualTo("http://api.example.test:8080");
        assertThat(numeric.severity()).isEqualTo(Severity.LOW);
        assertThat(evidence.findings().get(6).severity()).isEqualTo(Severity.INFO);
        assertThat(evidence.findings().get(7).severity()).isEqualTo(Severity.UNKNOWN);
    }

    @Test
    void shouldReadZap28WithoutProgramNameOrAlertRef() throws ParseException {
        String report = """
                {"@version": "2.8.0", "@generated": "Sun, 8 Mar 2020 18:09:07",
                 "site": [{"@name": "https://www.example.test", "@host": "www.example.test", "@port": "443",
                  "alerts": [{"pluginid": "10038", "alert": "Content Security Policy (CSP) Header Not Set",
                   "name": "Content Security Policy (CSP) Header Not Set", "riskcode": "1", "confidence": "2",
                   "riskdesc": "Low (Medium)", "instances": [{"uri": "https://www.example.test/", "method": "GET"}],
                   "count": "1"}]}]}""";
        Evidence e = parseBytes("old.json", report.getBytes(StandardCharsets.UTF_8));
        assertThat(e.tool()).isEqualTo("ZAP");
        assertThat(e.toolVersion()).isEqualTo("2.8.0");
        assertThat(e.open()).isEqualTo(SeverityCounts.of(0, 0, 0, 1, 0, 0));
        assertThat(e.findings().get(0).rule()).isEqualTo("10038");
        assertThat(e.producedAt()).isEqualTo(Instant.parse("2020-03-08T18:09:07Z"));
        assertThat(ParserRegistry.defaults().detect(Sniff.of("x", report.getBytes(StandardCharsets.UTF_8))))
                .hasValueSatisfying(p -> assertThat(p.id()).isEqualTo("zap-json"));
    }

    @Test
    void shouldReadTraditionalJsonPlusWithItsIsoCreationTime() throws ParseException {
        String report = """
                {"@programName": "ZAP", "@version": "Dev Build", "@generated": "Wed, 29 Oct 2025 10:53:54",
                 "created": "2025-10-29T09:53:54.887726Z",
                 "site": [{"@name": "http://example.test", "alerts": [{"pluginid": "1", "alertRef": "1",
                   "name": "XSS", "riskcode": "3", "confidence": "2", "systemic": false,
                   "instances": [{"id": "-1", "uri": "http://example.test/a", "nodeName": null,
                     "request-header": "GET http://example.test/a HTTP/1.1\\r\\n\\r\\n", "request-body": "",
                     "response-header": "HTTP/1.1 200 OK\\r\\n\\r\\n", "response-body": "<html></html>"}],
                   "tags": [{"tag": "k", "link": "v"}]}], "statistics": {}}],
                 "statistics": {}, "afPlanErrors": [], "afPlanWarns": []}""";
        Evidence e = parseBytes("plus.json", report.getBytes(StandardCharsets.UTF_8));
        assertThat(e.toolVersion()).isEqualTo("Dev Build");
        assertThat(e.open()).isEqualTo(SeverityCounts.of(0, 1, 0, 0, 0, 0));
        assertThat(e.producedAt()).isEqualTo(Instant.parse("2025-10-29T09:53:54.887726Z"));
    }

    @Test
    void shouldReadAReportWithoutSitesAsNoFindings() throws ParseException {
        Evidence e = parseBytes("none.json", "{\"@programName\":\"ZAP\",\"@version\":\"2.15.0\",\"site\":[]}"
                .getBytes(StandardCharsets.UTF_8));
        assertThat(e.open().total()).isZero();
        assertThat(e.kinds()).containsExactly(EvidenceKind.DAST);
    }

    @Test
    void shouldRejectJsonThatIsNotAZapReport() {
        assertThatThrownBy(() -> parseBytes("x.json", "{\"@version\":\"2.14.0\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ParseException.class)
                .hasMessage("x.json (zap-json): not a ZAP report: no \"site\" array");
        assertThatThrownBy(() -> parseBytes("y.json", "[{\"site\":[]}]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ParseException.class)
                .hasMessage("y.json (zap-json): expected a ZAP report object but found an array at line 1, column 1");
    }

    @Test
    void shouldNotClaimJsonWithoutZapMarkers() {
        assertThat(parser().detect(Sniff.of("x.json", "{\"site\":[{\"url\":\"x\"}]}".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(ReportParser.NO);
    }
}
