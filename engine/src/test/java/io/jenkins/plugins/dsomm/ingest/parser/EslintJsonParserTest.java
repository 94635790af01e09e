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
import static org.assertj.core.groups.Tuple.tuple;

/**
 * The fixtures are real output of ESLint 8.57.0 with eslint-plugin-security 2.1.1 on three small files (one that
 * does not parse, one clean, one with findings and an eslint-disable comment): {@code --format json}, and
 * {@code --format json-with-metadata} with the rules' metadata cut to the rules that reported and the sources
 * removed.
 */
class EslintJsonParserTest extends AbstractParserTest {
    @Override
    protected ReportParser parser() {
        return new EslintJsonParser();
    }

    @Override
    protected String fixture() {
        return "eslint-json/eslint-8.57.0.json";
    }

    @Override
    protected void assertFixture(final Evidence evidence) {
        assertThat(evidence.tool()).isEqualTo("ESLint");
        assertThat(evidence.toolVersion()).isEmpty();
        assertThat(evidence.kinds()).containsExactlyInAnyOrder(EvidenceKind.LINT, EvidenceKind.SAST);
        // four warnings, one error; the parse error of broken.js is no finding; one message disabled by a comment
        assertThat(evidence.open()).isEqualTo(SeverityCounts.of(0, 1, 4, 0, 0, 0));
        assertThat(evidence.suppressed()).isEqualTo(1);
        assertThat(evidence.facets()).contains("language:javascript");
        assertThat(evidence.findings()).extracting(Finding::rule).containsExactly(
                "security/detect-non-literal-fs-filename", "security/detect-object-injection", "no-unused-vars",
                "eqeqeq", "security/detect-eval-with-expression");
        Finding first = evidence.findings().get(0);
        assertThat(first.location()).isEqualTo("/tmp/ci/shop/src/orders.js");
        assertThat(first.title()).isEqualTo("Found readFileSync from package \"fs\" with non literal argument at index 0");
        assertThat(first.id()).isEqualTo(FindingIdentity.of("security/detect-non-literal-fs-filename",
                "/tmp/ci/shop/src/orders.js", 1));
    }

    @Test
    void shouldReadTheJsonWithMetadataFormatterAlike() throws ParseException {
        Evidence e = parse("eslint-json/eslint-8.57.0-with-metadata.json");
        assertThat(e.open()).isEqualTo(SeverityCounts.of(0, 1, 4, 0, 0, 0));
        assertThat(e.suppressed()).isEqualTo(1);
    }

    @Test
    void shouldBeLintOnlyWithoutASecurityRule() throws ParseException {
        String report = "[{\"messages\":[{\"ruleId\":\"semi\",\"severity\":1,\"message\":\"Missing semicolon.\"}],"
                + "\"filePath\":\"/w/a.ts\",\"errorCount\":0,\"warningCount\":1}]";
        Evidence e = parseBytes("lint.json", report.getBytes(StandardCharsets.UTF_8));
        assertThat(e.kinds()).containsExactly(EvidenceKind.LINT);
        assertThat(e.findings()).extracting(Finding::rule, Finding::location).containsExactly(tuple("semi", "/w/a.ts"));
    }

    @Test
    void shouldRejectOtherJson() {
        assertThatThrownBy(() -> parseBytes("x.json", "{\"metadata\":{}}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ParseException.class).hasMessage("x.json (eslint-json): not an ESLint report: no \"results\"");
    }
}
