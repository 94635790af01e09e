package io.jenkins.plugins.dsomm.ingest.parser;

import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
import io.jenkins.plugins.dsomm.evidence.Finding;
import io.jenkins.plugins.dsomm.evidence.SeverityCounts;
import io.jenkins.plugins.dsomm.ingest.AbstractParserTest;
import io.jenkins.plugins.dsomm.ingest.ParseException;
import io.jenkins.plugins.dsomm.ingest.ReportParser;
import io.jenkins.plugins.dsomm.ingest.ReportSource;
import io.jenkins.plugins.dsomm.ingest.VexReader;
import io.jenkins.plugins.dsomm.ingest.VexStatement;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

/** The fixture follows the CSAF 2.0 VEX profile. */
class CsafVexJsonParserTest extends AbstractParserTest {
    @Override
    protected ReportParser parser() {
        return new CsafVexJsonParser();
    }

    @Override
    protected String fixture() {
        return "csaf-vex-json/csaf-2.0-vex.json";
    }

    @Override
    protected void assertFixture(final Evidence evidence) {
        assertThat(evidence.tool()).isEqualTo("Secvisogram");
        assertThat(evidence.kinds()).containsExactly(EvidenceKind.SCA);
        assertThat(evidence.open()).isEqualTo(SeverityCounts.of(0, 1, 0, 0, 0, 0)); // baseSeverity HIGH
        assertThat(evidence.suppressed()).isEqualTo(2);
        assertThat(evidence.findings()).extracting(Finding::rule, Finding::location).containsExactly(
                tuple("CVE-2022-42003", "pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.13.2"));
    }

    @Test
    void shouldGiveItsStatementsWithTheProductsOfTheTree() throws ParseException {
        List<VexStatement> statements = ((VexReader) parser()).read(ReportSource.of("shop.csaf.json",
                resource(fixture()))).statements();
        assertThat(statements).extracting(VexStatement::vulnerability, VexStatement::status, VexStatement::products)
                .containsExactly(
                        tuple("CVE-2021-44228", "not_affected",
                                List.of("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1")),
                        tuple("CVE-2022-42003", "affected",
                                List.of("pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.13.2")),
                        tuple("CVE-2022-42003", "fixed", List.of("shop-api 1.4.0")));
        assertThat(statements.get(0).author()).isEqualTo("Example Shop");
        assertThat(statements.get(0).reason()).isEqualTo("vulnerable_code_not_in_execute_path: JNDI lookups are "
                + "disabled by the formatMsgNoLookups setting.");
    }

    @Test
    void shouldRefuseAnotherCsafVersion() {
        String doc = "{\"document\":{\"category\":\"csaf_security_advisory\",\"csaf_version\":\"1.2\","
                + "\"tracking\":{\"id\":\"X\"}},\"vulnerabilities\":[{\"cve\":\"CVE-2026-10099\"}]}";
        assertThatThrownBy(() -> parseBytes("old.json", doc.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ParseException.class)
                .hasMessage("old.json (csaf-vex-json): CSAF version 1.2 is not read: only CSAF 2.x (the OASIS "
                        + "standard) is");
    }
}
