package io.jenkins.plugins.dsomm.ingest.parser;

import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
import io.jenkins.plugins.dsomm.evidence.Finding;
import io.jenkins.plugins.dsomm.evidence.FindingIdentity;
import io.jenkins.plugins.dsomm.evidence.SeverityCounts;
import io.jenkins.plugins.dsomm.ingest.AbstractParserTest;
import io.jenkins.plugins.dsomm.ingest.ReportParser;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** The fixture follows a detect-secrets 1.5 baseline, audited ({@code is_secret}). */
class DetectSecretsJsonParserTest extends AbstractParserTest {
    @Override
    protected ReportParser parser() {
        return new DetectSecretsJsonParser();
    }

    @Override
    protected String fixture() {
        return "detect-secrets-json/secrets-baseline-1.5.json";
    }

    @Override
    protected void assertFixture(final Evidence evidence) {
        assertThat(evidence.tool()).isEqualTo("detect-secrets");
        assertThat(evidence.toolVersion()).isEqualTo("1.5.0");
        assertThat(evidence.kinds()).containsExactly(EvidenceKind.SECRETS);
        assertThat(evidence.producedAt()).isEqualTo(Instant.parse("2024-06-07T10:11:12Z"));
        assertThat(evidence.open()).isEqualTo(SeverityCounts.of(0, 0, 0, 0, 0, 2));
        assertThat(evidence.suppressed()).isEqualTo(1); // audited as no secret
        assertThat(evidence.findings()).extracting(Finding::rule, Finding::location).containsExactly(
                tuple("AWS Access Key", "config/settings.py"), tuple("Private Key", "deploy/id_rsa"));
        assertThat(evidence.findings().get(1).id()).isEqualTo(FindingIdentity.ofFingerprint("detect-secrets",
                "deploy/id_rsa:1348b145fa1a555461c1b790a2f66614781091e9"));
    }
}
