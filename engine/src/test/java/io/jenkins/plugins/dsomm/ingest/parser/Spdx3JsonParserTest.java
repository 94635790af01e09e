package io.jenkins.plugins.dsomm.ingest.parser;

import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
import io.jenkins.plugins.dsomm.ingest.AbstractParserTest;
import io.jenkins.plugins.dsomm.ingest.IngestedFile;
import io.jenkins.plugins.dsomm.ingest.Ingestor;
import io.jenkins.plugins.dsomm.ingest.ParseException;
import io.jenkins.plugins.dsomm.ingest.ReportParser;
import io.jenkins.plugins.dsomm.ingest.ReportSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fixture follows the SPDX 3.0.1 JSON-LD serialisation (core and software profiles). */
class Spdx3JsonParserTest extends AbstractParserTest {
    @Override
    protected ReportParser parser() {
        return new Spdx3JsonParser();
    }

    @Override
    protected String fixture() {
        return "spdx3-json/sbom-3.0.1.spdx3.json";
    }

    @Override
    protected void assertFixture(final Evidence evidence) {
        assertThat(evidence.tool()).isEqualTo("sbom-writer");
        assertThat(evidence.toolVersion()).isEqualTo("2.4.0");
        assertThat(evidence.kinds()).containsExactly(EvidenceKind.SBOM);
        // three packages; webshop is the document's root element (its subject), the file is no package
        assertThat(evidence.components()).isEqualTo(2);
        assertThat(evidence.packages()).containsExactly("express", "lodash");
        assertThat(evidence.facets()).contains("ecosystem:npm");
        assertThat(evidence.open().total()).isZero();
        assertThat(evidence.producedAt()).isEqualTo(Instant.parse("2025-02-10T09:15:00Z"));
    }

    @Test
    void shouldCountTheDescribedPackageWhenItIsTheOnlyOne() throws ParseException {
        String doc = "{\"@context\":\"https://spdx.org/rdf/3.0.1/spdx-context.jsonld\",\"@graph\":["
                + "{\"type\":\"SpdxDocument\",\"spdxId\":\"urn:d\",\"rootElement\":[\"urn:p\"]},"
                + "{\"type\":\"software_Package\",\"spdxId\":\"urn:p\",\"name\":\"lib\"}]}";
        Evidence e = parseBytes("one.json", doc.getBytes(StandardCharsets.UTF_8));
        assertThat(e.components()).isEqualTo(1);
        assertThat(e.tool()).isEqualTo("unknown SPDX producer");
    }

    @Test
    void shouldRefuseSecurityProfileElementsItDoesNotReadYet() {
        String doc = "{\"@context\":\"https://spdx.org/rdf/3.0.1/spdx-context.jsonld\",\"@graph\":["
                + "{\"type\":\"software_Package\",\"spdxId\":\"urn:p\",\"name\":\"lib\"},"
                + "{\"type\":\"security_Vulnerability\",\"spdxId\":\"urn:v\",\"name\":\"CVE-2024-0001\"},"
                + "{\"type\":\"security_VexAffectedVulnAssessmentRelationship\",\"from\":\"urn:v\",\"to\":[\"urn:p\"]}"
                + "]}";
        IngestedFile outcome = new Ingestor().readFile(ReportSource.of("vex.spdx3.json",
                doc.getBytes(StandardCharsets.UTF_8)), null);
        assertThat(outcome.status()).isEqualTo(IngestedFile.Status.ERROR);
        assertThat(outcome.format()).isEqualTo("spdx3-json");
        assertThat(outcome.error()).isEqualTo("vex.spdx3.json (spdx3-json): holds 2 security-profile element(s) "
                + "(vulnerabilities, vulnerability assessments), which DSOMM Gate does not read from SPDX 3 yet: "
                + "refused rather than read as a scan without findings");
    }

    @Test
    void shouldRejectJsonLdWithoutAGraph() {
        assertThatThrownBy(() -> parseBytes("x.json", "{\"@context\":\"https://spdx.org/rdf/3.0.1/spdx-context.jsonld\"}"
                .getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ParseException.class)
                .hasMessage("x.json (spdx3-json): not an SPDX 3 document: no \"@graph\" of elements");
    }
}
