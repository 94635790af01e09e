package io.jenkins.plugins.dsomm.ingest.parser;

import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
import io.jenkins.plugins.dsomm.evidence.Finding;
import io.jenkins.plugins.dsomm.evidence.FindingIdentity;
import io.jenkins.plugins.dsomm.evidence.Severity;
import io.jenkins.plugins.dsomm.evidence.SeverityCounts;
import io.jenkins.plugins.dsomm.ingest.AbstractParserTest;
import io.jenkins.plugins.dsomm.ingest.ParseException;
import io.jenkins.plugins.dsomm.ingest.ReportParser;
import io.jenkins.plugins.dsomm.ingest.Sniff;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DependencyCheckJsonParserTest extends AbstractParserTest {
    @Override
    protected ReportParser parser() {
        return new DependencyCheckJsonParser();
    }

    @Override
    protected String fixture() {
        return "dependency-check-json/report-12.json";
    }

    @Override
    protected void assertFixture(final Evidence evidence) {
        assertThat(evidence.tool()).isEqualTo("dependency-check");
        assertThat(evidence.toolVersion()).isEqualTo("12.1.0");
        assertThat(evidence.kinds()).containsExactly(EvidenceKind.SCA);
        // critical: stated CRITICAL, CVSS v2 9.3 alone; high: CVSS v4 8.7 before v2 2.0; medium: stated MEDIUM
        // against CVSS v3 9.0, v3 5.9 before v2 4.3, RetireJS "medium"; low: RetireJS "low"; info: v3 0.0;
        // unknown: unscored "Unknown"
        assertThat(evidence.open()).isEqualTo(SeverityCounts.of(2, 1, 3, 1, 1, 1));
        assertThat(evidence.suppressed()).isEqualTo(2);
        assertThat(evidence.components()).isZero();
        assertThat(evidence.producedAt()).isEqualTo(Instant.parse("2026-05-05T05:05:05.123456789Z"));
        assertThat(evidence.facets()).contains("ecosystem:maven", "ecosystem:npm");
        Finding first = evidence.findings().get(0);
        assertThat(first.rule()).isEqualTo("CVE-2021-44228");
        assertThat(first.location()).isEqualTo("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1");
        assertThat(first.title()).isEqualTo(
                "Apache Log4j2 JNDI features do not protect against attacker controlled LDAP endpoints.");
        assertThat(first.id()).isEqualTo(FindingIdentity.of("CVE-2021-44228",
                "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1", 1));
        assertThat(evidence.findings().get(1).severity()).isEqualTo(Severity.MEDIUM);
        assertThat(evidence.findings().get(3).location()).isEqualTo("pkg:javascript/jquery@1.8.1");
        // no package URL: the file name
        assertThat(evidence.findings().get(5).location()).isEqualTo("mystery.dll");
        assertThat(evidence.findings().get(5).severity()).isEqualTo(Severity.HIGH);
    }

    private Evidence parseJson(final String json) throws ParseException {
        return parseBytes("dependency-check-report.json", json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldReadAReportWithoutDependenciesAsACleanScan() throws ParseException {
        Evidence e = parseJson("""
                {"reportSchema":"1.1","scanInfo":{"engineVersion":"6.5.3"},
                 "projectInfo":{"name":"","reportDate":"2022-01-22T13:40:32.740468526Z"},"dependencies":[]}""");
        assertThat(e.kinds()).containsExactly(EvidenceKind.SCA);
        assertThat(e.open().total()).isZero();
        assertThat(e.toolVersion()).isEqualTo("6.5.3");
        Evidence nothing = parseJson("[]");
        assertThat(nothing.kinds()).containsExactly(EvidenceKind.SCA);
        assertThat(nothing.open().total()).isZero();
    }

    @Test
    void shouldReadPackagesAfterVulnerabilities() throws ParseException {
        Evidence e = parseJson("""
                {"dependencies":[{"vulnerabilities":[{"name":"CVE-1","severity":"HIGH"}],"fileName":"a.jar",
                  "packages":[{"id":"cpe-like"},{"id":"pkg:maven/g/a@1"}]}],"scanInfo":{}}""");
        assertThat(e.findings().get(0).location()).isEqualTo("pkg:maven/g/a@1");
        assertThat(e.toolVersion()).isEmpty();
    }

    @Test
    void shouldTolerateOddShapes() throws ParseException {
        Evidence e = parseJson("""
                {"scanInfo":[],"projectInfo":"x","dependencies":[1,{"packages":"p","vulnerabilities":[2,
                  {"name":["x"],"severity":{"a":1},"cvssv3":7}],"suppressedVulnerabilities":{}}]}""");
        assertThat(e.open()).isEqualTo(SeverityCounts.of(0, 0, 0, 0, 0, 1));
    }

    @Test
    void shouldRejectJsonThatIsNotDependencyCheck() {
        assertThatThrownBy(() -> parseJson("{\"projectInfo\":{}}"))
                .isInstanceOf(ParseException.class)
                .hasMessage("dependency-check-report.json (dependency-check-json): not a Dependency-Check report: "
                        + "no \"scanInfo\" or \"dependencies\"");
    }

    @Test
    void shouldNotClaimOtherJsonFormats() {
        DependencyCheckJsonParser parser = new DependencyCheckJsonParser();
        for (String other : new String[] {
            "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.5\",\"dependencies\":[]}",
            "{\"version\":\"2.1.0\",\"runs\":[]}",
            "{\"dependencies\":[]}"}) {
            assertThat(parser.detect(Sniff.of("x.json", other.getBytes(StandardCharsets.UTF_8))))
                    .isEqualTo(ReportParser.NO);
        }
    }
}
