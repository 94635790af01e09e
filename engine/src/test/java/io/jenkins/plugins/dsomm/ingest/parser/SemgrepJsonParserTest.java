package io.jenkins.plugins.dsomm.ingest.parser;

import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
import io.jenkins.plugins.dsomm.evidence.Facets;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fixture follows the documented {@code semgrep --json} output of Semgrep 1.x. */
class SemgrepJsonParserTest extends AbstractParserTest {
    @Override
    protected ReportParser parser() {
        return new SemgrepJsonParser();
    }

    @Override
    protected String fixture() {
        return "semgrep-json/semgrep-1.95.0.json";
    }

    @Override
    protected void assertFixture(final Evidence evidence) {
        assertThat(evidence.tool()).isEqualTo("Semgrep");
        assertThat(evidence.toolVersion()).isEqualTo("1.95.0");
        assertThat(evidence.kinds()).containsExactly(EvidenceKind.SAST);
        // ERROR and HIGH: high; WARNING: medium; INFO: info; EXPERIMENT: unknown; is_ignored: suppressed
        assertThat(evidence.open()).isEqualTo(SeverityCounts.of(0, 2, 1, 0, 1, 1));
        assertThat(evidence.suppressed()).isEqualTo(1);
        assertThat(evidence.facets()).contains(Facets.LANGUAGE_JAVASCRIPT, "language:python");
        Finding first = evidence.findings().get(0);
        assertThat(first.rule())
                .isEqualTo("javascript.express.security.audit.xss.direct-response-write.direct-response-write");
        assertThat(first.location()).isEqualTo("src/server.js");
        assertThat(first.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(first.id()).isEqualTo(FindingIdentity.of(first.rule(), "src/server.js", 1)); // "requires login"
        Finding second = evidence.findings().get(1);
        assertThat(second.id()).isEqualTo(FindingIdentity.ofFingerprint("Semgrep", second.rule() + "|"
                + "0b7a1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b"
                + "9c0d1e2f3a4b5c6d7e8f9a0b_0"));
    }

    @Test
    void shouldReadTheEmptyReportAndClaimItWeakly() throws ParseException {
        byte[] json = "{\n  \"results\": [],\n  \"errors\": []\n}".getBytes(StandardCharsets.UTF_8);
        assertThat(parser().detect(Sniff.of("x.json", json))).isEqualTo(ReportParser.WEAK);
        assertThat(ParserRegistry.defaults().detect(Sniff.of("x.json", json)))
                .hasValueSatisfying(p -> assertThat(p.id()).isEqualTo("semgrep-json"));
        Evidence e = parseBytes("x.json", json);
        assertThat(e.open().total()).isZero();
        assertThat(e.toolVersion()).isEmpty();
    }

    @Test
    void shouldReadNullAndEmptyArrayGivenExplicitly() throws ParseException {
        assertThat(parseBytes("n.json", "null".getBytes(StandardCharsets.UTF_8)).open().total()).isZero();
        assertThat(parseBytes("a.json", "[]".getBytes(StandardCharsets.UTF_8)).open().total()).isZero();
        assertThat(ParserRegistry.defaults().detect(Sniff.of("a.json", "[]".getBytes(StandardCharsets.UTF_8)))).isEmpty();
    }

    @Test
    void shouldNotClaimOtherReportsWithResults() {
        String bandit = "{\"errors\":[],\"generated_at\":\"2020-01-01T00:00:00Z\",\"metrics\":{\"_totals\":{}},\"results\":[]}";
        String checkov = "{\"check_type\":\"terraform\",\"results\":{\"failed_checks\":[]},\"summary\":{}}";
        for (String other : new String[] {bandit, checkov}) {
            assertThat(parser().detect(Sniff.of("x.json", other.getBytes(StandardCharsets.UTF_8))))
                    .as(other).isEqualTo(ReportParser.NO);
        }
    }

    @Test
    void shouldRejectJsonWithoutResults() {
        assertThatThrownBy(() -> parseBytes("x.json", "{\"errors\":[]}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ParseException.class)
                .hasMessage("x.json (semgrep-json): not a Semgrep report: no \"results\" array");
        assertThatThrownBy(() -> parseBytes("y.json", "[{\"a\":1}]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ParseException.class)
                .hasMessage("y.json (semgrep-json): expected a Semgrep report object but found an array at line 1, column 1");
    }
}
