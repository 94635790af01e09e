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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The main fixture is the real output of {@code bandit -r -f json} 1.6.2 on a small program with three
 * {@code # nosec} lines and a file that does not parse; the second follows the 1.7.5+ layout
 * ({@code skipped_tests}, {@code issue_cwe}).
 */
class BanditJsonParserTest extends AbstractParserTest {
    @Override
    protected ReportParser parser() {
        return new BanditJsonParser();
    }

    @Override
    protected String fixture() {
        return "bandit-json/bandit-1.6.2.json";
    }

    @Override
    protected void assertFixture(final Evidence evidence) {
        assertThat(evidence.tool()).isEqualTo("Bandit");
        assertThat(evidence.toolVersion()).isEmpty();
        assertThat(evidence.kinds()).containsExactly(EvidenceKind.SAST);
        assertThat(evidence.open()).isEqualTo(SeverityCounts.of(0, 1, 2, 4, 0, 0));
        assertThat(evidence.suppressed()).isEqualTo(3);
        assertThat(evidence.producedAt()).isEqualTo(Instant.parse("2026-11-22T18:43:21Z"));
        assertThat(evidence.facets()).contains("language:python");
        Finding first = evidence.findings().get(0);
        assertThat(first.rule()).isEqualTo("B403");
        assertThat(first.title()).isEqualTo("Consider possible security implications associated with pickle module.");
        assertThat(first.location()).isEqualTo("app.py");
        assertThat(first.severity()).isEqualTo(Severity.LOW);
        assertThat(first.id()).isEqualTo(FindingIdentity.of("B403", "app.py", 1));
        assertThat(evidence.findings()).filteredOn(f -> f.rule().equals("B602")).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.HIGH));
    }

    @Test
    void shouldCountNosecWithTestIdsAsSuppressed() throws ParseException {
        Evidence e = parse("bandit-json/bandit-1.7.9-nosec-ids.json");
        assertThat(e.open()).isEqualTo(SeverityCounts.of(0, 1, 0, 1, 0, 1));
        assertThat(e.suppressed()).isEqualTo(3);
        assertThat(e.findings().get(1).location()).isEqualTo("svc/handler.py");
        assertThat(e.producedAt()).isEqualTo(Instant.parse("2024-06-03T08:15:30Z"));
    }

    @Test
    void shouldRejectJsonWithoutResults() {
        assertThatThrownBy(() -> parseBytes("x.json", "{\"metrics\":{}}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ParseException.class)
                .hasMessage("x.json (bandit-json): not a Bandit report: no \"results\" array");
        assertThatThrownBy(() -> parseBytes("y.json", "{\"results\":{}}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ParseException.class)
                .hasMessageStartingWith("y.json (bandit-json): expected a \"results\" array but found an object");
    }
}
