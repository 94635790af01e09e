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
import java.util.ArrayList;
import java.util.List;

/**
 * ESLint JSON ({@code eslint --format json}: an array of {@code {filePath, messages: [{ruleId, severity, message,
 * line, fatal}], suppressedMessages, errorCount, warningCount...}}; {@code --format json-with-metadata}: the same
 * array as {@code results}, beside {@code metadata}). Each message with a rule is an open finding of that rule at
 * {@code filePath}, severity 2 (error) → HIGH, 1 (warning) → MEDIUM; a message without a rule (a file ESLint could
 * not parse, {@code fatal}) is no finding. Suppressed: each entry of {@code suppressedMessages} (ESLint 8.8+,
 * {@code eslint-disable} comments). LINT evidence, SAST as well when a security plugin's rule reports
 * ({@link EslintRules}). Tool "ESLint"; the JSON states no version and no time.
 */
public final class EslintJsonParser implements ReportParser {
    private static final String ID = "eslint-json";
    private static final ReportFormat FORMAT = ReportFormat.of(ID,
            "ESLint JSON (json and json-with-metadata formatters)", ReportFormat.Family.JSON,
            EvidenceKind.SAST, EvidenceKind.LINT);

    @Override
    public ReportFormat format() {
        return FORMAT;
    }

    @Override
    public int detect(final Sniff sniff) {
        Sniff.JsonShape json = sniff.json();
        if (json == null) {
            return NO;
        }
        if (json.type() == Sniff.JsonShape.Type.ARRAY && json.has("filePath", "messages")) {
            return json.has("errorCount") || json.has("warningCount") ? CERTAIN : LIKELY;
        }
        if (json.type() == Sniff.JsonShape.Type.OBJECT && json.childKeys("results").contains("filePath")
                && json.childKeys("results").contains("messages")) {
            return CERTAIN;
        }
        return NO;
    }

    @Override
    public Evidence parse(final ReportSource source) throws ParseException {
        String file = source.name();
        EvidenceCollector collector = new EvidenceCollector(ID, source).tool("ESLint");
        boolean[] security = new boolean[1];
        JsonWalk.read(source, ID, p -> {
            JsonToken root = p.nextToken();
            if (root == JsonToken.START_OBJECT) {
                boolean[] sawResults = new boolean[1];
                JsonWalk.fields(p, (name, value) -> {
                    if ("results".equals(name)) {
                        sawResults[0] = true;
                        JsonReports.expect(value, JsonToken.START_ARRAY, "an array of ESLint results", file, ID);
                        JsonWalk.objectsToEnd(value, "an ESLint file result object", file, ID,
                                r -> readFile(r, collector, security));
                    }
                });
                if (!sawResults[0]) {
                    throw new ParseException(file, ID, "not an ESLint report: no \"results\"");
                }
                return;
            }
            JsonReports.expect(p, JsonToken.START_ARRAY, "an array of ESLint results", file, ID);
            JsonWalk.objectsToEnd(p, "an ESLint file result object", file, ID, r -> readFile(r, collector, security));
        });
        collector.kind(EvidenceKind.LINT);
        if (security[0]) {
            collector.kind(EvidenceKind.SAST);
        }
        return collector.build();
    }

    private static void readFile(final JsonParser p, final EvidenceCollector collector, final boolean[] security)
            throws IOException, ParseException {
        String[] path = new String[1];
        // messages may come before filePath: keep what is needed of them until the path is known
        List<String[]> held = new ArrayList<>();
        JsonWalk.fields(p, (name, value) -> {
            switch (name) {
                case "filePath" -> path[0] = JsonReports.text(value);
                case "messages" -> JsonWalk.objects(value, m -> {
                    String[] message = readMessage(m);
                    if (message[0] != null) {
                        security[0] |= EslintRules.isSecurityRule(message[0]);
                        if (path[0] != null) {
                            open(collector, message, path[0]);
                        }
                        else {
                            held.add(message);
                        }
                    }
                });
                case "suppressedMessages" -> JsonWalk.objects(value, m -> collector.suppressedFinding());
                default -> value.skipChildren();
            }
        });
        for (String[] message : held) {
            open(collector, message, path[0]);
        }
        if (path[0] != null) {
            collector.path(path[0]);
        }
    }

    private static void open(final EvidenceCollector collector, final String[] message, final String path) {
        collector.openFinding(severity(message[1]), message[0], message[2], path);
    }

    /** Rule id (null: a fatal parse error, no finding), severity, message. */
    private static String[] readMessage(final JsonParser p) throws IOException, ParseException {
        String[] m = new String[3];
        JsonWalk.fields(p, (name, v) -> {
            switch (name) {
                case "ruleId" -> m[0] = JsonReports.text(v);
                case "severity" -> m[1] = JsonReports.text(v);
                case "message" -> m[2] = JsonReports.text(v);
                default -> v.skipChildren();
            }
        });
        return m;
    }

    private static Severity severity(final String level) {
        if (level == null) {
            return Severity.UNKNOWN;
        }
        return switch (level.trim()) {
            case "2" -> Severity.HIGH;
            case "1" -> Severity.MEDIUM;
            case "0" -> Severity.INFO;
            default -> Severity.UNKNOWN;
        };
    }
}
