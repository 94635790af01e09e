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

class WapitiJsonParserTest extends AbstractParserTest {
    @Override
    protected ReportParser parser() {
        return new WapitiJsonParser();
    }

    @Override
    protected String fixture() {
        return "wapiti-json/wapiti-3.1-style.json";
    }

    @Override
    protected void assertFixture(final Evidence evidence) {
        assertThat(evidence.tool()).isEqualTo("Wapiti");
        assertThat(evidence.toolVersion()).isEqualTo("3.1.8");
        assertThat(evidence.kinds()).containsExactly(EvidenceKind.DAST);
        // levels 4, 3, 2, 1, 1, "0" in vulnerabilities, 3 in anomalies; the additional is not a finding
        assertThat(evidence.open()).isEqualTo(SeverityCounts.of(1, 2, 1, 2, 1, 0));
        assertThat(evidence.suppressed()).isZero();
        assertThat(evidence.producedAt()).isEqualTo(Instant.parse("2024-03-05T09:12:44Z"));
        assertThat(evidence.findings()).hasSize(7);
        Finding sqli = evidence.findings().get(0);
        assertThat(sqli.rule()).isEqualTo("SQL Injection");
        assertThat(sqli.title()).isEqualTo("SQL Injection via injection in the parameter id");
        // the target's origin and the entry's path
        assertThat(sqli.location()).isEqualTo("https://app.example.test/items.php");
        assertThat(sqli.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(evidence.findings().get(4).id()).isEqualTo(FindingIdentity.of("HTTP Secure Headers",
                "https://app.example.test/", 2));
        Finding anomaly = evidence.findings().get(6);
        assertThat(anomaly.rule()).isEqualTo("Internal Server Error");
        assertThat(anomaly.severity()).isEqualTo(Severity.HIGH);
    }

    @Test
    void shouldReadRealWapiti304OutputWithLevelsAsNumbersAndStrings() throws ParseException {
        Evidence e = parse("wapiti-json/wapiti-3.0.4-local.json");
        assertThat(e.tool()).isEqualTo("Wapiti");
        assertThat(e.toolVersion()).isEqualTo("3.0.4");
        // CSP not set (level "1"), CSRF (level "2"), four missing secure headers (level 1)
        assertThat(e.open()).isEqualTo(SeverityCounts.of(0, 0, 1, 5, 0, 0));
        assertThat(e.findings()).extracting(Finding::location).contains("http://127.0.0.1:18765/login.html");
        byte[] bytes = resource("wapiti-json/wapiti-3.0.4-local.json");
        assertThat(ParserRegistry.defaults().detect(Sniff.of("r.json", bytes)))
                .hasValueSatisfying(p -> assertThat(p.id()).isEqualTo("wapiti-json"));
    }

    @Test
    void shouldReadAReportWithNothingFound() throws ParseException {
        String json = "{\"classifications\":{},\"vulnerabilities\":{\"SQL Injection\":[]},\"anomalies\":{},"
                + "\"additionals\":{},\"infos\":{\"target\":\"http://a.example.test/\",\"date\":\"Tue, 05 Mar 2024 "
                + "09:12:44 +0000\",\"version\":\"Wapiti 3.2.0\",\"scope\":\"folder\"}}";
        Evidence e = parseBytes("clean.json", json.getBytes(StandardCharsets.UTF_8));
        assertThat(e.open().total()).isZero();
        assertThat(e.toolVersion()).isEqualTo("3.2.0");
        assertThat(e.kinds()).containsExactly(EvidenceKind.DAST);
    }

    @Test
    void shouldRejectJsonThatIsNotAWapitiReport() {
        assertThatThrownBy(() -> parseBytes("x.json", "{\"infos\":{}}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ParseException.class)
                .hasMessage("x.json (wapiti-json): not a Wapiti report: no \"vulnerabilities\"");
    }
}
