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

class NpmAuditJsonParserTest extends AbstractParserTest {
    private static final String V1 = """
            {
              "actions": [{"action": "install", "module": "old-lib", "resolves": [{"id": 118, "path": "a>old-lib"}]}],
              "advisories": {
                "118": {
                  "findings": [{"version": "1.0.0", "paths": ["a>old-lib", "b>old-lib"]}, {"version": "1.1.0", "paths": ["c>d>old-lib"]}],
                  "id": 118, "module_name": "old-lib", "severity": "high", "title": "Command injection in old-lib",
                  "github_advisory_id": "GHSA-1111-2222-3333", "cves": ["CVE-2099-0118"], "cvss": {"score": 2.0}
                },
                "119": {
                  "id": 119, "module_name": "mid-lib", "severity": "moderate", "github_advisory_id": null,
                  "cves": ["CVE-2099-0119"], "findings": [{"version": "2.0.0", "paths": ["mid-lib"]}]
                },
                "120": {
                  "id": 120, "module_name": "zero-lib", "severity": null, "cvss": {"score": 0},
                  "findings": [{"version": "0.1.0", "paths": ["zero-lib"]}]
                },
                "121": {"id": 121, "module_name": "pathless", "severity": "low", "findings": []}
              },
              "muted": [{"id": 99, "path": "x>y", "version": "1.0.0"}],
              "metadata": {"vulnerabilities": {"info": 1, "low": 0, "moderate": 1, "high": 3, "critical": 0},
                           "dependencies": 10, "devDependencies": 3, "optionalDependencies": 0, "totalDependencies": 13},
              "runId": "00000000-0000-0000-0000-000000000000"
            }""";

    @Override
    protected ReportParser parser() {
        return new NpmAuditJsonParser();
    }

    @Override
    protected String fixture() {
        return "npm-audit-json/audit-v2.json";
    }

    @Override
    protected void assertFixture(final Evidence evidence) {
        assertThat(evidence.tool()).isEqualTo("npm audit");
        assertThat(evidence.toolVersion()).isEmpty();
        assertThat(evidence.kinds()).containsExactly(EvidenceKind.SCA);
        // one per vulnerable package, as metadata.vulnerabilities counts: critical (direct and through a
        // dependency), high (stated, and the CVSS score 7.2 of an entry without a word), moderate, low, info
        assertThat(evidence.open()).isEqualTo(SeverityCounts.of(2, 2, 1, 1, 1, 0));
        assertThat(evidence.suppressed()).isZero();
        assertThat(evidence.components()).isZero();
        assertThat(evidence.producedAt()).isNull();
        assertThat(evidence.facets()).contains(Facets.ECOSYSTEM_NPM);
        Finding first = evidence.findings().get(0);
        assertThat(first.rule()).isEqualTo("GHSA-zzzz-0001-aaaa"); // the most severe advisory of the two
        assertThat(first.title()).isEqualTo("Prototype pollution in demo-parser");
        assertThat(first.location()).isEqualTo("demo-parser");
        assertThat(first.id()).isEqualTo(FindingIdentity.of("GHSA-zzzz-0001-aaaa", "demo-parser", 1));
        Finding transitive = evidence.findings().get(1);
        assertThat(transitive.rule()).isEqualTo("via:demo-parser");
        assertThat(transitive.title()).isEqualTo("vulnerable through demo-parser");
        assertThat(transitive.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(evidence.findings().get(2).rule()).isEqualTo("1100003");
        assertThat(evidence.findings().get(6).severity()).isEqualTo(Severity.HIGH);
    }

    private Evidence parseText(final String json) throws ParseException {
        return parseBytes("audit.json", json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldReadVersion1AdvisoryByPath() throws ParseException {
        Evidence e = parseText(V1);
        // high: 3 paths (the stated word wins over the 2.0 score); moderate: 1; info: score 0 without a word;
        // low: an advisory without paths still counts once
        assertThat(e.open()).isEqualTo(SeverityCounts.of(0, 3, 1, 1, 1, 0));
        assertThat(e.suppressed()).isEqualTo(1);
        assertThat(e.findings()).extracting(Finding::rule).containsExactly("GHSA-1111-2222-3333",
                "GHSA-1111-2222-3333", "GHSA-1111-2222-3333", "CVE-2099-0119", "120", "121");
        assertThat(e.findings()).extracting(Finding::id).doesNotHaveDuplicates();
        assertThat(e.findings().get(0).location()).isEqualTo("old-lib");
        assertThat(ParserRegistry.defaults().detect(Sniff.of("x.json", V1.getBytes(StandardCharsets.UTF_8))))
                .hasValueSatisfying(p -> assertThat(p.id()).isEqualTo("npm-audit-json"));
    }

    @Test
    void shouldTurnAnNpmErrorDocumentIntoAClearError() {
        String error = """
                {
                  "error": {
                    "code": "ENOLOCK",
                    "summary": "This command requires an existing lockfile.",
                    "detail": "Try creating one first with: npm i --package-lock-only"
                  }
                }""";
        assertThatThrownBy(() -> parseText(error))
                .isInstanceOf(ParseException.class)
                .hasMessage("audit.json (npm-audit-json): npm audit failed (error document, not a scan result): "
                        + "ENOLOCK: This command requires an existing lockfile.");
        IngestedFile outcome = new Ingestor().readFile(ReportSource.of("audit.json",
                error.getBytes(StandardCharsets.UTF_8)), null);
        assertThat(outcome.status()).isEqualTo(IngestedFile.Status.ERROR);
        assertThat(outcome.format()).isEqualTo("npm-audit-json");
        assertThat(outcome.error()).contains("This command requires an existing lockfile.");
        assertThatThrownBy(() -> parseText("{\"error\": {\"code\": \"E500\", \"detail\": \"\"}}"))
                .isInstanceOf(ParseException.class)
                .hasMessageEndingWith("npm audit failed (error document, not a scan result): E500: no summary given");
    }

    @Test
    void shouldTurnTheRegistrysHttpErrorIntoAClearError() {
        String error = """
                {
                  "message": "503 Service Unavailable - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk",
                  "method": "POST",
                  "uri": "https://registry.npmjs.org/-/npm/v1/security/advisories/bulk",
                  "headers": {"content-type": ["text/html"]},
                  "statusCode": 503,
                  "code": "E503",
                  "body": "<html>Service Unavailable</html>",
                  "error": {
                    "summary": "503 Service Unavailable - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk",
                    "detail": "Check the registry, or try again later."
                  }
                }""";
        IngestedFile outcome = new Ingestor().readFile(ReportSource.of("audit.json",
                error.getBytes(StandardCharsets.UTF_8)), null);
        assertThat(outcome.status()).isEqualTo(IngestedFile.Status.ERROR);
        assertThat(outcome.format()).isEqualTo("npm-audit-json");
        assertThat(outcome.error()).isEqualTo("audit.json (npm-audit-json): npm audit failed (error document, not a "
                + "scan result): E503: 503 Service Unavailable - POST "
                + "https://registry.npmjs.org/-/npm/v1/security/advisories/bulk");
        String noCode = "{\"message\": \"request to https://registry.npmjs.org/ failed, reason: getaddrinfo "
                + "ENOTFOUND\", \"uri\": \"https://registry.npmjs.org/\", \"error\": {\"summary\": \"x\"}}";
        assertThat(new Ingestor().readFile(ReportSource.of("audit.json", noCode.getBytes(StandardCharsets.UTF_8)),
                null).error()).isEqualTo("audit.json (npm-audit-json): npm audit failed (error document, not a scan "
                + "result): request to https://registry.npmjs.org/ failed, reason: getaddrinfo ENOTFOUND");
    }

    @Test
    void shouldNamePnpmAuditByItsPathsThatStartAtTheProject() throws ParseException {
        String pnpm = """
                {"actions": [], "advisories": {"1069415": {"findings": [{"version": "0.6.1",
                  "paths": [".>express>qs", ".>body-parser>qs"]}], "module_name": "qs", "severity": "high",
                  "github_advisory_id": "GHSA-gqgv-6jq5-jjj9", "id": 1069415, "title": "Prototype Pollution"}},
                 "muted": [], "metadata": {"vulnerabilities": {"high": 1}, "dependencies": 40,
                  "devDependencies": 0, "optionalDependencies": 0, "totalDependencies": 40}}""";
        Evidence e = parseText(pnpm);
        assertThat(e.tool()).isEqualTo("pnpm audit");
        assertThat(e.open()).isEqualTo(SeverityCounts.of(0, 2, 0, 0, 0, 0));
        assertThat(parseText(pnpm.replace(".>", ""))).satisfies(npm -> assertThat(npm.tool()).isEqualTo("npm audit"));
    }

    @Test
    void shouldNotClaimOtherErrorDocuments() {
        byte[] other = "{\"error\": {\"code\": 1, \"message\": \"boom\"}}".getBytes(StandardCharsets.UTF_8);
        assertThat(parser().detect(Sniff.of("x.json", other))).isEqualTo(ReportParser.NO);
    }

    @Test
    void shouldRejectJsonThatIsNotNpmAudit() {
        assertThatThrownBy(() -> parseText("{\"metadata\": {}}"))
                .isInstanceOf(ParseException.class)
                .hasMessage("audit.json (npm-audit-json): not an npm audit report: no \"advisories\" or "
                        + "\"vulnerabilities\"");
    }

    @Test
    void shouldSurviveOddValueTypes() throws ParseException {
        Evidence e = parseText("""
                {"auditReportVersion": 2, "vulnerabilities": {"a": null, "b": {"via": [1, null, {"url": 5}, []],
                 "severity": ["high"]}, "c": {"name": "c", "severity": "high", "via": "x"}}, "muted": {}}""");
        assertThat(e.open()).isEqualTo(SeverityCounts.of(0, 1, 0, 0, 0, 1));
    }
}
