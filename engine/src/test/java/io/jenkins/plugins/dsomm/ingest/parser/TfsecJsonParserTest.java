package io.jenkins.plugins.dsomm.ingest.parser;

import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
import io.jenkins.plugins.dsomm.evidence.Facets;
import io.jenkins.plugins.dsomm.evidence.Finding;
import io.jenkins.plugins.dsomm.evidence.FindingIdentity;
import io.jenkins.plugins.dsomm.evidence.Severity;
import io.jenkins.plugins.dsomm.evidence.SeverityCounts;
import io.jenkins.plugins.dsomm.ingest.AbstractParserTest;
import io.jenkins.plugins.dsomm.ingest.IngestedFile;
import io.jenkins.plugins.dsomm.ingest.Ingestor;
import io.jenkins.plugins.dsomm.ingest.ParseException;
import io.jenkins.plugins.dsomm.ingest.ParserRegistry;
import io.jenkins.plugins.dsomm.ingest.ReportParser;
import io.jenkins.plugins.dsomm.ingest.ReportSource;
import io.jenkins.plugins.dsomm.ingest.Sniff;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TfsecJsonParserTest extends AbstractParserTest {
    @Override
    protected ReportParser parser() {
        return new TfsecJsonParser();
    }

    @Override
    protected String fixture() {
        return "tfsec-json/tfsec-1.28.json";
    }

    @Override
    protected void assertFixture(final Evidence evidence) {
        assertThat(evidence.tool()).isEqualTo("tfsec");
        assertThat(evidence.toolVersion()).isEmpty();
        assertThat(evidence.kinds()).containsExactly(EvidenceKind.IAC);
        // failed: CRITICAL, HIGH, HIGH, LOW, MEDIUM; one passed (not a finding), one ignored (suppressed)
        assertThat(evidence.open()).isEqualTo(SeverityCounts.of(1, 2, 1, 1, 0, 0));
        assertThat(evidence.suppressed()).isEqualTo(1);
        assertThat(evidence.facets()).contains(Facets.TARGET_TERRAFORM);
        assertThat(evidence.findings()).hasSize(5);
        Finding first = evidence.findings().get(0);
        assertThat(first.rule()).isEqualTo("AVD-AWS-0107");
        assertThat(first.title()).isEqualTo("An ingress security group rule allows traffic from /0.");
        assertThat(first.location()).isEqualTo("/src/infra/network.tf");
        assertThat(first.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(evidence.findings().get(2).id()).isEqualTo(FindingIdentity.of("AVD-AWS-0086",
                "/src/infra/storage.tf", 2));
    }

    @Test
    void shouldReadLegacyResultsAndSkipPassedOnes() throws ParseException {
        Evidence e = parse("tfsec-json/tfsec-legacy.json");
        // ERROR, WARNING, INFO; the ERROR with passed: true is no finding
        assertThat(e.open()).isEqualTo(SeverityCounts.of(0, 1, 1, 0, 1, 0));
        assertThat(e.findings().get(0).rule()).isEqualTo("AWS002");
        assertThat(e.findings().get(0).location()).isEqualTo("terraform/s3.tf");
        assertThat(ParserRegistry.defaults().detect(Sniff.of("r.json", resource("tfsec-json/tfsec-legacy.json"))))
                .hasValueSatisfying(p -> assertThat(p.id()).isEqualTo("tfsec-json"));
    }

    @Test
    void shouldRecogniseAndReadACleanScan() {
        byte[] clean = "{\n\t\"results\": null\n}\n".getBytes(StandardCharsets.UTF_8);
        assertThat(parser().detect(Sniff.of("tfsec.json", clean))).isEqualTo(ReportParser.WEAK);
        IngestedFile outcome = new Ingestor().readFile(ReportSource.of("tfsec.json", clean), null);
        assertThat(outcome.status()).isEqualTo(IngestedFile.Status.READ);
        assertThat(outcome.format()).isEqualTo("tfsec-json");
        assertThat(outcome.evidence().get(0).open().total()).isZero();
        assertThat(parser().detect(Sniff.of("other.json", "{\"results\": null, \"errors\": []}"
                .getBytes(StandardCharsets.UTF_8)))).isEqualTo(ReportParser.NO);
    }

    @Test
    void shouldRejectOtherJson() {
        assertThatThrownBy(() -> parseBytes("x.json", "{\"a\": []}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ParseException.class)
                .hasMessage("x.json (tfsec-json): not a tfsec report: no \"results\"");
        assertThatThrownBy(() -> parseBytes("y.json", "{\"results\": 3}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ParseException.class)
                .hasMessage("y.json (tfsec-json): expected an array of results or null but found a number at line 1, "
                        + "column 13");
    }
}
