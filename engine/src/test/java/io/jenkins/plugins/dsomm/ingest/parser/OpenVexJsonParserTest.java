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

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** The fixture follows the OpenVEX 0.2.0 specification (as vexctl writes it). */
class OpenVexJsonParserTest extends AbstractParserTest {
    @Override
    protected ReportParser parser() {
        return new OpenVexJsonParser();
    }

    @Override
    protected String fixture() {
        return "openvex-json/openvex-0.2.0.json";
    }

    @Override
    protected void assertFixture(final Evidence evidence) {
        assertThat(evidence.tool()).isEqualTo("vexctl/0.2.6");
        assertThat(evidence.kinds()).containsExactly(EvidenceKind.SCA);
        assertThat(evidence.producedAt()).isEqualTo(Instant.parse("2024-06-09T08:00:00Z"));
        // one per statement and product: affected and under investigation open, not_affected and fixed suppressed
        assertThat(evidence.open()).isEqualTo(SeverityCounts.of(0, 0, 0, 0, 0, 3));
        assertThat(evidence.suppressed()).isEqualTo(2);
        assertThat(evidence.findings()).extracting(Finding::rule, Finding::location).containsExactly(
                tuple("CVE-2024-0727", "pkg:apk/alpine/openssl@3.1.4-r0"),
                tuple("CVE-2024-4603", "pkg:apk/alpine/openssl@3.1.4-r0"),
                tuple("CVE-2024-4603", "pkg:apk/alpine/libcrypto3@3.1.4-r0"));
    }

    @Test
    void shouldGiveItsStatementsWithTheirReasons() throws ParseException {
        List<VexStatement> statements = ((VexReader) parser()).read(ReportSource.of("shop.vex.json",
                resource(fixture()))).statements();
        assertThat(statements).hasSize(4);
        VexStatement zlib = statements.get(0);
        assertThat(zlib.source()).isEqualTo("shop.vex.json");
        assertThat(zlib.author()).isEqualTo("Shop Security Team <security@example.test>");
        assertThat(zlib.aliases()).containsExactly("GHSA-mq29-j5xf-cjwr");
        assertThat(zlib.products()).containsExactly("pkg:apk/alpine/zlib@1.2.13-r0?arch=x86_64"); // the subcomponent
        assertThat(zlib.suppresses()).isTrue();
        assertThat(zlib.reason()).isEqualTo("vulnerable_code_not_in_execute_path: MiniZip is not built into the "
                + "image's zlib.");
        assertThat(statements.get(1).time()).isEqualTo(Instant.parse("2024-06-08T12:00:00Z"));
        assertThat(statements).extracting(VexStatement::status)
                .containsExactly("not_affected", "fixed", "affected", "under_investigation");
    }
}
