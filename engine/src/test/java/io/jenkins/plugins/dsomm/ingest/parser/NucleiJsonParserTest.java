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

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NucleiJsonParserTest extends AbstractParserTest {
    @Override
    protected ReportParser parser() {
        return new NucleiJsonParser();
    }

    @Override
    protected String fixture() {
        return "nuclei-json/nuclei-v3.jsonl";
    }

    @Override
    protected void assertFixture(final Evidence evidence) {
        assertThat(evidence.tool()).isEqualTo("Nuclei");
        assertThat(evidence.toolVersion()).isEmpty();
        assertThat(evidence.kinds()).containsExactly(EvidenceKind.DAST);
        // critical, medium twice, high, low, info, unknown; the line with matcher-status false is no finding
        assertThat(evidence.open()).isEqualTo(SeverityCounts.of(1, 1, 2, 1, 1, 1));
        assertThat(evidence.suppressed()).isZero();
        // the latest timestamp of any line (10:19 +01:00, the non-matching line)
        assertThat(evidence.producedAt()).isEqualTo(Instant.parse("2024-03-05T09:19:00Z"));
        assertThat(evidence.findings()).hasSize(7);
        Finding cve = evidence.findings().get(0);
        assertThat(cve.rule()).isEqualTo("CVE-2021-41773");
        assertThat(cve.title()).isEqualTo("Apache 2.4.49 - Path Traversal");
        assertThat(cve.location()).isEqualTo("https://www.example.test");
        assertThat(cve.severity()).isEqualTo(Severity.CRITICAL);
        // one template on two hosts: two identities
        assertThat(evidence.findings().get(1).id()).isEqualTo(FindingIdentity.of("git-config",
                "https://www.example.test", 1));
        assertThat(evidence.findings().get(2).id()).isEqualTo(FindingIdentity.of("git-config",
                "https://shop.example.test", 1));
        // no host: matched-at
        assertThat(evidence.findings().get(6).location()).isEqualTo("https://www.example.test/health");
        assertThat(evidence.findings().get(6).severity()).isEqualTo(Severity.UNKNOWN);
    }

    @Test
    void shouldReadTheJsonExportArray() throws ParseException {
        String array = """
                [{"template-id":"dns-saas-service-detection","info":{"name":"DNS SaaS","severity":"info"},
                  "type":"dns","host":"www.example.test","matched-at":"www.example.test",
                  "timestamp":"2023-11-06T14:48:31.559886+01:00","matcher-status":true},
                 {"template-id":"caa-fingerprint","info":{"name":"CAA Fingerprint","severity":"info"},
                  "type":"dns","host":"www.example.test","matched-at":"www.example.test",
                  "timestamp":"2023-11-06T14:48:32+01:00","matcher-status":true}]""";
        byte[] bytes = array.getBytes(StandardCharsets.UTF_8);
        Evidence e = parseBytes("export.json", bytes);
        assertThat(e.open()).isEqualTo(SeverityCounts.of(0, 0, 0, 0, 2, 0));
        assertThat(e.producedAt()).isEqualTo(Instant.parse("2023-11-06T13:48:32Z"));
        assertThat(ParserRegistry.defaults().detect(Sniff.of("export.json", bytes)))
                .hasValueSatisfying(p -> assertThat(p.id()).isEqualTo("nuclei-json"));
    }

    @Test
    void shouldReadVersion2LinesWithTemplateIdAndMatched() throws ParseException {
        String lines = "{\"templateID\":\"openssh-detect\","
                + "\"info\":{\"name\":\"OpenSSH Detection\",\"severity\":\"low\"},"
                + "\"type\":\"network\",\"host\":\"https://example.test\",\"matched\":\"example.test:22\","
                + "\"timestamp\":\"2021-05-20T11:11:01.667748+03:00\"}\n"
                + "{\"templateID\":\"nginx-version\",\"info\":{\"severity\":\"info\",\"name\":\"nginx version\"},"
                + "\"type\":\"http\",\"matched\":\"https://example.test\",\"extracted_results\":[\"nginx/1.19.0\"],"
                + "\"timestamp\":\"2021-05-20T11:11:02.287655+03:00\"}\n";
        byte[] bytes = lines.getBytes(StandardCharsets.UTF_8);
        Evidence e = parseBytes("v2.jsonl", bytes);
        assertThat(e.open()).isEqualTo(SeverityCounts.of(0, 0, 0, 1, 1, 0));
        assertThat(e.findings().get(0).rule()).isEqualTo("openssh-detect");
        assertThat(e.findings().get(0).location()).isEqualTo("https://example.test");
        assertThat(e.findings().get(1).location()).isEqualTo("https://example.test");
        assertThat(ParserRegistry.defaults().detect(Sniff.of("v2.jsonl", bytes)))
                .hasValueSatisfying(p -> assertThat(p.id()).isEqualTo("nuclei-json"));
    }

    @Test
    void shouldReadAnEmptyFileAsNoFindingsWhenTheFormatIsGiven() {
        IngestedFile outcome = new Ingestor().readFile(ReportSource.of("nuclei.jsonl", new byte[0]), "nuclei-json");
        assertThat(outcome.status()).isEqualTo(IngestedFile.Status.READ);
        assertThat(outcome.evidence().get(0).open().total()).isZero();
        assertThat(outcome.evidence().get(0).kinds()).containsExactly(EvidenceKind.DAST);
    }

    @Test
    void shouldRejectLinesThatAreNotNucleiResults() {
        assertThatThrownBy(() -> parseBytes("x.jsonl", "{\"a\":1}\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ParseException.class)
                .hasMessageStartingWith("x.jsonl (nuclei-json): not a Nuclei result: no \"template-id\" and no "
                        + "\"info\"");
        assertThatThrownBy(() -> parseBytes("y.jsonl", "{\"template-id\":\"a\",\"info\":{}}\n[1]"
                .getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ParseException.class)
                .hasMessage("y.jsonl (nuclei-json): expected a Nuclei result object but found an array at line 2, "
                        + "column 1");
    }
}
