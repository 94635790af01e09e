package io.jenkins.plugins.dsomm.ingest.parser;

import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
import io.jenkins.plugins.dsomm.evidence.Finding;
import io.jenkins.plugins.dsomm.evidence.FindingIdentity;
import io.jenkins.plugins.dsomm.evidence.SeverityCounts;
import io.jenkins.plugins.dsomm.ingest.AbstractParserTest;
import io.jenkins.plugins.dsomm.ingest.ParseException;
import io.jenkins.plugins.dsomm.ingest.ParserRegistry;
import io.jenkins.plugins.dsomm.ingest.ReportParser;
import io.jenkins.plugins.dsomm.ingest.Sniff;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** The fixtures follow pip-audit 2.7's {@code -f json} output and the dependency array of older versions. */
class PipAuditJsonParserTest extends AbstractParserTest {
    @Override
    protected ReportParser parser() {
        return new PipAuditJsonParser();
    }

    @Override
    protected String fixture() {
        return "pip-audit-json/pip-audit-2.7.json";
    }

    @Override
    protected void assertFixture(final Evidence evidence) {
        assertThat(evidence.tool()).isEqualTo("pip-audit");
        assertThat(evidence.kinds()).containsExactly(EvidenceKind.SCA);
        assertThat(evidence.facets()).contains("ecosystem:pypi");
        // one finding per vulnerability of a dependency; pip-audit states no severity
        assertThat(evidence.open()).isEqualTo(SeverityCounts.of(0, 0, 0, 0, 0, 3));
        assertThat(evidence.findings()).extracting(Finding::rule, Finding::location).containsExactly(
                tuple("PYSEC-2023-62", "flask"), tuple("GHSA-j8r2-6x86-q33q", "requests"),
                tuple("GHSA-9wx4-h78v-vm56", "requests"));
        assertThat(evidence.findings().get(1).id()).isEqualTo(FindingIdentity.of("GHSA-j8r2-6x86-q33q", "requests", 1));
        assertThat(evidence.findings().get(1).title()).isEqualTo("Unintended leak of Proxy-Authorization header in requests");
    }

    @Test
    void shouldReadTheDependencyArrayOfOlderVersions() throws ParseException {
        Evidence e = parse("pip-audit-json/pip-audit-legacy-array.json");
        assertThat(e.findings()).extracting(Finding::rule, Finding::title, Finding::location)
                .containsExactly(tuple("GHSA-h5c8-rqwp-cp95", "GHSA-h5c8-rqwp-cp95", "jinja2"));
    }

    @Test
    void shouldClaimAnEmptyDependencyListOnlyWeakly() {
        assertThat(parser().detect(Sniff.of("a.json", "{\"dependencies\": []}".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(ReportParser.WEAK);
        assertThat(ParserRegistry.defaults().detect(Sniff.of("a.json", "{\"dependencies\": {\"x\": 1}, \"name\": 2}"
                .getBytes(StandardCharsets.UTF_8)))).isEmpty();
    }
}
