package io.jenkins.plugins.dsomm.ingest.parser;

import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GitleaksJsonParserTest extends AbstractParserTest {
    @Override
    protected ReportParser parser() {
        return new GitleaksJsonParser();
    }

    @Override
    protected String fixture() {
        return "gitleaks-json/gitleaks-v8.json";
    }

    @Override
    protected void assertFixture(final Evidence evidence) {
        assertThat(evidence.tool()).isEqualTo("Gitleaks");
        assertThat(evidence.toolVersion()).isEmpty();
        assertThat(evidence.kinds()).containsExactly(EvidenceKind.SECRETS);
        // Gitleaks states no severity: every leak is UNKNOWN
        assertThat(evidence.open()).isEqualTo(SeverityCounts.of(0, 0, 0, 0, 0, 3));
        assertThat(evidence.suppressed()).isZero();
        assertThat(evidence.findings()).hasSize(3);
        Finding aws = evidence.findings().get(0);
        assertThat(aws.rule()).isEqualTo("aws-access-token");
        assertThat(aws.location()).isEqualTo("deploy/config/settings.yaml");
        assertThat(aws.severity()).isEqualTo(Severity.UNKNOWN);
        assertThat(aws.title()).startsWith("Identified a pattern that may indicate AWS credentials");
        assertThat(aws.id()).isEqualTo(FindingIdentity.ofFingerprint("Gitleaks",
                "3f2a9c1d0e8b7a6f5e4d3c2b1a0f9e8d7c6b5a49:deploy/config/settings.yaml:aws-access-token:12"));
        // an empty Fingerprint (no-git scan): rule and file
        assertThat(evidence.findings().get(2).id()).isEqualTo(FindingIdentity.of("private-key", "certs/dev.key", 1));
    }

    @Test
    void shouldReadVersion7() throws ParseException {
        Evidence e = parse("gitleaks-json/gitleaks-v7.json");
        assertThat(e.tool()).isEqualTo("Gitleaks");
        assertThat(e.open()).isEqualTo(SeverityCounts.of(0, 0, 0, 0, 0, 2));
        Finding first = e.findings().get(0);
        assertThat(first.rule()).isEqualTo("Generic Credential");
        assertThat(first.title()).isEqualTo("Generic Credential");
        assertThat(first.location()).isEqualTo("config/database.yml");
        assertThat(ParserRegistry.defaults().detect(Sniff.of("leaks.json", resource("gitleaks-json/gitleaks-v7.json"))))
                .hasValueSatisfying(p -> assertThat(p.id()).isEqualTo("gitleaks-json"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "null", " [ ]\n", "null\n"})
    void shouldReadNoFindingsWhenTheFormatIsGivenButNotRecogniseThem(final String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        IngestedFile detected = new Ingestor().readFile(ReportSource.of("gitleaks.json", bytes), null);
        assertThat(detected.status()).isEqualTo(IngestedFile.Status.UNRECOGNISED);
        IngestedFile given = new Ingestor().readFile(ReportSource.of("gitleaks.json", bytes), "gitleaks-json");
        assertThat(given.status()).as(given.toString()).isEqualTo(IngestedFile.Status.READ);
        assertThat(given.evidence().get(0).open().total()).isZero();
        assertThat(given.evidence().get(0).kinds()).containsExactly(EvidenceKind.SECRETS);
    }

    @Test
    void shouldRejectOtherJson() {
        assertThatThrownBy(() -> parseBytes("x.json", "{\"RuleID\":\"a\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ParseException.class)
                .hasMessage("x.json (gitleaks-json): expected an array of Gitleaks findings but found an object at "
                        + "line 1, column 1");
        assertThatThrownBy(() -> parseBytes("y.json", "[1]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ParseException.class)
                .hasMessage("y.json (gitleaks-json): expected a Gitleaks finding object or the end of the array but "
                        + "found a number at line 1, column 2");
        assertThatThrownBy(() -> parseBytes("z.json", "[{\"Other\":1}]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ParseException.class)
                .hasMessageStartingWith("z.json (gitleaks-json): not a Gitleaks finding: no RuleID, rule or File");
    }
}
