package io.jenkins.plugins.dsomm.ingest.parser;

import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
import io.jenkins.plugins.dsomm.evidence.Finding;
import io.jenkins.plugins.dsomm.evidence.FindingIdentity;
import io.jenkins.plugins.dsomm.evidence.SeverityCounts;
import io.jenkins.plugins.dsomm.ingest.AbstractParserTest;
import io.jenkins.plugins.dsomm.ingest.ReportParser;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** The fixture follows Brakeman 6.1's {@code -f json} report. */
class BrakemanJsonParserTest extends AbstractParserTest {
    @Override
    protected ReportParser parser() {
        return new BrakemanJsonParser();
    }

    @Override
    protected String fixture() {
        return "brakeman-json/brakeman-6.1.json";
    }

    @Override
    protected void assertFixture(final Evidence evidence) {
        assertThat(evidence.tool()).isEqualTo("Brakeman");
        assertThat(evidence.toolVersion()).isEqualTo("6.1.2");
        assertThat(evidence.kinds()).containsExactly(EvidenceKind.SAST);
        assertThat(evidence.producedAt()).isEqualTo(Instant.parse("2024-06-05T09:00:04Z"));
        // confidence is no severity; the parse error is no finding; the ignored warning is suppressed
        assertThat(evidence.open()).isEqualTo(SeverityCounts.of(0, 0, 0, 0, 0, 3));
        assertThat(evidence.suppressed()).isEqualTo(1);
        assertThat(evidence.findings()).extracting(Finding::rule, Finding::location).containsExactly(
                tuple("SQL Injection", "app/models/order.rb"),
                tuple("Command Injection", "app/controllers/exports_controller.rb"),
                tuple("Cross-Site Scripting", "app/views/orders/show.html.erb"));
        assertThat(evidence.findings().get(0).id()).isEqualTo(FindingIdentity.ofFingerprint("Brakeman",
                "5e0e1f8c6f4a4b0f8d1e2c3b4a5968778695a4b3c2d1e0ff0e1d2c3b4a596877"));
        assertThat(evidence.facets()).contains("language:ruby");
    }
}
