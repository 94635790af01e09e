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

/** The main fixture is the real output of PMD 7.7.0 ({@code pmd check -f xml}) with rule priorities 1 to 5. */
class PmdXmlParserTest extends AbstractParserTest {
    @Override
    protected ReportParser parser() {
        return new PmdXmlParser();
    }

    @Override
    protected String fixture() {
        return "pmd-xml/pmd-7.7.0.xml";
    }

    @Override
    protected void assertFixture(final Evidence evidence) {
        assertThat(evidence.tool()).isEqualTo("PMD");
        assertThat(evidence.toolVersion()).isEqualTo("7.7.0");
        assertThat(evidence.kinds()).containsExactlyInAnyOrder(EvidenceKind.SAST, EvidenceKind.LINT);
        // priority 1 EmptyCatchBlock, 2 UnusedLocalVariable: HIGH; 3 CloseResource: MEDIUM;
        // 4 UseVarargs (2) and 5 ShortVariable (6): LOW
        assertThat(evidence.open()).isEqualTo(SeverityCounts.of(0, 2, 1, 8, 0, 0));
        assertThat(evidence.suppressed()).isZero();
        assertThat(evidence.producedAt()).isEqualTo(Instant.parse("2026-11-22T18:53:06.312Z"));
        assertThat(evidence.facets()).contains("language:java");
        Finding first = evidence.findings().get(0);
        assertThat(first.rule()).isEqualTo("ShortVariable");
        assertThat(first.title()).isEqualTo("Avoid variables with short names like st");
        assertThat(first.location()).isEqualTo("src/main/java/demo/Accounts.java");
        assertThat(first.severity()).isEqualTo(Severity.LOW);
        assertThat(first.id()).isEqualTo(FindingIdentity.of("ShortVariable", "src/main/java/demo/Accounts.java", 1));
        assertThat(evidence.findings().get(10).rule()).isEqualTo("EmptyCatchBlock");
        assertThat(evidence.findings().get(10).severity()).isEqualTo(Severity.HIGH);
    }

    @Test
    void shouldCountSuppressedViolationsAndIgnoreErrors() throws ParseException {
        Evidence e = parse("pmd-xml/pmd-6.55.0-suppressed.xml");
        assertThat(e.toolVersion()).isEqualTo("6.55.0");
        assertThat(e.open()).isEqualTo(SeverityCounts.of(0, 0, 1, 0, 0, 0));
        assertThat(e.suppressed()).isEqualTo(2);
        assertThat(e.findings().get(0).rule()).isEqualTo("HardCodedCryptoKey");
    }

    @Test
    void shouldReadPmd5WithoutNamespace() throws ParseException {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <pmd version="5.8.1" timestamp="2018-01-02T03:04:05.678">
                <file name="/src/A.java">
                <violation beginline="1" endline="1" begincolumn="1" endcolumn="2" rule="X" ruleset="Basic" priority="2">
                msg
                </violation>
                <violation beginline="1" endline="1" begincolumn="1" endcolumn="2" rule="Y" ruleset="Basic">no priority</violation>
                </file>
                </pmd>
                """;
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        assertThat(parser().detect(Sniff.of("pmd.xml", bytes))).isEqualTo(ReportParser.LIKELY);
        Evidence e = parseBytes("pmd.xml", bytes);
        assertThat(e.open()).isEqualTo(SeverityCounts.of(0, 1, 0, 0, 0, 1));
        assertThat(e.findings().get(0).title()).isEqualTo("msg");
        assertThat(e.producedAt()).isEqualTo(Instant.parse("2018-01-02T03:04:05.678Z"));
    }

    @Test
    void shouldRejectAnotherRoot() {
        assertThatThrownBy(() -> parseBytes("x.xml", "<pmd-cpd/>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ParseException.class)
                .hasMessageStartingWith("x.xml (pmd-xml): not a PMD report: the root element is <pmd-cpd>");
    }
}
