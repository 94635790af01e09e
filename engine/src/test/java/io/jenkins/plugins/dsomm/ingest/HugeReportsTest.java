package io.jenkins.plugins.dsomm.ingest;

import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.evidence.Severity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reports of 1 GiB, generated on the fly, read through the {@link Ingestor} in a separate JVM with a 128 MB heap:
 * many ordinary records stream within the heap (SARIF, CycloneDX JSON, Checkstyle XML, exact counts); one value
 * of the whole size is refused by a documented limit, or streamed where the XML parser hands it over in pieces
 * (CDATA). The figures go to {@code target/huge-reports.txt}.
 */
@Tag("slow") // left out of the quick profile (-Pquick), see CONTRIBUTING.md
class HugeReportsTest {
    private static final long GIB = 1L << 30;
    private static final long HEAP = 128L << 20;
    private static final List<String> FIGURES = new ArrayList<>();

    /** Runs the probe in a JVM with {@code -Xmx128m}; returns its RESULT and HEAP lines. */
    private static String[] probe(final String shape, final long size) throws IOException, InterruptedException {
        Path out = Files.createTempFile("dsomm-huge", ".txt");
        try {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx128m", "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
                    HugeReportProbe.class.getName(), shape, Long.toString(size))
                    .redirectErrorStream(true).redirectOutput(out.toFile()).start();
            assertThat(p.waitFor(10, TimeUnit.MINUTES)).as("probe of %s finished", shape).isTrue();
            String output = Files.readString(out, StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as("exit code of the probe of %s (3: out of memory):%n%s", shape, output).isZero();
            String result = output.lines().filter(l -> l.startsWith("RESULT ")).findFirst().orElseThrow();
            String heap = output.lines().filter(l -> l.startsWith("HEAP ")).findFirst().orElseThrow();
            assertThat(heap).as(shape).startsWith("HEAP max=" + HEAP + " ");
            long peak = Long.parseLong(heap.replaceAll(".* peak=(\\d+) .*", "$1"));
            assertThat(peak).as(shape).isPositive().isLessThanOrEqualTo(HEAP);
            FIGURES.add(shape + " " + result + "\n    " + heap);
            return new String[] {result, heap};
        }
        finally {
            Files.deleteIfExists(out);
        }
    }

    private static String counts(final long critical, final long high, final long medium, final long low,
            final long info) {
        return "{critical=" + critical + ", high=" + high + ", medium=" + medium + ", low=" + low + ", info=" + info
                + ", unknown=0}";
    }

    /** How many of {@code n} records have {@code i % 3 == k}. */
    private static long third(final long n, final int k) {
        return n / 3 + (n % 3 > k ? 1 : 0);
    }

    @Test
    void aSarifLogOf1GibStreamsIn128Mb() throws Exception {
        long n = HugeReportProbe.generate("sarif", GIB).count(0);
        String[] r = probe("sarif", GIB);
        assertThat(r[0]).isEqualTo("RESULT bytes=" + HugeReportProbe.generate("sarif", GIB).size()
                + " status=READ format=sarif tool=HugeScan open=" + counts(0, third(n, 0), third(n, 1), third(n, 2), 0)
                + " kept=100000 truncated=true components=0 packages=0");
    }

    @Test
    void aCycloneDxBomOf1GibStreamsIn128Mb() throws Exception {
        GeneratedReport bom = HugeReportProbe.generate("cyclonedx-json", GIB);
        long components = bom.count(0);
        long vulnerabilities = bom.count(1);
        String[] r = probe("cyclonedx-json", GIB);
        assertThat(r[0]).isEqualTo("RESULT bytes=" + bom.size() + " status=READ format=cyclonedx-json tool=HugeBom open="
                + counts(0, (vulnerabilities + 1) / 2, 0, vulnerabilities / 2, 0) + " kept=100000 truncated=true"
                + " components=" + components + " packages=100000");
    }

    @Test
    void aCheckstyleReportOf1GibStreamsIn128Mb() throws Exception {
        GeneratedReport xml = HugeReportProbe.generate("checkstyle-xml", GIB);
        long n = xml.count(0);
        String[] r = probe("checkstyle-xml", GIB);
        assertThat(r[0]).isEqualTo("RESULT bytes=" + xml.size() + " status=READ format=checkstyle-xml tool=Checkstyle open="
                + counts(0, third(n, 0), third(n, 1), 0, third(n, 2)) + " kept=100000 truncated=true components=0 packages=0");
    }

    @Test
    void oneValueOf1GibIsRefusedByALimitWithinTheHeapOrStreamed() throws Exception {
        assertThat(probe("sarif-one-string", GIB)[0]).endsWith("status=ERROR format=sarif error=one-string.sarif (sarif): "
                + "exceeds a safety limit: String value length (16839848) exceeds the maximum allowed ("
                + JsonReports.MAX_STRING + ", from `StreamReadConstraints.getMaxStringLength()`)");
        assertThat(probe("checkstyle-xml-one-attribute", GIB)[0]).endsWith("status=ERROR format=checkstyle-xml "
                + "error=one-attribute.xml (checkstyle-xml): markup longer than 8 MB (a tag with its attributes, a "
                + "comment or a processing instruction): refused, the XML parser would hold it whole in memory at line 2,"
                + " column 8388570");
        assertThat(probe("junit-xml-one-comment", GIB)[0]).contains("status=ERROR format=junit-xml error=TEST-huge.xml "
                + "(junit-xml): markup longer than 8 MB");
        assertThat(probe("junit-xml-one-cdata", GIB)[0]).endsWith("status=READ format=junit-xml tool=JUnit open="
                + counts(0, 0, 0, 0, 0) + " kept=0 truncated=false components=0 packages=0");
    }

    @Test
    void vulnerabilitiesPastTheKeptFindingsAreCountedWhateverTheyReferTo() throws Exception {
        // 150 000 vulnerabilities naming components by bom-ref (resolved by a second pass): the first 100 000
        // wait for it, the others are only counted, so memory stays bounded (found by the 1 GiB BOM above)
        GeneratedReport bom = new GeneratedReport.Builder()
                .text("{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"components\":[")
                .records(10, 80, ",", i -> "{\"type\":\"library\",\"bom-ref\":\"c" + i + "\",\"purl\":\"pkg:npm/lib" + i
                        + "@1.0.0\"}")
                .text("],\"vulnerabilities\":[")
                .records(150_000, 100, ",", i -> "{\"id\":\"CVE-2026-" + i + "\",\"ratings\":[{\"severity\":\""
                        + (i % 2 == 0 ? "high" : "low") + "\"}],\"affects\":[{\"ref\":\"c" + (i % 10) + "\"}]}")
                .text("]}").build("many.cdx.json");
        Evidence e = ParserRegistry.defaults().find("cyclonedx-json").orElseThrow().parse(bom);
        assertThat(e.open().get(Severity.HIGH)).isEqualTo(75_000);
        assertThat(e.open().get(Severity.LOW)).isEqualTo(75_000);
        assertThat(e.findings()).hasSize(100_000);
        assertThat(e.findingsTruncated()).isTrue();
        assertThat(e.findings().get(0).location()).isEqualTo("pkg:npm/lib0@1.0.0");
        assertThat(e.findings().get(99_999).location()).isEqualTo("pkg:npm/lib9@1.0.0");
        assertThat(e.facets()).contains("ecosystem:npm");
    }

    @AfterAll
    static void writeFigures() throws IOException {
        if (!FIGURES.isEmpty()) {
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", "huge-reports.txt"), String.join("\n", FIGURES) + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }
}
