package io.jenkins.plugins.dsomm.ingest.parser;

import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
import io.jenkins.plugins.dsomm.evidence.Finding;
import io.jenkins.plugins.dsomm.evidence.SeverityCounts;
import io.jenkins.plugins.dsomm.ingest.AbstractParserTest;
import io.jenkins.plugins.dsomm.ingest.ParseException;
import io.jenkins.plugins.dsomm.ingest.ReportParser;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** The fixture follows ggshield 1.30's {@code secret scan commit-range --json} output. */
class GgshieldJsonParserTest extends AbstractParserTest {
    @Override
    protected ReportParser parser() {
        return new GgshieldJsonParser();
    }

    @Override
    protected String fixture() {
        return "ggshield-json/ggshield-1.30-commit-range.json";
    }

    @Override
    protected void assertFixture(final Evidence evidence) {
        assertThat(evidence.tool()).isEqualTo("ggshield");
        assertThat(evidence.kinds()).containsExactly(EvidenceKind.SECRETS);
        // two incidents (ggshield's total_incidents); the two occurrences of the AWS keys are one incident
        assertThat(evidence.open()).isEqualTo(SeverityCounts.of(0, 0, 0, 0, 0, 2));
        assertThat(evidence.findings()).extracting(Finding::rule, Finding::location).containsExactly(
                tuple("AWS Keys", "config/settings.py"), tuple("Slack Bot Token", "deploy/slack.env"));
    }

    @Test
    void shouldReadAPathScanWithoutScans() throws ParseException {
        String report = "{\"id\":\"x\",\"type\":\"path_scan\",\"entities_with_incidents\":[{\"filename\":\"a.env\","
                + "\"incidents\":[{\"policy\":\"Secrets detection\",\"type\":\"Generic Password\",\"ignore_sha\":"
                + "\"abc\",\"occurrences\":[]}]}],\"total_incidents\":1,\"total_occurrences\":1}";
        Evidence e = parseBytes("path.json", report.getBytes(StandardCharsets.UTF_8));
        assertThat(e.findings()).extracting(Finding::rule, Finding::location).containsExactly(
                tuple("Generic Password", "a.env"));
    }
}
