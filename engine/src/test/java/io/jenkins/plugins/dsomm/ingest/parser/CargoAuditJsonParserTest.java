package io.jenkins.plugins.dsomm.ingest.parser;

import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
import io.jenkins.plugins.dsomm.evidence.Finding;
import io.jenkins.plugins.dsomm.evidence.SeverityCounts;
import io.jenkins.plugins.dsomm.ingest.AbstractParserTest;
import io.jenkins.plugins.dsomm.ingest.ReportParser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** The fixture follows cargo-audit 0.20's {@code --json} report. */
class CargoAuditJsonParserTest extends AbstractParserTest {
    @Override
    protected ReportParser parser() {
        return new CargoAuditJsonParser();
    }

    @Override
    protected String fixture() {
        return "cargo-audit-json/cargo-audit-0.20.json";
    }

    @Override
    protected void assertFixture(final Evidence evidence) {
        assertThat(evidence.tool()).isEqualTo("cargo audit");
        assertThat(evidence.kinds()).containsExactly(EvidenceKind.SCA);
        assertThat(evidence.facets()).contains("ecosystem:cargo");
        // h2's CVSS 3.1 vector computes to 7.5: HIGH; rsa states no vector: UNKNOWN; warnings are no findings
        assertThat(evidence.open()).isEqualTo(SeverityCounts.of(0, 1, 0, 0, 0, 1));
        assertThat(evidence.findings()).extracting(Finding::rule, Finding::location).containsExactly(
                tuple("RUSTSEC-2024-0332", "h2"), tuple("RUSTSEC-2023-0071", "rsa"));
        assertThat(evidence.findings().get(1).title()).isEqualTo("Marvin Attack: potential key recovery through timing sidechannels");
    }
}
