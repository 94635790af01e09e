package io.jenkins.plugins.dsomm.ingest.parser;

import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
import io.jenkins.plugins.dsomm.evidence.Facets;
import io.jenkins.plugins.dsomm.evidence.Finding;
import io.jenkins.plugins.dsomm.evidence.Severity;
import io.jenkins.plugins.dsomm.evidence.SeverityCounts;
import io.jenkins.plugins.dsomm.ingest.AbstractParserTest;
import io.jenkins.plugins.dsomm.ingest.ParseException;
import io.jenkins.plugins.dsomm.ingest.ReportParser;
import io.jenkins.plugins.dsomm.ingest.Sniff;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HadolintJsonParserTest extends AbstractParserTest {
    @Override
    protected ReportParser parser() {
        return new HadolintJsonParser();
    }

    @Override
    protected String fixture() {
        return "hadolint-json/hadolint.json";
    }

    @Override
    protected void assertFixture(final Evidence evidence) {
        assertThat(evidence.tool()).isEqualTo("Hadolint");
        assertThat(evidence.toolVersion()).isEmpty();
        assertThat(evidence.kinds()).containsExactly(EvidenceKind.IAC);
        // error x2 → HIGH, warning x3 → MEDIUM, info and style → INFO, "fatal" → UNKNOWN; ignore is suppressed
        assertThat(evidence.open()).isEqualTo(SeverityCounts.of(0, 2, 3, 0, 2, 1));
        assertThat(evidence.suppressed()).isEqualTo(1);
        assertThat(evidence.facets()).contains(Facets.TARGET_DOCKERFILE);
        assertThat(evidence.findings()).hasSize(8);
        Finding first = evidence.findings().get(0);
        assertThat(first.rule()).isEqualTo("DL3006");
        assertThat(first.title()).isEqualTo("Always tag the version of an image explicitly");
        assertThat(first.location()).isEqualTo("Dockerfile");
        assertThat(first.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(evidence.findings().get(6).severity()).isEqualTo(Severity.INFO);
    }

    @Test
    void shouldNormaliseWindowsPaths() throws ParseException {
        String json = "[{\"line\":9,\"code\":\"DL3008\",\"message\":\"Pin versions\",\"column\":1,"
                + "\"file\":\"project\\\\Dockerfile.web\",\"level\":\"warning\"}]";
        Evidence e = parseBytes("w.json", json.getBytes(StandardCharsets.UTF_8));
        assertThat(e.findings().get(0).location()).isEqualTo("project/Dockerfile.web");
    }

    @Test
    void shouldReadACleanRunAndRejectOtherShapes() throws ParseException {
        assertThat(parseBytes("e.json", "[]".getBytes(StandardCharsets.UTF_8)).open().total()).isZero();
        assertThat(parser().detect(Sniff.of("e.json", "[]".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(ReportParser.NO);
        assertThatThrownBy(() -> parseBytes("x.json", "{\"code\":\"DL3008\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ParseException.class)
                .hasMessage("x.json (hadolint-json): expected an array of Hadolint findings but found an object at "
                        + "line 1, column 1");
    }
}
