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
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

/** The fixture follows Dependency-Track's Finding Packaging Format 1.2 (as 4.11 exports it). */
class DependencyTrackFpfParserTest extends AbstractParserTest {
    @Override
    protected ReportParser parser() {
        return new DependencyTrackFpfParser();
    }

    @Override
    protected String fixture() {
        return "dependency-track-fpf/fpf-1.2-dt-4.11.json";
    }

    @Override
    protected void assertFixture(final Evidence evidence) {
        assertThat(evidence.tool()).isEqualTo("Dependency-Track");
        assertThat(evidence.toolVersion()).isEqualTo("4.11.4");
        assertThat(evidence.kinds()).containsExactly(EvidenceKind.SCA);
        assertThat(evidence.producedAt()).isEqualTo(Instant.parse("2024-06-03T07:45:12Z"));
        // UNASSIGNED is no word: lodash's CVSS v3 7.2 makes it HIGH; jackson-databind is suppressed (NOT_AFFECTED)
        assertThat(evidence.open()).isEqualTo(SeverityCounts.of(1, 1, 0, 1, 0, 0));
        assertThat(evidence.suppressed()).isEqualTo(1);
        assertThat(evidence.facets()).contains("ecosystem:maven", "ecosystem:npm");
        assertThat(evidence.findings()).extracting(Finding::rule, Finding::location).containsExactly(
                tuple("CVE-2021-44228", "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1"),
                tuple("GHSA-35jh-r3h4-6jhm", "pkg:npm/lodash@4.17.20"),
                tuple("GHSA-xvch-5gv4-984h", "pkg:npm/minimist@1.2.5"));
    }

    @Test
    void shouldReadNullOrMissingFindingsAsNone() throws ParseException {
        String doc = "{\"version\":\"1.0\",\"meta\":{\"application\":\"Dependency-Track\",\"version\":\"3.4.0\"},"
                + "\"project\":{\"name\":\"x\"},\"findings\":null}";
        assertThat(parseBytes("none.json", doc.getBytes(StandardCharsets.UTF_8)).open().total()).isZero();
        assertThatThrownBy(() -> parseBytes("x.json", "{\"project\":{}}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ParseException.class)
                .hasMessage("x.json (dependency-track-fpf): not a Dependency-Track FPF document: no \"meta\"");
    }
}
