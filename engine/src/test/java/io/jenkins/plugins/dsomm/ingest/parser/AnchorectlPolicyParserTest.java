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
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** The fixture follows anchorectl's {@code image check --detail -o json} evaluation. */
class AnchorectlPolicyParserTest extends AbstractParserTest {
    @Override
    protected ReportParser parser() {
        return new AnchorectlPolicyParser();
    }

    @Override
    protected String fixture() {
        return "anchorectl-policy-json/anchorectl-image-check-detail.json";
    }

    @Override
    protected void assertFixture(final Evidence evidence) {
        assertThat(evidence.tool()).isEqualTo("anchorectl");
        assertThat(evidence.kinds()).containsExactlyInAnyOrder(EvidenceKind.CONTAINER, EvidenceKind.SCA);
        assertThat(evidence.producedAt()).isEqualTo(Instant.parse("2024-06-04T12:30:00Z"));
        // stop and warn triggers are findings, the go trigger passed; the severity word opens the description
        assertThat(evidence.open()).isEqualTo(SeverityCounts.of(1, 0, 0, 0, 0, 1));
        assertThat(evidence.findings()).extracting(Finding::rule, Finding::location).containsExactly(
                tuple("vulnerabilities:package", "registry.example.test/shop/api:1.4.0"),
                tuple("dockerfile:effective_user", "registry.example.test/shop/api:1.4.0"));
        assertThat(evidence.findings().get(0).id())
                .isEqualTo(FindingIdentity.ofFingerprint("anchorectl", "GHSA-jfh8-c2jp-5v3q+log4j-core"));
    }

    @Test
    void shouldReadTheArrayOfOlderVersions() throws ParseException {
        String doc = "[{\"detail\":[{\"description\":\"MEDIUM Vulnerability found in os package type (dpkg) - zlib\","
                + "\"gate\":\"vulnerabilities\",\"status\":\"warn\",\"tag\":\"app:1\",\"triggerId\":\"CVE-1+zlib\","
                + "\"triggerName\":\"package\"}],\"digest\":\"sha256:1\",\"finalAction\":\"warn\",\"finalActionReason\":"
                + "\"policy_evaluation\",\"lastEvaluation\":\"2022-09-20T08:25:52Z\",\"status\":\"fail\",\"tag\":\"app:1\"}]";
        Evidence e = parseBytes("old.json", doc.getBytes(StandardCharsets.UTF_8));
        assertThat(e.open()).isEqualTo(SeverityCounts.of(0, 0, 1, 0, 0, 0));
        assertThat(e.producedAt()).isEqualTo(Instant.parse("2022-09-20T08:25:52Z"));
    }
}
