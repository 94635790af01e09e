package io.jenkins.plugins.dsomm.ingest.parser;

import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
import io.jenkins.plugins.dsomm.evidence.Finding;
import io.jenkins.plugins.dsomm.evidence.FindingIdentity;
import io.jenkins.plugins.dsomm.evidence.SeverityCounts;
import io.jenkins.plugins.dsomm.ingest.AbstractParserTest;
import io.jenkins.plugins.dsomm.ingest.IngestedFile;
import io.jenkins.plugins.dsomm.ingest.Ingestor;
import io.jenkins.plugins.dsomm.ingest.ParseException;
import io.jenkins.plugins.dsomm.ingest.ReportParser;
import io.jenkins.plugins.dsomm.ingest.ReportSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** The fixtures follow the JSON Lines of {@code yarn audit --json} (yarn 1.22) and {@code yarn npm audit --json} (yarn 4). */
class YarnAuditJsonParserTest extends AbstractParserTest {
    @Override
    protected ReportParser parser() {
        return new YarnAuditJsonParser();
    }

    @Override
    protected String fixture() {
        return "yarn-audit-json/yarn-1.22-audit.jsonl";
    }

    @Override
    protected void assertFixture(final Evidence evidence) {
        assertThat(evidence.tool()).isEqualTo("yarn audit");
        assertThat(evidence.kinds()).containsExactly(EvidenceKind.SCA);
        assertThat(evidence.facets()).contains("ecosystem:npm");
        // one per advisory and resolution path, as yarn's summary counts them
        assertThat(evidence.open()).isEqualTo(SeverityCounts.of(0, 2, 1, 0, 0, 0));
        assertThat(evidence.findings()).extracting(Finding::rule, Finding::location).containsExactly(
                tuple("GHSA-hrpp-h998-j3pp", "qs"), tuple("GHSA-hrpp-h998-j3pp", "qs"),
                tuple("GHSA-c2qf-rxjj-qqgw", "semver"));
        assertThat(evidence.findings().get(1).id()).isEqualTo(FindingIdentity.of("GHSA-hrpp-h998-j3pp", "qs", 2));
    }

    @Test
    void shouldReadBerrysNpmAudit() throws ParseException {
        Evidence e = parse("yarn-audit-json/yarn-4-npm-audit.jsonl");
        assertThat(e.tool()).isEqualTo("yarn npm audit");
        assertThat(e.open()).isEqualTo(SeverityCounts.of(0, 1, 2, 0, 0, 0));
        assertThat(e.findings()).extracting(Finding::rule, Finding::location).containsExactly(
                tuple("1097679", "axios"), tuple("1098094", "braces"), tuple("request (deprecation)", "request"));
    }

    @Test
    void shouldTurnAFailedAuditIntoAClearError() {
        String run = """
                {"type":"warning","data":"package.json: No license field"}
                {"type":"error","data":"An unexpected error occurred: \\"https://registry.yarnpkg.com/-/npm/v1/security/audits: tunneling socket could not be established\\"."}
                {"type":"info","data":"Visit https://yarnpkg.com/en/docs/cli/audit for documentation about this command."}
                """;
        IngestedFile outcome = new Ingestor().readFile(ReportSource.of("yarn-audit.json",
                run.getBytes(StandardCharsets.UTF_8)), null);
        assertThat(outcome.format()).isEqualTo("yarn-audit-json");
        assertThat(outcome.error()).isEqualTo("yarn-audit.json (yarn-audit-json): yarn audit failed (error output, "
                + "not a scan result): An unexpected error occurred: \"https://registry.yarnpkg.com/-/npm/v1/security"
                + "/audits: tunneling socket could not be established\".");
    }

    @Test
    void shouldReadAnAuditWithoutAdvisoriesAsClean() throws ParseException {
        String run = "{\"type\":\"info\",\"data\":\"No lockfile found.\"}\n{\"type\":\"auditSummary\",\"data\":"
                + "{\"vulnerabilities\":{\"info\":0,\"low\":0,\"moderate\":0,\"high\":0,\"critical\":0}}}\n";
        Evidence e = parseBytes("clean.json", run.getBytes(StandardCharsets.UTF_8));
        assertThat(e.open().total()).isZero();
        assertThat(e.kinds()).containsExactly(EvidenceKind.SCA);
    }
}
