package io.jenkins.plugins.dsomm.ingest.parser;

import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
import io.jenkins.plugins.dsomm.ingest.AbstractParserTest;
import io.jenkins.plugins.dsomm.ingest.ParseException;
import io.jenkins.plugins.dsomm.ingest.ParserRegistry;
import io.jenkins.plugins.dsomm.ingest.ReportParser;
import io.jenkins.plugins.dsomm.ingest.Sniff;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Fixtures written from the in-toto Statement, DSSE, SLSA provenance v0.2/v1 and Sigstore bundle specifications. */
class InTotoParserTest extends AbstractParserTest {
    private static final String MAVEN_BUILDER =
            "https://github.com/slsa-framework/slsa-github-generator/.github/workflows/builder_maven_slsa3.yml"
                    + "@refs/tags/v2.0.0";
    private static final String GENERIC_BUILDER =
            "https://github.com/slsa-framework/slsa-github-generator/.github/workflows/generator_generic_slsa3.yml"
                    + "@refs/tags/v1.9.0";

    @Override
    protected ReportParser parser() {
        return new InTotoParser();
    }

    @Override
    protected String fixture() {
        return "intoto-provenance/slsa-v1-statement.json";
    }

    @Override
    protected void assertFixture(final Evidence evidence) {
        assertThat(evidence.tool()).isEqualTo(MAVEN_BUILDER);
        assertThat(evidence.toolVersion()).isEqualTo("v2.0.0");
        assertThat(evidence.kinds()).containsExactly(EvidenceKind.PROVENANCE);
        assertThat(evidence.open().total()).isZero();
        assertThat(evidence.suppressed()).isZero();
        assertThat(evidence.producedAt()).isEqualTo(Instant.parse("2024-05-02T10:04:30Z"));
    }

    @Test
    void shouldReadEnvelopesOnePerLine() throws ParseException {
        Evidence e = parse("intoto-provenance/generic-slsa3.intoto.jsonl");
        assertThat(e.tool()).isEqualTo(GENERIC_BUILDER);
        assertThat(e.toolVersion()).isEmpty();
        assertThat(e.kinds()).containsExactly(EvidenceKind.PROVENANCE);
        assertThat(e.producedAt()).isEqualTo(Instant.parse("2024-03-01T09:06:00Z"));
        assertThat(ParserRegistry.defaults().detect(Sniff.of("x", resource("intoto-provenance/generic-slsa3.intoto.jsonl"))))
                .hasValueSatisfying(p -> assertThat(p.id()).isEqualTo("intoto-provenance"));
    }

    @Test
    void shouldReadSigstoreBundle() throws ParseException {
        byte[] bundle = resource("intoto-provenance/sigstore-bundle.json");
        assertThat(parser().detect(Sniff.of("b.json", bundle))).isEqualTo(ReportParser.CERTAIN);
        Evidence e = parseBytes("b.json", bundle);
        assertThat(e.tool()).isEqualTo(MAVEN_BUILDER);
        assertThat(e.producedAt()).isEqualTo(Instant.parse("2024-05-02T10:04:30Z"));
    }

    @Test
    void shouldReadLegacyLinkMetadata() throws ParseException {
        byte[] link = resource("intoto-provenance/package.link");
        assertThat(parser().detect(Sniff.of("package.link", link))).isEqualTo(ReportParser.LIKELY);
        Evidence e = parseBytes("package.link", link);
        assertThat(e.tool()).isEqualTo("in-toto");
        assertThat(e.kinds()).containsExactly(EvidenceKind.PROVENANCE);
    }

    @Test
    void shouldCountAnEnvelopeWhosePayloadIsNotReadable() throws ParseException {
        String notJson = Base64.getEncoder().encodeToString("not json".getBytes(StandardCharsets.UTF_8));
        String envelope = "{\"payloadType\":\"application/vnd.in-toto+json\",\"payload\":\"" + notJson
                + "\",\"signatures\":[]}";
        Evidence e = parseBytes("e.json", envelope.getBytes(StandardCharsets.UTF_8));
        assertThat(e.tool()).isEqualTo("in-toto");
        String big = "{\"payloadType\":\"application/vnd.in-toto+json\",\"payload\":\""
                + "A".repeat(InTotoParser.MAX_PAYLOAD * 2) + "\",\"signatures\":[]}";
        assertThat(parseBytes("big.json", big.getBytes(StandardCharsets.UTF_8)).tool()).isEqualTo("in-toto");
    }

    @Test
    void shouldRejectOtherJson() {
        assertThatThrownBy(() -> parseBytes("x.json", "{\"a\":1}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ParseException.class)
                .hasMessage("x.json (intoto-provenance): not an in-toto attestation: no \"_type\" statement, DSSE "
                        + "\"payload\" or Sigstore bundle");
        assertThat(parser().detect(Sniff.of("x.json", "{\"_type\":\"link\"}".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(ReportParser.NO);
    }
}
