package io.jenkins.plugins.dsomm.ingest.parser;

import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrufflehogJsonParserTest extends AbstractParserTest {
    @Override
    protected ReportParser parser() {
        return new TrufflehogJsonParser();
    }

    @Override
    protected String fixture() {
        return "trufflehog-json/trufflehog-v3.jsonl";
    }

    @Override
    protected void assertFixture(final Evidence evidence) {
        assertThat(evidence.tool()).isEqualTo("TruffleHog");
        assertThat(evidence.toolVersion()).isEmpty();
        assertThat(evidence.kinds()).containsExactly(EvidenceKind.SECRETS);
        // TruffleHog states no severity, verified or not: all UNKNOWN
        assertThat(evidence.open()).isEqualTo(SeverityCounts.of(0, 0, 0, 0, 0, 5));
        assertThat(evidence.suppressed()).isZero();
        assertThat(evidence.findings()).hasSize(5);
        Finding aws = evidence.findings().get(0);
        assertThat(aws.rule()).isEqualTo("AWS");
        assertThat(aws.title()).isEqualTo("AWS secret (verified)");
        assertThat(aws.location()).isEqualTo("deploy/.env");
        assertThat(aws.severity()).isEqualTo(Severity.UNKNOWN);
        assertThat(evidence.findings().get(1).title()).isEqualTo("URI secret (unverified)");
        assertThat(evidence.findings().get(2).location()).isEqualTo("/src/app/config/keys.pem");
        assertThat(evidence.findings().get(3).location()).isEqualTo("README.md");
        assertThat(evidence.findings().get(4).location()).isEqualTo("/app/settings.json");
        assertThat(evidence.findings().get(4).id()).isEqualTo(FindingIdentity.of("SlackWebhook",
                "/app/settings.json", 1));
    }

    @Test
    void shouldReadVersion2Lines() throws ParseException {
        Evidence e = parse("trufflehog-json/trufflehog-v2.jsonl");
        assertThat(e.open()).isEqualTo(SeverityCounts.of(0, 0, 0, 0, 0, 3));
        assertThat(e.findings().get(0).rule()).isEqualTo("High Entropy");
        assertThat(e.findings().get(0).location()).isEqualTo("app/settings.py");
        // the same key on two branches: two occurrences of one rule and file
        assertThat(e.findings().get(2).id()).isEqualTo(FindingIdentity.of("RSA private key", "keys/id_rsa", 2));
        byte[] bytes = resource("trufflehog-json/trufflehog-v2.jsonl");
        assertThat(ParserRegistry.defaults().detect(Sniff.of("th.json", bytes)))
                .hasValueSatisfying(p -> assertThat(p.id()).isEqualTo("trufflehog-json"));
    }

    @Test
    void shouldPassOverLogLinesAndReadASingleResult() throws ParseException {
        String lines = "{\"level\":\"info-0\",\"ts\":\"2024-02-20T09:00:00Z\",\"logger\":\"trufflehog\","
                + "\"msg\":\"running source\"}\n"
                + "{\"SourceMetadata\":{\"Data\":{\"Filesystem\":{\"file\":\"a/b.txt\",\"line\":2}}},\"SourceType\":15,"
                + "\"DetectorName\":\"Stripe\",\"Verified\":false,\"Raw\":\"c2s=\"}\n";
        byte[] bytes = lines.getBytes(StandardCharsets.UTF_8);
        Evidence e = parseBytes("logs.jsonl", bytes);
        assertThat(e.open()).isEqualTo(SeverityCounts.of(0, 0, 0, 0, 0, 1));
        assertThat(e.findings().get(0).location()).isEqualTo("a/b.txt");
        assertThat(ParserRegistry.defaults().detect(Sniff.of("logs.jsonl", bytes)))
                .hasValueSatisfying(p -> assertThat(p.id()).isEqualTo("trufflehog-json"));
        byte[] single = lines.substring(lines.indexOf('\n') + 1).getBytes(StandardCharsets.UTF_8);
        assertThat(ParserRegistry.defaults().detect(Sniff.of("one.json", single)))
                .hasValueSatisfying(p -> assertThat(p.id()).isEqualTo("trufflehog-json"));
    }

    @Test
    void shouldRejectLinesThatAreNotResults() {
        assertThatThrownBy(() -> parseBytes("x.jsonl", "{\"a\":1}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ParseException.class)
                .hasMessageStartingWith("x.jsonl (trufflehog-json): not a TruffleHog result");
    }
}
