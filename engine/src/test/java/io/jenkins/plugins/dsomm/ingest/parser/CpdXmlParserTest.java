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
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The main fixture is the real output of PMD 7.7.0 {@code pmd cpd -f xml}: three duplications, one in three places. */
class CpdXmlParserTest extends AbstractParserTest {
    @Override
    protected ReportParser parser() {
        return new CpdXmlParser();
    }

    @Override
    protected String fixture() {
        return "cpd-xml/cpd-7.7.0.xml";
    }

    @Override
    protected void assertFixture(final Evidence evidence) {
        assertThat(evidence.tool()).isEqualTo("PMD CPD");
        assertThat(evidence.toolVersion()).isEqualTo("7.7.0");
        assertThat(evidence.kinds()).containsExactly(EvidenceKind.DUPLICATION);
        assertThat(evidence.open()).isEqualTo(SeverityCounts.of(0, 0, 0, 0, 3, 0));
        assertThat(evidence.suppressed()).isZero();
        assertThat(evidence.producedAt()).isEqualTo(Instant.parse("2026-11-22T18:53:19.517761311Z"));
        assertThat(evidence.facets()).contains("language:java");
        Finding first = evidence.findings().get(0);
        assertThat(first.rule()).isEqualTo("duplicated-code");
        assertThat(first.title()).isEqualTo("6 lines (76 tokens) duplicated in 2 places");
        assertThat(first.location()).isEqualTo("/tmp/d-java/src/main/java/demo/Copy.java");
        assertThat(first.severity()).isEqualTo(Severity.INFO);
        assertThat(evidence.findings().get(2).title()).isEqualTo("12 lines (54 tokens) duplicated in 3 places");
        assertThat(evidence.findings().get(2).id()).isEqualTo(FindingIdentity.of("duplicated-code",
                "/tmp/d-java/src/main/java/demo/Accounts.java", 2));
    }

    @Test
    void shouldReadPmd6LayoutWithoutNamespaceOrVersion() throws ParseException {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <pmd-cpd>
                <duplication lines="20" tokens="110">
                <file line="3" path="src/a.ts"/>
                <file line="40" path="src/b.ts"/>
                <codefragment><![CDATA[const x = 1;]]></codefragment>
                </duplication>
                <error filename="src/c.ts" msg="Lexical error"/>
                </pmd-cpd>
                """;
        Evidence e = parseBytes("cpd.xml", xml.getBytes(StandardCharsets.UTF_8));
        assertThat(e.toolVersion()).isEmpty();
        assertThat(e.open()).isEqualTo(SeverityCounts.of(0, 0, 0, 0, 1, 0));
        assertThat(e.findings().get(0).location()).isEqualTo("src/a.ts");
        assertThat(e.facets()).contains("language:javascript");
    }
}
