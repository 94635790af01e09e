package io.jenkins.plugins.dsomm.ingest.parser;

import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
import io.jenkins.plugins.dsomm.evidence.Finding;
import io.jenkins.plugins.dsomm.evidence.FindingIdentity;
import io.jenkins.plugins.dsomm.evidence.SeverityCounts;
import io.jenkins.plugins.dsomm.ingest.AbstractParserTest;
import io.jenkins.plugins.dsomm.ingest.ParseException;
import io.jenkins.plugins.dsomm.ingest.ReportParser;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fixture follows gosec 2.21's JSON output with {@code -track-suppressions} (tab-indented, as gosec writes). */
class GosecJsonParserTest extends AbstractParserTest {
    @Override
    protected ReportParser parser() {
        return new GosecJsonParser();
    }

    @Override
    protected String fixture() {
        return "gosec-json/gosec-2.21.json";
    }

    @Override
    protected void assertFixture(final Evidence evidence) {
        assertThat(evidence.tool()).isEqualTo("gosec");
        assertThat(evidence.toolVersion()).isEqualTo("2.21.4");
        assertThat(evidence.kinds()).containsExactly(EvidenceKind.SAST);
        assertThat(evidence.open()).isEqualTo(SeverityCounts.of(0, 1, 1, 1, 0, 0));
        assertThat(evidence.suppressed()).isEqualTo(1); // the tracked #nosec issue, not again from Stats.nosec
        assertThat(evidence.facets()).contains("language:go");
        Finding first = evidence.findings().get(0);
        assertThat(first.rule()).isEqualTo("G201");
        assertThat(first.title()).isEqualTo("SQL string formatting");
        assertThat(first.id()).isEqualTo(FindingIdentity.of("G201", "/home/ci/shop/internal/store/orders.go", 1));
    }

    @Test
    void shouldTakeTheStatedNosecCountWhenSuppressionsAreNotTracked() throws ParseException {
        String report = "{\"Issues\":[{\"severity\":\"LOW\",\"confidence\":\"HIGH\",\"rule_id\":\"G104\",\"details\":"
                + "\"Errors unhandled.\",\"file\":\"a.go\",\"line\":\"3\"}],\"Stats\":{\"files\":1,\"lines\":9,"
                + "\"nosec\":2,\"found\":1}}";
        Evidence e = parseBytes("gosec.json", report.getBytes(StandardCharsets.UTF_8));
        assertThat(e.open()).isEqualTo(SeverityCounts.of(0, 0, 0, 1, 0, 0));
        assertThat(e.suppressed()).isEqualTo(2);
    }

    @Test
    void shouldRejectJsonWithoutIssues() {
        assertThatThrownBy(() -> parseBytes("x.json", "{\"Stats\":{}}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ParseException.class).hasMessage("x.json (gosec-json): not a gosec report: no \"Issues\"");
    }
}
