package io.jenkins.plugins.dsomm.bench;

import edu.hm.hafner.analysis.FileReaderFactory;
import edu.hm.hafner.analysis.IssueParser;
import edu.hm.hafner.analysis.Report;
import edu.hm.hafner.analysis.parser.OwaspDependencyCheckParser;
import edu.hm.hafner.analysis.parser.TrivyParser;
import edu.hm.hafner.analysis.parser.violations.SarifAdapter;

import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * analysis-model (the parser library of the Jenkins warnings-ng plugin) reading one report in a process of its
 * own, as {@link ProcessBench} runs it next to {@code dsomm-gate inspect}: its SARIF, Trivy or OWASP
 * Dependency-Check parser (for CycloneDX, which it does not read, {@link CycloneDxOnAnalysisModel}); prints the
 * number of issues.
 *
 * <pre>java -cp bench/target/classes:$(cat bench/target/classpath.txt) io.jenkins.plugins.dsomm.bench.AnalysisModelRead sarif FILE</pre>
 */
public final class AnalysisModelRead {
    /**
     * violations-lib (analysis-model's SARIF reader) logs a warning (logger {@code SarifParser}) for every result
     * whose location's {@code uriBaseId} is not among the run's {@code originalUriBaseIds}: every result of the
     * CodeQL report. Warnings are turned off, in analysis-model's favour, so that parsing is measured and not the
     * console (the root logger: violations-lib names its loggers by simple class name).
     */
    private static final Logger ROOT = Logger.getLogger("");

    private AnalysisModelRead() {
    }

    public static void main(final String[] args) {
        Report report = parser(args[0]).parse(new FileReaderFactory(Path.of(args[1])));
        System.out.println(report.size() + " issues");
    }

    /** analysis-model's parser for our format id. */
    static IssueParser parser(final String format) {
        ROOT.setLevel(Level.SEVERE);
        return switch (format) {
            case "sarif" -> new SarifAdapter();
            case "trivy-json" -> new TrivyParser();
            case "dependency-check-json" -> new OwaspDependencyCheckParser();
            case "cyclonedx-json" -> new CycloneDxOnAnalysisModel();
            default -> throw new IllegalArgumentException("no analysis-model parser for " + format);
        };
    }
}
