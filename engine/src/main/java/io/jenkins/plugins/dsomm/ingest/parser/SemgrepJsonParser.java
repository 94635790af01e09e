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
 * Semgrep native JSON ({@code semgrep --json}): {@code {"version", "results": [{"check_id", "path", "start", "end",
 * "extra": {"severity", "message", "metadata", "fingerprint", "is_ignored"}}], "errors", "paths"}}. Evidence kind
 * SAST. Every result is a finding of rule {@code check_id} at {@code path}; one with {@code extra.is_ignored} true
 * (a {@code nosemgrep} comment) is suppressed. Severity: the word in {@code extra.severity} (ERROR → HIGH,
 * WARNING → MEDIUM, INFO → INFO; the newer CRITICAL, HIGH, MEDIUM, LOW as named; EXPERIMENT, INVENTORY and others
 * UNKNOWN). Identity: {@code extra.fingerprint} unless it is the placeholder "requires login". Errors are not
 * findings. Tool "Semgrep", version from {@code version} (older versions state none); scanned paths
 * ({@code paths.scanned}) add their language facets.
 */
public final class SemgrepJsonParser implements ReportParser {
    private static final String ID = "semgrep-json";
    private static final ReportFormat FORMAT = ReportFormat.of(ID,
            "Semgrep JSON", ReportFormat.Family.JSON, EvidenceKind.SAST);
    private static final Set<String> ROOT_KEYS = Set.of("results", "errors", "paths", "version", "skipped_rules",
            "interfile_languages_used", "time", "explanations", "engine_requested", "skipped", "rules_by_engine");

    @Override
    public ReportFormat format() {
        return FORMAT;
    }

    @Override
    public int detect(final Sniff sniff) {
        Sniff.JsonShape json = sniff.jsonObject();
        if (json == null || !json.has("results")) {
            return NO;
        }
        Set<String> result = json.childKeys("results");
        if (result.contains("check_id") && (result.contains("extra") || result.contains("path"))) {
            return CERTAIN;
        }
        if (!ROOT_KEYS.containsAll(json.keys()) || !result.isEmpty()) {
            return NO;
        }
        if (json.childKeys("paths").contains("scanned") || json.has("skipped_rules")
                || json.has("interfile_languages_used")) {
            return LIKELY;
        }
        // {"results": [], "errors": []}: what Semgrep writes when it finds nothing; nothing else claims it
        return json.has("errors") ? WEAK : NO;
    }

    @Override
    public Evidence parse(final ReportSource source) throws ParseException {
        String file = source.name();
        EvidenceCollector collector = new EvidenceCollector(ID, source).tool("Semgrep");
        collector.kind(EvidenceKind.SAST);
        JsonWalk.read(source, ID, p -> {
            if (JsonWalk.emptyRoot(p, "a Semgrep report object", file, ID)) {
                return; // given explicitly: nothing found
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
                    case "version" -> collector.toolVersion(JsonReports.text(p));
                    case "paths" -> readPaths(p, collector);
                    default -> p.skipChildren();
                }
            }
            if (!sawResults) {
                throw new ParseException(file, ID, "not a Semgrep report: no \"results\" array");
            }
        });
        return collector.build();
    }

    private static void readResult(final JsonParser p, final EvidenceCollector collector) throws IOException {
        String checkId = null;
        String path = null;
        String severity = null;
        String message = null;
        String fingerprint = null;
        boolean ignored = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "check_id" -> checkId = JsonReports.text(p);
                case "path" -> path = JsonReports.text(p);
                case "extra" -> {
                    if (value != JsonToken.START_OBJECT) {
                        p.skipChildren();
                        continue;
                    }
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String f = p.currentName();
                        JsonToken v = p.nextToken();
                        switch (f) {
                            case "severity" -> severity = JsonReports.text(p);
                            case "message" -> message = JsonReports.text(p);
                            case "fingerprint" -> fingerprint = JsonReports.text(p);
                            case "is_ignored" -> ignored = v == JsonToken.VALUE_TRUE;
                            default -> p.skipChildren();
                        }
                    }
                }
                default -> p.skipChildren();
            }
        }
        if (ignored) {
            collector.suppressedFinding();
            return;
        }
        if (fingerprint != null && (fingerprint.isBlank() || fingerprint.equalsIgnoreCase("requires login"))) {
            fingerprint = null;
        }
        collector.openFinding(Severity.fromWord(severity), checkId, message, path,
                fingerprint == null ? null : checkId + '|' + fingerprint);
    }

    private static void readPaths(final JsonParser p, final EvidenceCollector collector) throws IOException {
        if (!JsonWalk.enterObject(p)) {
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if ("scanned".equals(field) && value == JsonToken.START_ARRAY) {
                JsonToken t;
                while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
                    if (t == JsonToken.VALUE_STRING) {
                        collector.path(p.getText());
                    }
                    else {
                        p.skipChildren();
                    }
                }
            }
            else {
                p.skipChildren();
            }
        }
    }
}
