package io.jenkins.plugins.dsomm.ingest.parser;

import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
import io.jenkins.plugins.dsomm.evidence.Finding;
import io.jenkins.plugins.dsomm.evidence.FindingIdentity;
import io.jenkins.plugins.dsomm.evidence.SeverityCounts;
import io.jenkins.plugins.dsomm.ingest.AbstractParserTest;
import io.jenkins.plugins.dsomm.ingest.ReportParser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** The fixture follows the security report Bearer CLI 1.43 writes with {@code --format json}. */
class BearerJsonParserTest extends AbstractParserTest {
    @Override
    protected ReportParser parser() {
        return new BearerJsonParser();
    }

    @Override
    protected String fixture() {
        return "bearer-json/bearer-1.43-security.json";
    }

    @Override
    protected void assertFixture(final Evidence evidence) {
        assertThat(evidence.tool()).isEqualTo("Bearer");
        assertThat(evidence.kinds()).containsExactly(EvidenceKind.SAST);
        assertThat(evidence.open()).isEqualTo(SeverityCounts.of(1, 0, 3, 0, 0, 0)); // warning → MEDIUM
        assertThat(evidence.findings()).extracting(Finding::rule, Finding::location).containsExactly(
                tuple("javascript_lang_sql_injection", "src/routes/orders.js"),
                tuple("javascript_lang_logger_leak", "src/services/users.js"),
                tuple("javascript_lang_logger_leak", "src/services/users.js"),
                tuple("javascript_lang_weak_hash_md5", "src/util/checksum.js"));
        assertThat(evidence.findings().get(2).id())
                .isEqualTo(FindingIdentity.ofFingerprint("Bearer", "7b2e8f3d0a9c5f7a1e2d3c4b5a697887_1"));
    }
}
