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

/** The fixture follows Terrascan 1.19's {@code scan -o json} report. */
class TerrascanJsonParserTest extends AbstractParserTest {
    @Override
    protected ReportParser parser() {
        return new TerrascanJsonParser();
    }

    @Override
    protected String fixture() {
        return "terrascan-json/terrascan-1.19.json";
    }

    @Override
    protected void assertFixture(final Evidence evidence) {
        assertThat(evidence.tool()).isEqualTo("Terrascan");
        assertThat(evidence.kinds()).containsExactly(EvidenceKind.IAC);
        assertThat(evidence.facets()).contains("target:terraform", "target:kubernetes");
        assertThat(evidence.producedAt()).isEqualTo(Instant.parse("2024-06-08T10:00:00.123456Z"));
        assertThat(evidence.open()).isEqualTo(SeverityCounts.of(0, 1, 1, 1, 0, 0));
        assertThat(evidence.suppressed()).isEqualTo(1);
        assertThat(evidence.findings()).extracting(Finding::rule, Finding::location).containsExactly(
                tuple("AC_AWS_0214", "infra/storage.tf"), tuple("AC_AWS_0227", "infra/storage.tf"),
                tuple("AC_K8S_0078", "infra/k8s.tf"));
    }
}
