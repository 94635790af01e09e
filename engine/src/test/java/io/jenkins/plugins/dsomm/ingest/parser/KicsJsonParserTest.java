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
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KicsJsonParserTest extends AbstractParserTest {
    @Override
    protected ReportParser parser() {
        return new KicsJsonParser();
    }

    @Override
    protected String fixture() {
        return "kics-json/kics-1.7.json";
    }

    @Override
    protected void assertFixture(final Evidence evidence) {
        assertThat(evidence.tool()).isEqualTo("KICS");
        assertThat(evidence.toolVersion()).isEqualTo("v1.7.13");
        assertThat(evidence.kinds()).containsExactly(EvidenceKind.IAC);
        // CRITICAL, HIGH x2, MEDIUM, LOW, INFO and TRACE (taken as INFO); a query without files counts nothing
        assertThat(evidence.open()).isEqualTo(SeverityCounts.of(1, 2, 1, 1, 2, 0));
        assertThat(evidence.suppressed()).isZero();
        assertThat(evidence.producedAt()).isEqualTo(Instant.parse("2024-03-05T09:00:09.987654321Z"));
        assertThat(evidence.facets()).contains(Facets.TARGET_KUBERNETES, Facets.TARGET_TERRAFORM,
                Facets.TARGET_DOCKERFILE).doesNotContain("target:common", Facets.TARGET_CLOUDFORMATION);
        assertThat(evidence.findings()).hasSize(7);
        Finding first = evidence.findings().get(0);
        assertThat(first.rule()).isEqualTo("a5c9a3c5-6f8b-4d6e-9e1a-0b6c4f2d1e01");
        assertThat(first.title()).isEqualTo("Privileged Containers");
        assertThat(first.location()).isEqualTo("k8s/deploy.yaml");
        assertThat(first.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(first.id()).isEqualTo(FindingIdentity.ofFingerprint("KICS",
                "0f4a1e6c3b2d5a7e9c8b1d0f2e4a6c8b0d1f3e5a7c9b2d4f6e8a0c1b3d5f7e9a"));
        assertThat(evidence.findings().get(6).severity()).isEqualTo(Severity.INFO);
    }

    @Test
    void shouldReadAReportWithoutFindingsOrVersion() throws ParseException {
        String json = "{\n\t\"files_scanned\": 1,\n\t\"files_parsed\": 1,\n\t\"queries_total\": 235,\n"
                + "\t\"queries\": [],\n"
                + "\t\"severity_counters\": {\"HIGH\": 0, \"INFO\": 0, \"LOW\": 0, \"MEDIUM\": 0},\n"
                + "\t\"total_counter\": 0\n}";
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        Evidence e = parseBytes("kics.json", bytes);
        assertThat(e.open().total()).isZero();
        assertThat(e.toolVersion()).isEmpty();
        assertThat(ParserRegistry.defaults().detect(Sniff.of("kics.json", bytes)))
                .hasValueSatisfying(p -> assertThat(p.id()).isEqualTo("kics-json"));
    }

    @Test
    void shouldReadFilesListedBeforeTheQuerySeverity() throws ParseException {
        String json = "{\"kics_version\":\"v2.0.0\",\"queries\":[{\"files\":[{\"file_name\":\"a.tf\"},"
                + "{\"file_name\":\"b.tf\"}],\"query_id\":\"q1\",\"severity\":\"MEDIUM\",\"platform\":\"Terraform\"}]}";
        Evidence e = parseBytes("k.json", json.getBytes(StandardCharsets.UTF_8));
        assertThat(e.open()).isEqualTo(SeverityCounts.of(0, 0, 2, 0, 0, 0));
        assertThat(e.findings().get(1).id()).isEqualTo(FindingIdentity.of("q1", "b.tf", 1));
    }

    @Test
    void shouldRejectOtherJson() {
        assertThatThrownBy(() -> parseBytes("x.json", "{\"a\": []}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ParseException.class)
                .hasMessage("x.json (kics-json): not a KICS report: no \"queries\"");
    }
}
