package io.jenkins.plugins.dsomm.bench;

import edu.hm.hafner.analysis.FileReaderFactory;
import edu.hm.hafner.analysis.IssueParser;
import edu.hm.hafner.analysis.Report;
import edu.hm.hafner.analysis.parser.OwaspDependencyCheckParser;
import edu.hm.hafner.analysis.parser.violations.SarifAdapter;
import io.jenkins.plugins.dsomm.assess.Assessment;
import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.ingest.IngestedFile;
import io.jenkins.plugins.dsomm.ingest.Ingestor;
import io.jenkins.plugins.dsomm.ingest.ParserRegistry;
import io.jenkins.plugins.dsomm.ingest.ReportSource;
import io.jenkins.plugins.dsomm.kpi.FindingSnapshot;
import io.jenkins.plugins.dsomm.kpi.KpiCalculator;
import io.jenkins.plugins.dsomm.kpi.Kpis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generators write valid reports of about the size asked for, the same bytes for the same seed, and both our
 * parsers (recognised by content) and analysis-model's read every finding of them; the generated build history
 * is deterministic and the KPIs count exactly the fixes and reopenings it made. Small inputs only: the
 * benchmarks themselves run on request (docs/performance.md).
 */
class GeneratorsTest {
    private static final long SIZE = 400_000;
    /** The SARIF header (300 rules with help, 4000 artifacts) alone is about 1 MB. */
    private static final long SARIF_SIZE = 1_500_000;

    @TempDir
    Path dir;

    @Test
    void sarif() throws Exception {
        Generated g = SarifGenerator.write(dir.resolve("a.sarif"), SARIF_SIZE, 7);
        assertThat(g.items()).isGreaterThan(500);
        assertThat(g.suppressed()).isPositive();
        check(g, SARIF_SIZE, "sarif", new SarifAdapter());
        assertSameBytesForSameSeed(g, SARIF_SIZE, SarifGenerator::write);
    }

    @Test
    void sarifSemgrep() throws Exception {
        Generated g = SarifGenerator.writeSemgrep(dir.resolve("semgrep.sarif"), SARIF_SIZE, 7);
        assertThat(g.items()).isGreaterThan(300);
        assertThat(g.suppressed()).isPositive();
        check(g, SARIF_SIZE, "sarif", new SarifAdapter());
        assertSameBytesForSameSeed(g, SARIF_SIZE, SarifGenerator::writeSemgrep);
    }

    @Test
    void cycloneDx() throws Exception {
        Generated g = CycloneDxGenerator.write(dir.resolve("bom.json"), SIZE, 7);
        assertThat(g.open()).isPositive();
        Evidence e = check(g, SIZE, "cyclonedx-json", new CycloneDxOnAnalysisModel());
        assertThat(e.components()).isEqualTo(g.items());
        assertSameBytesForSameSeed(g, SIZE, CycloneDxGenerator::write);
    }

    @Test
    void dependencyCheck() throws Exception {
        Generated g = DependencyCheckGenerator.write(dir.resolve("dependency-check-report.json"), SIZE, 7);
        assertThat(g.open()).isPositive();
        check(g, SIZE, "dependency-check-json", new OwaspDependencyCheckParser());
        assertSameBytesForSameSeed(g, SIZE, DependencyCheckGenerator::write);
    }

    @Test
    void history() {
        List<FindingSnapshot> snapshots = new ArrayList<>();
        HistoryGenerator.Summary g = HistoryGenerator.generate(300, 400, 7, snapshots::add);
        assertThat(snapshots).hasSize(300);
        assertThat(snapshots.stream().mapToLong(FindingSnapshot::size).sum()).isEqualTo(g.entries());
        assertThat(g.remediated()).isPositive();
        assertThat(g.reopened()).isPositive();
        assertThat(g.skipped()).isPositive();
        assertThat(g.incomplete()).isPositive();
        assertThat(snapshots).filteredOn(s -> !s.complete()).hasSize(g.incomplete());
        FindingSnapshot last = snapshots.get(299);
        assertThat(last.scanners()).containsExactly("codeql", "semgrep", "trivy", "dependency-check", "zap",
                "gitleaks", "cyclonedx-maven-plugin");
        assertThat(last.size()).isBetween(300, 500);
        assertThat(g.now()).isAfter(last.time());

        // the KPIs see exactly the generated fixes and reopenings, also from the stored (base64) snapshots
        Kpis k = new KpiCalculator().compute(snapshots, null, g.current(), g.now());
        KpiBenchmark.check(g, k, last);
        List<FindingSnapshot> decoded = snapshots.stream().map(s -> StoredSnapshot.of(s).decode()).toList();
        assertThat(new KpiCalculator().compute(decoded, null, g.current(), g.now())).isEqualTo(k);
        assertThat(StoredSnapshot.of(last).bytes()).isEqualTo((last.size() * 10 + 2) / 3 * 4);

        // the same again for the same seed, also when every build is made an assessment (history documents)
        List<FindingSnapshot> again = new ArrayList<>();
        List<Assessment> documents = new ArrayList<>();
        assertThat(HistoryGenerator.generate(300, 400, 7, again::add, documents::add)).usingRecursiveComparison()
                .ignoringFields("current").isEqualTo(g);
        assertThat(again).extracting(StoredSnapshot::of).isEqualTo(snapshots.stream().map(StoredSnapshot::of).toList());
        assertThat(documents).hasSize(300);
        assertThat(documents.get(12).label()).isEqualTo(snapshots.get(12).label()).startsWith("shop/main #");
        assertThat(documents.get(299).evidence().stream().mapToInt(e -> e.findings().size()).sum())
                .isEqualTo(last.size());
    }

    private Evidence check(final Generated g, final long size, final String format, final IssueParser analysisModel)
            throws Exception {
        assertThat(g.bytes()).isBetween(size, size + 20_000).isEqualTo(Files.size(g.file()));
        IngestedFile outcome = new Ingestor(ParserRegistry.defaults()).readFile(ReportSource.of(g.file()), null);
        assertThat(outcome.format()).isEqualTo(format);
        assertThat(outcome.evidence()).hasSize(1);
        Evidence e = outcome.evidence().get(0);
        assertThat(e.open().total()).isEqualTo(g.open());
        assertThat(e.suppressed()).isEqualTo(g.suppressed());
        Report report = analysisModel.parse(new FileReaderFactory(g.file()));
        assertThat(report.size()).isEqualTo(g.baseline());
        return e;
    }

    private void assertSameBytesForSameSeed(final Generated g, final long size, final BenchInputs.Writer writer)
            throws Exception {
        Generated again = writer.write(dir.resolve("again"), size, 7);
        assertThat(Files.mismatch(g.file(), again.file())).isEqualTo(-1L);
    }
}
