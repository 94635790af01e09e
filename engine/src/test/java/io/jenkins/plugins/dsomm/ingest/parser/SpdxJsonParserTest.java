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

class SpdxJsonParserTest extends AbstractParserTest {
    @Override
    protected ReportParser parser() {
        return new SpdxJsonParser();
    }

    @Override
    protected String fixture() {
        return "spdx-json/sbom-2.3.spdx.json";
    }

    @Override
    protected void assertFixture(final Evidence evidence) {
        assertThat(evidence.tool()).isEqualTo("acme-sbom");
        assertThat(evidence.toolVersion()).isEqualTo("v2.1.0");
        assertThat(evidence.kinds()).containsExactly(EvidenceKind.SBOM);
        // four packages; the described demo-app is the subject (the relationship comes after the packages);
        // "lodash DESCRIBES zlib" is not the document's
        assertThat(evidence.components()).isEqualTo(3);
        assertThat(evidence.open().total()).isZero();
        assertThat(evidence.suppressed()).isZero();
        assertThat(evidence.producedAt()).isEqualTo(Instant.parse("2026-02-02T08:00:00Z"));
        assertThat(evidence.packages()).containsExactly("lodash", "requests", "zlib");
        assertThat(evidence.facets()).contains("ecosystem:npm", "ecosystem:pypi").doesNotContain("ecosystem:maven");
    }

    private Evidence parseJson(final String json) throws ParseException {
        return parseBytes("sbom.spdx.json", json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldUseDocumentDescribesAndDescribedBy() throws ParseException {
        Evidence e = parseJson("""
                {"spdxVersion":"SPDX-2.2","SPDXID":"SPDXRef-DOC","documentDescribes":["SPDXRef-a"],
                 "creationInfo":{"creators":["Tool: Source Auditor Open Source Console"],"created":"2021-09-02T13:46:32Z"},
                 "packages":[{"SPDXID":"SPDXRef-a","name":"a"},{"SPDXID":"SPDXRef-b","name":"b"},
                   {"SPDXID":"SPDXRef-c","name":"c"}],
                 "relationships":[{"spdxElementId":"SPDXRef-b","relationshipType":"DESCRIBED_BY",
                   "relatedSpdxElement":"SPDXRef-DOC"}]}""");
        assertThat(e.components()).isEqualTo(1);
        assertThat(e.packages()).containsExactly("c");
        assertThat(e.tool()).isEqualTo("Source Auditor Open Source Console");
        assertThat(e.toolVersion()).isEmpty();
    }

    @Test
    void shouldCountTheDescribedPackageWhenItIsTheOnlyOne() throws ParseException {
        Evidence e = parseJson("""
                {"spdxVersion":"SPDX-2.3","SPDXID":"SPDXRef-DOCUMENT",
                 "packages":[{"SPDXID":"SPDXRef-only","name":"only","externalRefs":[
                   {"referenceCategory":"PACKAGE-MANAGER","referenceType":"purl","referenceLocator":"pkg:cargo/only@1.0.0"}]}],
                 "relationships":[{"spdxElementId":"SPDXRef-DOCUMENT","relationshipType":"DESCRIBES",
                   "relatedSpdxElement":"SPDXRef-only"}]}""");
        assertThat(e.components()).isEqualTo(1);
        assertThat(e.facets()).contains("ecosystem:cargo");
        assertThat(e.tool()).isEqualTo("unknown SPDX producer");
    }

    @Test
    void shouldReadADocumentWithoutPackages() throws ParseException {
        Evidence e = parseJson("{\"spdxVersion\":\"SPDX-2.3\",\"files\":[{\"fileName\":\"a\"}]}");
        assertThat(e.components()).isZero();
        assertThat(e.kinds()).containsExactly(EvidenceKind.SBOM);
        Evidence empty = parseJson("null");
        assertThat(empty.components()).isZero();
    }

    @Test
    void shouldRejectJsonThatIsNotSpdx() {
        assertThatThrownBy(() -> parseJson("{\"packages\":[]}"))
                .isInstanceOf(ParseException.class)
                .hasMessage("sbom.spdx.json (spdx-json): not an SPDX 2 document: no \"spdxVersion\"");
    }

    @Test
    void shouldSplitToolNamesAndVersions() {
        assertThat(Spdx.splitTool("syft-0.83.0")).containsExactly("syft", "0.83.0");
        assertThat(Spdx.splitTool("syft-v0.42.0-bogus")).containsExactly("syft", "v0.42.0-bogus");
        assertThat(Spdx.splitTool("trivy-dev")).containsExactly("trivy", "dev");
        assertThat(Spdx.splitTool("LicenseFind-1.0")).containsExactly("LicenseFind", "1.0");
        assertThat(Spdx.splitTool("go-licenses-1.0")).containsExactly("go-licenses", "1.0");
        assertThat(Spdx.splitTool("SPDX-Java-Tools v1.1.7")).containsExactly("SPDX-Java-Tools", "v1.1.7");
        assertThat(Spdx.splitTool("Microsoft.SBOMTool-2.2.7")).containsExactly("Microsoft.SBOMTool", "2.2.7");
        assertThat(Spdx.splitTool("github.com/spdx/tools-golang/builder"))
                .containsExactly("github.com/spdx/tools-golang/builder", null);
        assertThat(Spdx.splitTool("Source Auditor Open Source Console"))
                .containsExactly("Source Auditor Open Source Console", null);
    }

    @Test
    void shouldNotClaimOtherJsonFormats() {
        SpdxJsonParser parser = new SpdxJsonParser();
        for (String other : new String[] {
            "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.5\"}",
            "{\"@context\":\"https://spdx.org/rdf/3.0.1/spdx-context.jsonld\",\"@graph\":[]}",
            "{\"version\":\"2.1.0\",\"runs\":[]}"}) {
            assertThat(parser.detect(Sniff.of("x.json", other.getBytes(StandardCharsets.UTF_8))))
                    .isEqualTo(ReportParser.NO);
        }
    }
}
