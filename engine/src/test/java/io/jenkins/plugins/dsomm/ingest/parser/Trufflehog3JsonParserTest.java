package io.jenkins.plugins.dsomm.ingest.parser;

import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.ingest.Sniff;
import io.jenkins.plugins.dsomm.ingest.ParserRegistry;
import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
import io.jenkins.plugins.dsomm.evidence.Finding;
import io.jenkins.plugins.dsomm.evidence.Severity;
import io.jenkins.plugins.dsomm.evidence.SeverityCounts;
import io.jenkins.plugins.dsomm.ingest.AbstractParserTest;
import io.jenkins.plugins.dsomm.ingest.ParseException;
import io.jenkins.plugins.dsomm.ingest.ReportParser;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Trufflehog3JsonParserTest extends AbstractParserTest {
    @Override
    protected ReportParser parser() {
        return new Trufflehog3JsonParser();
    }

    @Override
    protected String fixture() {
        return "trufflehog3-json/trufflehog3.json";
    }

    @Override
    protected void assertFixture(final Evidence evidence) {
        assertThat(evidence.tool()).isEqualTo("trufflehog3");
        assertThat(evidence.toolVersion()).isEmpty();
        assertThat(evidence.kinds()).containsExactly(EvidenceKind.SECRETS);
        assertThat(evidence.open()).isEqualTo(SeverityCounts.of(1, 1, 1, 1, 0, 0));
        assertThat(evidence.findings()).hasSize(4);
        Finding first = evidence.findings().get(0);
        assertThat(first.rule()).isEqualTo("high-entropy");
        assertThat(first.title()).isEqualTo("High Entropy");
        assertThat(first.location()).isEqualTo("settings/base.py");
        assertThat(first.severity()).isEqualTo(Severity.MEDIUM);
    }

    @Test
    void shouldReadTheLegacyArrayOfTruffleHogV2Objects() throws ParseException {
        Evidence e = parse("trufflehog3-json/trufflehog3-2.x-legacy.json");
        assertThat(e.tool()).isEqualTo("trufflehog3");
        assertThat(e.kinds()).containsExactly(EvidenceKind.SECRETS);
        assertThat(e.open()).isEqualTo(SeverityCounts.of(0, 0, 0, 0, 0, 3));
        assertThat(e.findings()).extracting(Finding::rule, Finding::location).containsExactly(
                org.assertj.core.groups.Tuple.tuple("AWS API Key", "config/settings.py"),
                org.assertj.core.groups.Tuple.tuple("High entropy", "config/settings.py"),
                org.assertj.core.groups.Tuple.tuple("RSA private key", "deploy/id_rsa"));
        assertThat(ParserRegistry.defaults().detect(Sniff.of("x.json",
                resource("trufflehog3-json/trufflehog3-2.x-legacy.json"))))
                .hasValueSatisfying(p -> assertThat(p.id()).isEqualTo("trufflehog3-json"));
    }

    @Test
    void shouldReadAnEmptyArrayAndRejectOtherShapes() throws ParseException {
        assertThat(parseBytes("e.json", "[]".getBytes(StandardCharsets.UTF_8)).open().total()).isZero();
        assertThatThrownBy(() -> parseBytes("x.json", "{\"rule\":{}}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ParseException.class)
                .hasMessage("x.json (trufflehog3-json): expected an array of trufflehog3 findings but found an object "
                        + "at line 1, column 1");
        assertThatThrownBy(() -> parseBytes("y.json", "[{\"other\":1}]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ParseException.class)
                .hasMessageStartingWith("y.json (trufflehog3-json): not a trufflehog3 finding");
    }
}
