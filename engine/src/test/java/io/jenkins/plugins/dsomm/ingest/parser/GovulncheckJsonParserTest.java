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

/** The fixture follows govulncheck 1.1's {@code -json} stream (protocol v1.0.0, symbol-level source scan). */
class GovulncheckJsonParserTest extends AbstractParserTest {
    @Override
    protected ReportParser parser() {
        return new GovulncheckJsonParser();
    }

    @Override
    protected String fixture() {
        return "govulncheck-json/govulncheck-1.1.json";
    }

    @Override
    protected void assertFixture(final Evidence evidence) {
        assertThat(evidence.tool()).isEqualTo("govulncheck");
        assertThat(evidence.toolVersion()).isEqualTo("v1.1.3");
        assertThat(evidence.kinds()).containsExactly(EvidenceKind.SCA);
        assertThat(evidence.facets()).contains("ecosystem:go");
        // GO-2023-2102 is called (a function frame): open; GO-2023-2402's package is imported but nothing in it is
        // called: suppressed; GO-2024-2609 has no finding at all: not counted. The Go database states no severity.
        assertThat(evidence.open()).isEqualTo(SeverityCounts.of(0, 0, 0, 0, 0, 1));
        assertThat(evidence.suppressed()).isEqualTo(1);
        assertThat(evidence.findings()).extracting(Finding::rule, Finding::title, Finding::location).containsExactly(
                tuple("GO-2023-2102", "HTTP/2 rapid reset can cause excessive work in net/http", "golang.org/x/net"));
        assertThat(evidence.findings().get(0).id()).isEqualTo(FindingIdentity.of("GO-2023-2102", "golang.org/x/net", 1));
    }

    @Test
    void shouldCountEveryReachedVulnerabilityAtAModuleLevelScan() throws ParseException {
        String stream = new String(resource("govulncheck-json/govulncheck-1.1.json"), StandardCharsets.UTF_8)
                .replace("\"scan_level\": \"symbol\"", "\"scan_level\": \"module\"");
        Evidence e = parseBytes("module-scan.json", stream.getBytes(StandardCharsets.UTF_8));
        assertThat(e.open().total()).isEqualTo(2);
        assertThat(e.suppressed()).isZero();
    }

    @Test
    void shouldTakeASeverityWordOfTheOsvEntryAndReadTheMessagesAsOneArray() throws ParseException {
        String messages = "[{\"config\":{\"scanner_name\":\"govulncheck\",\"scanner_version\":\"v1.0.1\"}},"
                + "{\"osv\":{\"id\":\"GO-2022-1059\",\"severity\":\"High\",\"summary\":\"DoS in x/text\"}},"
                + "{\"finding\":{\"osv\":\"GO-2022-1059\",\"trace\":[{\"module\":\"golang.org/x/text\",\"package\":"
                + "\"golang.org/x/text/language\",\"function\":\"Parse\"}]}}]";
        Evidence e = parseBytes("array.json", messages.getBytes(StandardCharsets.UTF_8));
        assertThat(e.open()).isEqualTo(SeverityCounts.of(0, 1, 0, 0, 0, 0));
    }

    @Test
    void shouldReadThePre10ResultByCallSinks() throws ParseException {
        String result = "{\"Calls\":{},\"Imports\":{},\"Requires\":{},\"Vulns\":["
                + "{\"OSV\":{\"id\":\"GO-2022-1144\",\"summary\":\"HTTP/2 memory growth\"},\"Symbol\":\"Serve\","
                + "\"PkgPath\":\"net/http\",\"ModPath\":\"stdlib\",\"CallSink\":5,\"ImportSink\":57,\"RequireSink\":1},"
                + "{\"OSV\":{\"id\":\"GO-2022-1144\"},\"Symbol\":\"ServeTLS\",\"PkgPath\":\"net/http\",\"ModPath\":"
                + "\"stdlib\",\"CallSink\":0,\"ImportSink\":57,\"RequireSink\":1},"
                + "{\"OSV\":{\"id\":\"GO-2023-0001\"},\"PkgPath\":\"example.test/x\",\"ModPath\":\"example.test/x\","
                + "\"CallSink\":0,\"ImportSink\":3,\"RequireSink\":2}],\"Modules\":{}}";
        Evidence e = parseBytes("old.json", result.getBytes(StandardCharsets.UTF_8));
        assertThat(e.findings()).extracting(Finding::rule, Finding::location).containsExactly(
                tuple("GO-2022-1144", "stdlib"));
        assertThat(e.suppressed()).isEqualTo(1);
    }

    @Test
    void shouldRejectOtherJson() {
        assertThatThrownBy(() -> parseBytes("x.json", "{\"progress\":{}}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ParseException.class)
                .hasMessage("x.json (govulncheck-json): not govulncheck output: no \"config\", \"osv\" or \"finding\" "
                        + "message");
    }
}
