package io.jenkins.plugins.dsomm.ingest.parser;

import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
import io.jenkins.plugins.dsomm.evidence.SeverityCounts;
import io.jenkins.plugins.dsomm.ingest.AbstractParserTest;
import io.jenkins.plugins.dsomm.ingest.ParseException;
import io.jenkins.plugins.dsomm.ingest.ReportParser;
import io.jenkins.plugins.dsomm.ingest.ReportSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** The fixture follows Horusec 2.8's {@code -o json} report. */
class HorusecJsonParserTest extends AbstractParserTest {
    @Override
    protected ReportParser parser() {
        return new HorusecJsonParser();
    }

    @Override
    protected String fixture() {
        return "horusec-json/horusec-2.8.json";
    }

    @Override
    protected void assertFixture(final Evidence evidence) {
        assertThat(evidence.kinds()).containsExactlyInAnyOrder(EvidenceKind.SAST, EvidenceKind.SECRETS,
                EvidenceKind.SCA);
        assertThat(evidence.open()).isEqualTo(SeverityCounts.of(1, 1, 1, 0, 0, 0));
        assertThat(evidence.suppressed()).isEqualTo(1); // the Risk Accepted one
        assertThat(evidence.producedAt()).isEqualTo(Instant.parse("2024-06-06T08:04:30.987654321Z"));
    }

    @Test
    void shouldGiveOneEvidencePerToolHorusecRan() throws ParseException {
        List<Evidence> all = parser().parseAll(ReportSource.of("horusec.json", resource(fixture())));
        assertThat(all).extracting(Evidence::tool, Evidence::toolVersion, Evidence::kinds, e -> e.open().total(),
                Evidence::suppressed).containsExactly(
                tuple("Bandit", "", Set.of(EvidenceKind.SAST), 1, 0),
                tuple("Horusec", "v2.8.0", Set.of(EvidenceKind.SECRETS, EvidenceKind.SAST), 2, 0),
                tuple("Trivy", "", Set.of(EvidenceKind.SCA), 0, 1));
    }
}
