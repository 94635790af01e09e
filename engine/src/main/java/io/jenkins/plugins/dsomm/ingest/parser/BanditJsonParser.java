package io.jenkins.plugins.dsomm.ingest.parser;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
import io.jenkins.plugins.dsomm.evidence.Severity;
import io.jenkins.plugins.dsomm.ingest.EvidenceCollector;
import io.jenkins.plugins.dsomm.ingest.JsonReports;
import io.jenkins.plugins.dsomm.ingest.ParseException;
import io.jenkins.plugins.dsomm.ingest.ReportFormat;
import io.jenkins.plugins.dsomm.ingest.ReportParser;
import io.jenkins.plugins.dsomm.ingest.ReportSource;
import io.jenkins.plugins.dsomm.ingest.Sniff;

import java.io.IOException;
import java.util.Set;

/**
 * Bandit JSON ({@code bandit -f json}): {@code {"errors", "generated_at", "metrics": {"_totals": {..., "nosec",
 * "skipped_tests"}, "<file>": {...}}, "results": [{"test_id", "test_name", "issue_severity", "issue_confidence",
 * "issue_text", "filename", "line_number"}]}}. Evidence kind SAST. Every result is an open finding of rule
 * {@code test_id} at {@code filename}, severity the word in {@code issue_severity} (HIGH, MEDIUM, LOW; UNDEFINED
 * is UNKNOWN). Suppressed: what Bandit skipped for a {@code # nosec} comment, as its totals state it —
 * {@code metrics._totals.nosec} (blanket {@code # nosec}) plus {@code metrics._totals.skipped_tests}
 * ({@code # nosec B101}, Bandit 1.7.5+). Errors (files that could not be parsed) are not findings. Tool "Bandit";
 * the JSON states no version. Time from {@code generated_at}.
 */
public final class BanditJsonParser implements ReportParser {
    private static final String ID = "bandit-json";
    private static final ReportFormat FORMAT = ReportFormat.of(ID,
            "Bandit JSON", ReportFormat.Family.JSON, EvidenceKind.SAST);
    private static final Set<String> RESULT_KEYS = Set.of("test_id", "issue_severity", "issue_confidence");

    @Override
    public ReportFormat format() {
        return FORMAT;
    }

    @Override
    public int detect(final Sniff sniff) {
        Sniff.JsonShape json = sniff.jsonObject();
        if (json == null) {
            return NO;
        }
        if (json.has("results") && json.childKeys("results").containsAll(RESULT_KEYS)) {
            return CERTAIN;
        }
        if (json.has("generated_at", "metrics") && (json.has("results") || json.has("errors"))) {
            // Bandit sorts its keys: per-file metrics can fill the sniffed prefix before "results"
            return json.childKeys("metrics").contains("_totals") ? CERTAIN : LIKELY;
        }
        return NO;
    }

    @Override
    public Evidence parse(final ReportSource source) throws ParseException {
        String file = source.name();
        EvidenceCollector collector = new EvidenceCollector(ID, source).tool("Bandit");
        collector.kind(EvidenceKind.SAST);
        JsonWalk.read(source, ID, p -> {
            if (JsonWalk.emptyRoot(p, "a Bandit report object", file, ID)) {
                return;
            }
            boolean sawResults = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "results" -> {
                        JsonReports.expect(p, JsonToken.START_ARRAY, "a \"results\" array", file, ID);
                        sawResults = true;
                        JsonWalk.objectsToEnd(p, "a result object or the end of results", file, ID,
                                r -> readResult(r, collector));
                    }
                    case "metrics" -> readMetrics(p, collector);
                    case "generated_at" -> collector.producedAt(JsonReports.text(p));
                    default -> p.skipChildren();
                }
            }
            if (!sawResults) {
                throw new ParseException(file, ID, "not a Bandit report: no \"results\" array");
            }
        });
        return collector.build();
    }

    private static void readResult(final JsonParser p, final EvidenceCollector collector) throws IOException {
        String testId = null;
        String testName = null;
        String severity = null;
        String text = null;
        String filename = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "test_id" -> testId = JsonReports.text(p);
                case "test_name" -> testName = JsonReports.text(p);
                case "issue_severity" -> severity = JsonReports.text(p);
                case "issue_text" -> text = JsonReports.text(p);
                case "filename" -> filename = JsonReports.text(p);
                default -> p.skipChildren();
            }
        }
        String rule = testId != null && !testId.isBlank() ? testId : testName;
        collector.openFinding(Severity.fromWord(severity), rule, text != null ? text : testName, filename);
    }

    /** {@code metrics._totals}: the nosec and skipped_tests counters; per-file metrics are skipped. */
    private static void readMetrics(final JsonParser p, final EvidenceCollector collector) throws IOException {
        if (!JsonWalk.enterObject(p)) {
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if (!"_totals".equals(field) || value != JsonToken.START_OBJECT) {
                p.skipChildren();
                continue;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String counter = p.currentName();
                p.nextToken();
                if ("nosec".equals(counter) || "skipped_tests".equals(counter)) {
                    double n = JsonReports.number(p);
                    for (int i = 0; !Double.isNaN(n) && i < Math.min(n, 10_000_000); i++) {
                        collector.suppressedFinding();
                    }
                }
                else {
                    p.skipChildren();
                }
            }
        }
    }
}
