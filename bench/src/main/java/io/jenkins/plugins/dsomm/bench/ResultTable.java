package io.jenkins.plugins.dsomm.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Turns the JSON result of a {@link ParserBenchmark} and {@link KpiBenchmark} run ({@code -rf json -rff FILE}) into
 * the Markdown tables of {@code docs/performance.md}: per file its size, our MB/s, analysis-model's MB/s and the
 * ratio; the KPI times. The sizes come from the generated inputs, which this reads from (or writes again into)
 * the same cache folder as the run ({@code -Ddsomm.bench.dir=}).
 *
 * <pre>java -cp bench/target/benchmarks.jar io.jenkins.plugins.dsomm.bench.ResultTable results.json</pre>
 */
public final class ResultTable {
    private ResultTable() {
    }

    public static void main(final String[] args) throws IOException {
        JsonNode results = new ObjectMapper().readTree(Path.of(args.length > 0 ? args[0] : "results.json").toFile());
        Map<String, double[]> scores = new LinkedHashMap<>(); // method -> {ms/op, error}
        for (JsonNode r : results) {
            String name = r.path("benchmark").asText();
            String method = name.substring(name.lastIndexOf('.') + 1);
            if (r.path("params").has("sample")) {
                method += "[" + r.path("params").path("sample").asText() + "]";
            }
            JsonNode metric = r.path("primaryMetric");
            double ms = toMillis(metric.path("score").asDouble(), metric.path("scoreUnit").asText());
            double error = toMillis(metric.path("scoreError").asDouble(), metric.path("scoreUnit").asText());
            scores.put(method, new double[] {ms, error});
        }
        if (scores.keySet().stream().anyMatch(k -> k.startsWith("realOurs["))) {
            System.out.println("| real report, scaled | size | ours | ours MB/s | analysis-model | analysis-model MB/s "
                    + "| ratio |");
            System.out.println("|---|---:|---:|---:|---:|---:|---:|");
            for (RealReports.Sample sample : RealReports.Sample.values()) {
                String key = "[" + sample.key() + "]";
                if (scores.containsKey("realOurs" + key)) {
                    RealReports.Scaled scaled = RealReports.scaled(sample);
                    row(scores, sample.path() + " ×" + scaled.times(), "real", "realOurs", key,
                            scaled.megabytes());
                }
            }
            System.out.println();
            System.out.println("| real report, scaled | raw Jackson token scan | ours ÷ scan | analysis-model ÷ scan |");
            System.out.println("|---|---:|---:|---:|");
            for (RealReports.Sample sample : RealReports.Sample.values()) {
                String key = "[" + sample.key() + "]";
                double[] scan = scores.get("realJacksonScan" + key);
                double[] ours = scores.get("realOurs" + key);
                double[] theirs = scores.get("realAnalysisModel" + key);
                if (scan != null && ours != null) {
                    System.out.printf(Locale.ROOT, "| %s | %s | %.2f | %s |%n", sample.key(), time(scan),
                            ours[0] / scan[0], theirs == null ? "-" : String.format(Locale.ROOT, "%.1f",
                                    theirs[0] / scan[0]));
                }
            }
            System.out.println();
        }
        System.out.println("| generated file | size | ours | ours MB/s | analysis-model | analysis-model MB/s "
                + "| ratio |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        row(scores, "SARIF 2.1.0 (CodeQL-like)", "sarif", "sarifOurs", BenchInputs::sarif);
        row(scores, "SARIF, detect + parse (Ingestor)", "sarif", "sarifOursIngestor", BenchInputs::sarif);
        row(scores, "SARIF 2.1.0 (Semgrep-like)", "sarifSemgrep", "sarifSemgrepOurs", BenchInputs::sarifSemgrep);
        row(scores, "CycloneDX 1.5 JSON (*)", "cycloneDx", "cycloneDxOurs", BenchInputs::cycloneDx);
        row(scores, "Dependency-Check JSON", "dependencyCheck", "dependencyCheckOurs",
                BenchInputs::dependencyCheck);
        if (scores.containsKey("kpis")) {
            System.out.println();
            System.out.println("| KPIs over the generated history (KpiBenchmark) | time |");
            System.out.println("|---|---:|");
            kpiRow(scores, "KPIs from the decoded snapshots", "kpis");
            kpiRow(scores, "decoding the stored snapshots, then the KPIs", "decodeAndKpis");
            kpiRow(scores, "per build: snapshot of the current assessment, encoded", "storeSnapshot");
        }
    }

    private static void kpiRow(final Map<String, double[]> scores, final String label, final String method) {
        double[] score = scores.get(method);
        if (score != null) {
            System.out.printf(Locale.ROOT, "| %s | %s |%n", label, score[0] < 10 ? String.format(Locale.ROOT,
                    "%.2f ± %.2f ms", score[0], Double.isNaN(score[1]) ? 0 : score[1]) : time(score));
        }
    }

    private static void row(final Map<String, double[]> scores, final String label, final String prefix,
            final String oursMethod, final Supplier<Generated> inputs) {
        if (scores.containsKey(oursMethod)) {
            row(scores, label, prefix, oursMethod, "", inputs.get().megabytes());
        }
    }

    private static void row(final Map<String, double[]> scores, final String label, final String prefix,
            final String oursMethod, final String param, final double mb) {
        double[] ours = scores.get(oursMethod + param);
        double[] theirs = scores.get(prefix + "AnalysisModel" + param);
        if (ours == null) {
            return;
        }
        String theirsText = theirs == null ? "-" : time(theirs);
        String theirsRate = theirs == null ? "-" : String.format(Locale.ROOT, "%.1f", mb / (theirs[0] / 1000));
        String ratio = theirs == null ? "-" : String.format(Locale.ROOT, "%.1f×", theirs[0] / ours[0]);
        System.out.printf(Locale.ROOT, "| %s | %.1f MB | %s | %.1f | %s | %s | %s |%n", label, mb, time(ours),
                mb / (ours[0] / 1000), theirsText, theirsRate, ratio);
    }

    private static String time(final double[] score) {
        return String.format(Locale.ROOT, "%.0f ± %.0f ms", score[0], Double.isNaN(score[1]) ? 0 : score[1]);
    }

    private static double toMillis(final double value, final String unit) {
        return switch (unit) {
            case "s/op" -> value * 1000;
            case "us/op" -> value / 1000;
            case "ns/op" -> value / 1e6;
            default -> value;
        };
    }
}
