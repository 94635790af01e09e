package io.jenkins.plugins.dsomm.ingest.parser;

import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
import io.jenkins.plugins.dsomm.ingest.AbstractParserTest;
import io.jenkins.plugins.dsomm.ingest.ParseException;
import io.jenkins.plugins.dsomm.ingest.ReportParser;
import io.jenkins.plugins.dsomm.ingest.Sniff;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The fixture is cut by the shared truncation test inside a {@code <text>} value, the one sign of a cut file
 * tag-value has besides a broken last line.
 */
class SpdxTagValueParserTest extends AbstractParserTest {
    @Override
    protected ReportParser parser() {
        return new SpdxTagValueParser();
    }

    @Override
    protected String fixture() {
        return "spdx-tag-value/sbom-2.3.spdx";
    }

    @Override
    protected void assertFixture(final Evidence evidence) {
        assertThat(evidence.tool()).isEqualTo("demo-scanner");
        assertThat(evidence.toolVersion()).isEqualTo("3.4.5");
        assertThat(evidence.kinds()).containsExactly(EvidenceKind.SBOM);
        // demo-app is described by the document; tags inside <text> values are text, not packages
        assertThat(evidence.components()).isEqualTo(2);
        assertThat(evidence.packages()).containsExactly("left-pad", "zlib");
        assertThat(evidence.facets()).contains("ecosystem:npm", "ecosystem:generic").doesNotContain("ecosystem:go");
        assertThat(evidence.open().total()).isZero();
        assertThat(evidence.producedAt()).isEqualTo(Instant.parse("2026-04-04T04:04:04Z"));
    }

    private Evidence parseText(final String text) throws ParseException {
        return parseBytes("sbom.spdx", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldReadCrLfLinesAndTextOnOneLine() throws ParseException {
        Evidence e = parseText("SPDXVersion: SPDX-2.2\r\nSPDXID: SPDXRef-DOCUMENT\r\n"
                + "Creator: Tool: syft-0.83.0\r\nCreated: 2023-06-15T16:37:59Z\r\n"
                + "DocumentComment: <text>one line</text>\r\n"
                + "PackageName: a\r\nSPDXID: SPDXRef-a\r\n"
                + "PackageName: b\r\nSPDXID: SPDXRef-b\r\nExternalRef: PACKAGE-MANAGER purl pkg:npm/b@1\r\n"
                + "Relationship: SPDXRef-DOCUMENT DESCRIBES SPDXRef-a\r\n");
        assertThat(e.tool()).isEqualTo("syft");
        assertThat(e.toolVersion()).isEqualTo("0.83.0");
        assertThat(e.components()).isEqualTo(1);
        assertThat(e.packages()).containsExactly("b");
    }

    @Test
    void shouldCountTheOnlyPackageEvenWhenDescribed() throws ParseException {
        Evidence e = parseText("""
                SPDXVersion: SPDX-2.2
                SPDXID: SPDXRef-DOCUMENT
                Creator: Tool: github.com/spdx/tools-golang/builder
                PackageName: hello
                SPDXID: SPDXRef-Package-hello
                Relationship: SPDXRef-DOCUMENT DESCRIBES SPDXRef-Package-hello
                FileName: ./hello
                SPDXID: SPDXRef-hello-binary
                """);
        assertThat(e.components()).isEqualTo(1);
        assertThat(e.tool()).isEqualTo("github.com/spdx/tools-golang/builder");
        assertThat(e.toolVersion()).isEmpty();
    }

    @Test
    void shouldRejectLinesThatAreNotTags() {
        assertThatThrownBy(() -> parseText("SPDXVersion: SPDX-2.3\nthis is not a tag\n"))
                .isInstanceOf(ParseException.class)
                .hasMessage("sbom.spdx (spdx-tag-value): not SPDX tag-value: a line is neither \"Tag: value\" nor a "
                        + "comment at line 2");
        assertThatThrownBy(() -> parseText("DataLicense: CC0-1.0\n"))
                .isInstanceOf(ParseException.class)
                .hasMessage("sbom.spdx (spdx-tag-value): not an SPDX tag-value document: no \"SPDXVersion:\" tag");
    }

    @Test
    void shouldRejectAnUnclosedTextOrABrokenLastLine() {
        assertThatThrownBy(() -> parseText("SPDXVersion: SPDX-2.3\nDocumentComment: <text>open\nmore\n"))
                .isInstanceOf(ParseException.class)
                .hasMessageEndingWith("a <text> value is never closed by </text> at line 2");
        assertThatThrownBy(() -> parseText("SPDXVersion: SPDX-2.3\nPackageName:"))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("truncated SPDX tag-value");
    }

    @Test
    void shouldDetectByTheFirstTag() {
        SpdxTagValueParser parser = new SpdxTagValueParser();
        assertThat(parser.detect(Sniff.of("x", "# comment\n\nSPDXVersion: SPDX-2.3\n".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(ReportParser.CERTAIN);
        assertThat(parser.detect(Sniff.of("x", "DataLicense: CC0-1.0\nSPDXVersion: SPDX-2.3\n"
                .getBytes(StandardCharsets.UTF_8)))).isEqualTo(ReportParser.LIKELY);
        assertThat(parser.detect(Sniff.of("x", "{\"spdxVersion\":\"SPDX-2.3\"}".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(ReportParser.NO);
        assertThat(parser.detect(Sniff.of("x", "key: value\nother: value\n".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(ReportParser.NO);
    }
}
