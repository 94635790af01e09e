package io.jenkins.plugins.dsomm.ingest.parser;

import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
import io.jenkins.plugins.dsomm.evidence.Finding;
import io.jenkins.plugins.dsomm.evidence.SeverityCounts;
import io.jenkins.plugins.dsomm.ingest.AbstractParserTest;
import io.jenkins.plugins.dsomm.ingest.ParseException;
import io.jenkins.plugins.dsomm.ingest.ReportParser;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** The fixture follows anchorectl's {@code image vulnerabilities -o json} entries. */
class AnchorectlVulnerabilitiesParserTest extends AbstractParserTest {
    @Override
    protected ReportParser parser() {
        return new AnchorectlVulnerabilitiesParser();
    }

    @Override
    protected String fixture() {
        return "anchorectl-vulns-json/anchorectl-image-vulnerabilities.json";
    }

    @Override
    protected void assertFixture(final Evidence evidence) {
        assertThat(evidence.tool()).isEqualTo("anchorectl");
        assertThat(evidence.kinds()).containsExactlyInAnyOrder(EvidenceKind.CONTAINER, EvidenceKind.SCA);
        assertThat(evidence.facets()).contains("target:image", "ecosystem:deb", "ecosystem:maven");
        assertThat(evidence.open()).isEqualTo(SeverityCounts.of(1, 1, 0, 0, 1, 0)); // Negligible is INFO
        assertThat(evidence.findings()).extracting(Finding::rule, Finding::location).containsExactly(
                tuple("CVE-2023-5678", "libssl3"), tuple("CVE-2010-4756", "libc6"),
                tuple("GHSA-jfh8-c2jp-5v3q", "log4j-core"));
    }

    @Test
    void shouldReadTheEntriesOfAnEnvelope() throws ParseException {
        String doc = "{\"imageDigest\":\"sha256:1\",\"vulnerabilities\":[{\"vuln\":\"CVE-1\",\"severity\":\"Low\","
                + "\"package\":\"zlib-1.2\",\"packageType\":\"APKG\"}]}";
        Evidence e = parseBytes("env.json", doc.getBytes(StandardCharsets.UTF_8));
        assertThat(e.findings()).extracting(Finding::rule, Finding::location).containsExactly(tuple("CVE-1", "zlib-1.2"));
    }
}
