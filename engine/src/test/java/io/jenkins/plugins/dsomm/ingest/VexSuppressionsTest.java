package io.jenkins.plugins.dsomm.ingest;

import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.evidence.Finding;
import io.jenkins.plugins.dsomm.evidence.SeverityCounts;
import io.jenkins.plugins.dsomm.json.IngestJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A VEX document of the build suppresses the findings of the other reports its not_affected and fixed statements
 * name, and says so; affected statements change nothing.
 */
class VexSuppressionsTest {
    @TempDir
    private Path dir;

    private static final String GRYPE = """
            {"matches": [
              {"vulnerability": {"id": "CVE-2023-45853", "severity": "Critical"},
               "artifact": {"name": "zlib", "version": "1.2.13-r0", "type": "apk"}},
              {"vulnerability": {"id": "CVE-2024-2511", "severity": "Low"},
               "artifact": {"name": "openssl", "version": "3.1.4-r0", "type": "apk"}},
              {"vulnerability": {"id": "CVE-2024-0727", "severity": "Medium"},
               "artifact": {"name": "openssl", "version": "3.1.4-r0", "type": "apk"}},
              {"vulnerability": {"id": "CVE-2023-45853", "severity": "Critical"},
               "artifact": {"name": "minizip", "version": "1.2.13-r0", "type": "apk"}}
            ],
             "source": {"type": "image", "target": {"userInput": "shop-api:1.4.0"}},
             "descriptor": {"name": "grype", "version": "0.79.0"}}
            """;

    private Path copy(final String resource, final String name) throws IOException {
        try (InputStream in = VexSuppressionsTest.class.getResourceAsStream("/reports/" + resource)) {
            Path target = dir.resolve(name);
            Files.copy(in, target);
            return target;
        }
    }

    @Test
    void notAffectedAndFixedStatementsSuppressTheMatchingFindingsOfTheOtherReports() throws IOException {
        Files.createDirectories(dir.resolve("reports"));
        Files.writeString(dir.resolve("reports/grype.json"), GRYPE);
        copy("openvex-json/openvex-0.2.0.json", "reports/shop.vex.json");
        IngestResult result = new Ingestor().read(List.of(dir.resolve("reports")), null, null);
        Evidence grype = result.evidence().stream().filter(e -> e.format().equals("grype-json")).findFirst()
                .orElseThrow();
        // zlib's CVE-2023-45853 is not_affected, openssl's CVE-2024-2511 fixed: suppressed; CVE-2024-0727 is stated
        // affected and minizip is not the product of the statement: both stay open
        assertThat(grype.open()).isEqualTo(SeverityCounts.of(1, 0, 1, 0, 0, 0));
        assertThat(grype.suppressed()).isEqualTo(2);
        assertThat(grype.findings()).extracting(Finding::rule, Finding::location).containsExactly(
                org.assertj.core.groups.Tuple.tuple("CVE-2024-0727", "openssl"),
                org.assertj.core.groups.Tuple.tuple("CVE-2023-45853", "minizip"));
        assertThat(result.vexSuppressions()).extracting(s -> s.statement().vulnerability(), s -> s.report(),
                VexSuppressions.Suppression::findings).containsExactly(
                org.assertj.core.groups.Tuple.tuple("CVE-2023-45853", "grype.json", 1),
                org.assertj.core.groups.Tuple.tuple("CVE-2024-2511", "grype.json", 1));
        assertThat(result.vexSuppressions().get(0).statement().reason())
                .isEqualTo("vulnerable_code_not_in_execute_path: MiniZip is not built into the image's zlib.");
        // the per-file view is what each file says
        assertThat(result.files()).filteredOn(f -> f.file().equals("grype.json")).singleElement()
                .satisfies(f -> assertThat(f.evidence().get(0).open().total()).isEqualTo(4));
    }

    @Test
    void theStatementsCrossFromTheAgentWithTheEvidence() throws IOException {
        Files.writeString(dir.resolve("grype.json"), GRYPE);
        Path vex = copy("csaf-vex-json/csaf-2.0-vex.json", "shop.csaf.json");
        IngestResult read = new Ingestor().read(List.of(dir.resolve("grype.json"), vex), null, null);
        IngestResult back = IngestJson.read(IngestJson.write(read), "agent");
        assertThat(back.files().get(1).statements()).hasSize(3).isEqualTo(read.files().get(1).statements());
        assertThat(back.files().get(0).statements()).isEmpty();
        assertThat(back.vexSuppressions()).extracting(s -> s.statement().vulnerability()).isEqualTo(
                read.vexSuppressions().stream().map(s -> s.statement().vulnerability()).toList());
    }

    @Test
    void aFindingMatchesByIdAndPackageNameWhateverTheNamespaceOrVersion() {
        VexStatement s = new VexStatement("v.json", "", "CVE-1", List.of("GHSA-x"),
                List.of("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1"), "not_affected", "", null);
        Finding byName = new Finding(1, io.jenkins.plugins.dsomm.evidence.Severity.HIGH, "cve-1", "", "log4j-core");
        Finding byPurl = new Finding(2, io.jenkins.plugins.dsomm.evidence.Severity.HIGH, "GHSA-x", "",
                "pkg:maven/org.apache.logging.log4j/log4j-core@2.17.0");
        Finding other = new Finding(3, io.jenkins.plugins.dsomm.evidence.Severity.HIGH, "CVE-1", "", "log4j-api");
        assertThat(VexSuppressions.matching(byName, List.of(s))).isSameAs(s);
        assertThat(VexSuppressions.matching(byPurl, List.of(s))).isSameAs(s);
        assertThat(VexSuppressions.matching(other, List.of(s))).isNull();
        VexStatement image = new VexStatement("v.json", "", "CVE-1", List.of(), List.of("pkg:oci/app@sha256%3Aabc"),
                "fixed", "", null);
        assertThat(VexSuppressions.matching(other, List.of(image))).isSameAs(image);
        assertThat(VexSuppressions.packageName("cpe:2.3:a:apache:log4j:2.14.1:*:*:*:*:*:*:*")).isEqualTo("log4j");
    }
}
