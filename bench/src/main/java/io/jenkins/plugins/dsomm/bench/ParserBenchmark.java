package io.jenkins.plugins.dsomm.bench;

import edu.hm.hafner.analysis.FileReaderFactory;
import edu.hm.hafner.analysis.IssueParser;
import edu.hm.hafner.analysis.Report;
import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.ingest.IngestedFile;
import io.jenkins.plugins.dsomm.ingest.Ingestor;
import io.jenkins.plugins.dsomm.ingest.ParseException;
import io.jenkins.plugins.dsomm.ingest.ParserRegistry;
import io.jenkins.plugins.dsomm.ingest.ReportParser;
import io.jenkins.plugins.dsomm.ingest.ReportSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Our parsers against analysis-model's on the same files, in one run: time per parse of a whole file (MB/s = file
 * size / time; {@link ResultTable} makes the table). Two kinds of input: real reports scaled up by repetition
 * ({@link RealReports}, the {@code real*} benchmarks, when the samples folder is there) and generated ones. Every
 * fork first parses its file once and checks the counts (against what the generator wrote, or against the
 * original real report times the repetitions), so that a parser that gives up early cannot look fast.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
public class ParserBenchmark {
    private static final ParserRegistry OURS = ParserRegistry.defaults();

    /** The file of one format and the parsers that read it. */
    public abstract static class Input {
        Generated input;
        ReportParser ours;
        IssueParser theirs;

        abstract Generated generate();

        abstract String ourId();

        abstract IssueParser analysisModel();

        @Setup
        public void setUp(final BenchmarkParams params) throws ParseException {
            input = generate();
            ours = OURS.find(ourId()).orElseThrow();
            theirs = analysisModel();
            String benchmark = params.getBenchmark();
            if (benchmark.endsWith("AnalysisModel")) {
                Report report = theirs.parse(new FileReaderFactory(input.file()));
                check(benchmark, "analysis-model issues", report.size(), input.baseline());
            }
            else {
                Evidence e = ours.parse(ReportSource.of(input.file()));
                check(benchmark, "open findings", e.open().total(), input.open());
                check(benchmark, "suppressed findings", e.suppressed(), input.suppressed());
            }
        }

        static void check(final String benchmark, final String what, final int actual, final int expected) {
            if (actual != expected) {
                throw new IllegalStateException(benchmark + ": " + what + " " + actual + ", generated " + expected);
            }
        }
    }

    @State(Scope.Benchmark)
    public static class Sarif extends Input {
        @Override
        Generated generate() {
            return BenchInputs.sarif();
        }

        @Override
        String ourId() {
            return "sarif";
        }

        @Override
        IssueParser analysisModel() {
            return AnalysisModelRead.parser("sarif");
        }
    }

    @State(Scope.Benchmark)
    public static class SarifSemgrep extends Sarif {
        @Override
        Generated generate() {
            return BenchInputs.sarifSemgrep();
        }
    }

    @State(Scope.Benchmark)
    public static class CycloneDx extends Input {
        @Override
        Generated generate() {
            return BenchInputs.cycloneDx();
        }

        @Override
        String ourId() {
            return "cyclonedx-json";
        }

        @Override
        IssueParser analysisModel() {
            return new CycloneDxOnAnalysisModel();
        }
    }

    @State(Scope.Benchmark)
    public static class DependencyCheck extends Input {
        @Override
        Generated generate() {
            return BenchInputs.dependencyCheck();
        }

        @Override
        String ourId() {
            return "dependency-check-json";
        }

        @Override
        IssueParser analysisModel() {
            return AnalysisModelRead.parser("dependency-check-json");
        }
    }

    /** A real report scaled up ({@link RealReports}); analysis-model's parser for its format. */
    @State(Scope.Benchmark)
    public static class Real {
        @Param({"codeql", "semgrep", "trivy", "cyclonedx", "dependency-check"})
        public String sample;
        RealReports.Scaled input;
        ReportParser ours;
        IssueParser theirs;

        @Setup
        public void setUp(final BenchmarkParams params) throws ParseException {
            RealReports.Sample s = RealReports.Sample.of(sample);
            input = RealReports.scaled(s);
            ours = OURS.find(s.parserId()).orElseThrow();
            theirs = AnalysisModelRead.parser(s.parserId());
            String benchmark = params.getBenchmark() + " " + sample;
            if (benchmark.contains("JacksonScan")) {
                return;
            }
            if (benchmark.contains("AnalysisModel")) {
                // analysis-model drops issues equal to one it has (the repeated ones): it reports as many as for
                // the original, after reading the whole file
                int once = theirs.parse(new FileReaderFactory(input.original())).size();
                Input.check(benchmark, "analysis-model issues", theirs.parse(new FileReaderFactory(input.file()))
                        .size(), once);
            }
            else {
                Evidence once = ours.parse(ReportSource.of(input.original()));
                Evidence e = ours.parse(ReportSource.of(input.file()));
                Input.check(benchmark, "open findings", e.open().total(), once.open().total() * input.times());
                Input.check(benchmark, "suppressed findings", e.suppressed(), once.suppressed() * input.times());
                Input.check(benchmark, "components", e.components(), once.components() * input.times());
            }
        }
    }

    @Benchmark
    public Evidence realOurs(final Real s) throws ParseException {
        return s.ours.parse(ReportSource.of(s.input.file()));
    }

    @Benchmark
    public Report realAnalysisModel(final Real s) {
        return s.theirs.parse(new FileReaderFactory(s.input.file()));
    }

    /** The bound of any parser on Jackson: its streaming parser moving over every token, nothing else. */
    @Benchmark
    public long realJacksonScan(final Real s) throws IOException {
        return TokenScan.scan(s.input.file().toFile());
    }

    @Benchmark
    public Evidence sarifOurs(final Sarif s) throws ParseException {
        return s.ours.parse(ReportSource.of(s.input.file()));
    }

    /** Detection by content (sniffing the first 64 KiB) and parsing, as the CLI and the plugin read files. */
    @Benchmark
    public IngestedFile sarifOursIngestor(final Sarif s) {
        return new Ingestor(OURS).readFile(ReportSource.of(s.input.file()), null);
    }

    @Benchmark
    public Report sarifAnalysisModel(final Sarif s) {
        return s.theirs.parse(new FileReaderFactory(s.input.file()));
    }

    @Benchmark
    public Evidence sarifSemgrepOurs(final SarifSemgrep s) throws ParseException {
        return s.ours.parse(ReportSource.of(s.input.file()));
    }

    @Benchmark
    public Report sarifSemgrepAnalysisModel(final SarifSemgrep s) {
        return s.theirs.parse(new FileReaderFactory(s.input.file()));
    }

    @Benchmark
    public Evidence cycloneDxOurs(final CycloneDx s) throws ParseException {
        return s.ours.parse(ReportSource.of(s.input.file()));
    }

    @Benchmark
    public Report cycloneDxAnalysisModel(final CycloneDx s) {
        return s.theirs.parse(new FileReaderFactory(s.input.file()));
    }

    @Benchmark
    public Evidence dependencyCheckOurs(final DependencyCheck s) throws ParseException {
        return s.ours.parse(ReportSource.of(s.input.file()));
    }

    @Benchmark
    public Report dependencyCheckAnalysisModel(final DependencyCheck s) {
        return s.theirs.parse(new FileReaderFactory(s.input.file()));
    }
}
