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
import io.jenkins.plugins.dsomm.ingest.ReportParser;
import io.jenkins.plugins.dsomm.ingest.ReportSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SarifParserTest extends AbstractParserTest {
    @Override
    protected ReportParser parser() {
        return new SarifParser();
    }

    @Override
    protected String fixture() {
        return "sarif/demo-sast.sarif";
    }

    @Override
    protected void assertFixture(final Evidence evidence) {
        assertThat(evidence.tool()).isEqualTo("DemoSAST");
        assertThat(evidence.toolVersion()).isEqualTo("1.2.3");
        assertThat(evidence.kinds()).containsExactly(EvidenceKind.SAST);
        // critical: R2 (rule score 9.8); high: R1 default error, under review, rejected suppression;
        // medium: no level anywhere, explicit warning; low: extension rule default note; info: score 0, level none
        assertThat(evidence.open()).isEqualTo(SeverityCounts.of(1, 3, 2, 1, 2, 0));
        assertThat(evidence.suppressed()).isEqualTo(1);
        assertThat(evidence.components()).isZero();
        assertThat(evidence.producedAt()).isEqualTo(Instant.parse("2026-10-01T12:00:00Z"));
        assertThat(evidence.facets()).contains(Facets.LANGUAGE_JAVASCRIPT, "language:java");
        assertThat(evidence.findings()).hasSize(9);
        Finding first = evidence.findings().get(0);
        assertThat(first.rule()).isEqualTo("R1");
        assertThat(first.title()).isEqualTo("Rule one");
        assertThat(first.location()).isEqualTo("src/app.js");
        assertThat(first.severity()).isEqualTo(Severity.HIGH);
        assertThat(first.id()).isEqualTo(FindingIdentity.of("R1", "src/app.js", 1));
        assertThat(evidence.findings().get(1).location()).isEqualTo("/work/src/Main.java");
        assertThat(evidence.findings().get(1).title()).isEqualTo("RuleTwo");
        assertThat(evidence.findings().get(3).rule()).isEqualTo("X1");
        Finding fingerprinted = evidence.findings().get(8);
        assertThat(fingerprinted.id()).isEqualTo(FindingIdentity.ofFingerprint("DemoSAST",
                "R1|primaryLocationLineHash=abc123:1;"));
    }

    @Test
    void shouldGiveOneEvidencePerToolAndMergeRunsOfTheSameTool() throws ParseException {
        List<Evidence> all = parser().parseAll(ReportSource.of("two.sarif", resource("sarif/two-tools-and-legacy.sarif")));
        assertThat(all).hasSize(2);
        Evidence eslint = all.get(0);
        assertThat(eslint.tool()).isEqualTo("ESLint");
        assertThat(eslint.open()).isEqualTo(SeverityCounts.of(0, 1, 1, 0, 0, 0));
        assertThat(eslint.kinds()).containsExactly(EvidenceKind.SAST);
        assertThat(eslint.facets()).contains(Facets.LANGUAGE_JAVASCRIPT);
        Evidence gitleaks = all.get(1);
        assertThat(gitleaks.tool()).isEqualTo("gitleaks");
        assertThat(gitleaks.toolVersion()).isEqualTo("v8.18.0");
        assertThat(gitleaks.kinds()).containsExactly(EvidenceKind.SECRETS);
        assertThat(gitleaks.open()).isEqualTo(SeverityCounts.of(0, 1, 0, 0, 0, 0));
    }

    @Test
    void shouldClassifyEachProducerByName() throws ParseException {
        // govulncheck analyses the dependencies of a Go module: SCA, not SAST
        String runs = java.util.stream.Stream.of("anchore-container-scan", "Trivy", "Gitleaks", "Checkov", "ZAP",
                "CodeQL", "govulncheck").map(n -> "{\"tool\":{\"driver\":{\"name\":\"" + n + "\"}},\"results\":[]}")
                .collect(java.util.stream.Collectors.joining(","));
        List<Evidence> all = parser().parseAll(ReportSource.of("producers.sarif",
                ("{\"version\":\"2.1.0\",\"runs\":[" + runs + "]}").getBytes(StandardCharsets.UTF_8)));
        assertThat(all).extracting(Evidence::kinds).containsExactly(
                java.util.Set.of(EvidenceKind.CONTAINER, EvidenceKind.SCA), java.util.Set.of(EvidenceKind.SCA),
                java.util.Set.of(EvidenceKind.SECRETS), java.util.Set.of(EvidenceKind.IAC),
                java.util.Set.of(EvidenceKind.DAST), java.util.Set.of(EvidenceKind.SAST),
                java.util.Set.of(EvidenceKind.SCA));
    }

    @Test
    void shouldReadSarif1() throws ParseException {
        Evidence e = parse("sarif/legacy-1.0.sarif");
        assertThat(e.tool()).isEqualTo("OldScanner");
        assertThat(e.toolVersion()).isEqualTo("0.9");
        assertThat(e.open()).isEqualTo(SeverityCounts.of(0, 0, 0, 1, 0, 0));
        assertThat(e.suppressed()).isEqualTo(1);
        assertThat(e.findings().get(0).location()).isEqualTo("/C:/src/a.c");
        assertThat(e.findings().get(0).title()).isEqualTo("Old rule");
        assertThat(e.producedAt()).isEqualTo(Instant.parse("2016-08-25T21:26:42Z"));
    }

    @Test
    void shouldCountIdenticalFindingsSeparatelyWithDistinctIdentities() throws ParseException {
        String log = """
                {"version":"2.1.0","runs":[{"tool":{"driver":{"name":"T"}},"results":[
                {"ruleId":"A","level":"error","locations":[{"physicalLocation":{"artifactLocation":{"uri":"a.py"},"region":{"startLine":1}}}]},
                {"ruleId":"A","level":"error","locations":[{"physicalLocation":{"artifactLocation":{"uri":"a.py"},"region":{"startLine":9}}}]}
                ]}]}""";
        Evidence e = parseBytes("dup.sarif", log.getBytes(StandardCharsets.UTF_8));
        assertThat(e.open().get(Severity.HIGH)).isEqualTo(2);
        assertThat(e.findings()).extracting(Finding::id).doesNotHaveDuplicates();
    }

    @Test
    void shouldRejectJsonThatIsNotSarif() {
        assertThatThrownBy(() -> parseBytes("x.json", "{\"version\":\"2.1.0\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ParseException.class)
                .hasMessage("x.json (sarif): not a SARIF log: no \"runs\" array");
        assertThatThrownBy(() -> parseBytes("y.json", "[1,2]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ParseException.class)
                .hasMessage("y.json (sarif): expected a SARIF log object but found an array at line 1, column 1");
    }
}
