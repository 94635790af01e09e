package io.jenkins.plugins.dsomm.ingest.parser;

import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
import io.jenkins.plugins.dsomm.evidence.Finding;
import io.jenkins.plugins.dsomm.evidence.SeverityCounts;
import io.jenkins.plugins.dsomm.ingest.AbstractParserTest;
import io.jenkins.plugins.dsomm.ingest.ReportParser;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** The fixture follows Kubescape 3's {@code scan --format json} of two manifests (the summary after the results). */
class KubescapeJsonParserTest extends AbstractParserTest {
    @Override
    protected ReportParser parser() {
        return new KubescapeJsonParser();
    }

    @Override
    protected String fixture() {
        return "kubescape-json/kubescape-3.0-manifests.json";
    }

    @Override
    protected void assertFixture(final Evidence evidence) {
        assertThat(evidence.tool()).isEqualTo("Kubescape");
        assertThat(evidence.kinds()).containsExactly(EvidenceKind.IAC);
        assertThat(evidence.facets()).contains("target:kubernetes");
        assertThat(evidence.producedAt()).isEqualTo(Instant.parse("2024-06-08T09:30:00.123456789Z"));
        // one finding per failed control and resource (C-0057 fails two rules: still one); scoreFactor 8 → HIGH,
        // 3 → LOW; the control excepted (w/exceptions) is suppressed
        assertThat(evidence.open()).isEqualTo(SeverityCounts.of(0, 1, 0, 1, 0, 0));
        assertThat(evidence.suppressed()).isEqualTo(1);
        assertThat(evidence.findings()).extracting(Finding::rule, Finding::location).containsExactly(
                tuple("C-0017", "path=1288114461/api=apps/v1/Deployment/shop-api"), // normalised: "//" collapsed
                tuple("C-0057", "path=1288114461/api=apps/v1/Deployment/shop-api"));
    }
}
