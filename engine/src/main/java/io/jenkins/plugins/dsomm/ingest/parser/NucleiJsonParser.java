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
import io.jenkins.plugins.dsomm.ingest.Times;

import java.io.IOException;
import java.time.Instant;

/**
 * Nuclei results: JSON Lines ({@code -jsonl}, formerly {@code -json}: one result object per line) or one JSON array
 * ({@code -json-export}). Each result is one DAST finding, except results with {@code "matcher-status": false}
 * (written with {@code -matcher-status}: the template did not match). Severity: {@code info.severity} by word
 * (info, low, medium, high, critical; unknown → UNKNOWN). Identity: the template id ({@code template-id}, v2
 * {@code templateID}) and the {@code host} (else {@code matched-at}, v2 {@code matched}, else {@code url}): the
 * host keeps the identity stable when a template matches at another path. Nuclei states no version; the time
 * produced is the latest {@code timestamp} of any result line. An empty file means nothing was found.
 */
public final class NucleiJsonParser implements ReportParser {
    private static final String ID = "nuclei-json";
    private static final ReportFormat FORMAT = ReportFormat.of(ID,
            "Nuclei JSON Lines / JSON export", ReportFormat.Family.JSON_LINES, EvidenceKind.DAST);
    private static final String TOOL = "Nuclei";

    @Override
    public ReportFormat format() {
        return FORMAT;
    }

    @Override
    public int detect(final Sniff sniff) {
        Sniff.JsonShape json = sniff.json();
        if (json == null || !(json.has("template-id") || json.has("templateID"))) {
            return NO;
        }
        return json.has("info") && (json.childKeys("info").contains("severity")
                || json.childKeys("info").contains("name")) ? CERTAIN : LIKELY;
    }

    @Override
    public boolean emptyMeansNoFindings() {
        return true;
    }

    @Override
    public Evidence parse(final ReportSource source) throws ParseException {
        String file = source.name();
        EvidenceCollector collector = new EvidenceCollector(ID, source);
        collector.tool(TOOL).kind(EvidenceKind.DAST);
        Instant[] latest = new Instant[1];
        JsonWalk.read(source, ID, p -> {
            JsonWalk.records(p, "a Nuclei result object", file, ID, r -> {
                Result result = new Result();
                JsonWalk.fields(r, (name, value) -> result.field(r, name));
                if (result.templateId == null && result.severity == null) {
                    throw new ParseException(file, ID, "not a Nuclei result: no \"template-id\" and no \"info\"",
                            r.currentLocation().getLineNr(), -1, null);
                }
                Instant at = Times.parse(result.timestamp);
                if (at != null && (latest[0] == null || at.isAfter(latest[0]))) {
                    latest[0] = at;
                }
                if (result.matched) {
                    collector.openFinding(Severity.fromWord(result.severity), result.templateId, result.name,
                            Values.firstNonBlank(result.host, result.matchedAt, result.url));
                }
            });
        });
        collector.producedAt(latest[0]);
        return collector.build();
    }

    /** One result line. */
    private static final class Result {
        private String templateId;
        private String name;
        private String severity;
        private String host;
        private String matchedAt;
        private String url;
        private String timestamp;
        private boolean matched = true;

        void field(final JsonParser p, final String field) throws IOException, ParseException {
            switch (field) {
                case "template-id", "templateID" -> templateId = Values.firstNonBlank(templateId,
                        JsonReports.text(p));
                case "info" -> JsonWalk.fields(p, (key, value) -> {
                    if ("severity".equals(key)) {
                        severity = JsonReports.text(p);
                    }
                    else if ("name".equals(key)) {
                        name = JsonReports.text(p);
                    }
                });
                case "host" -> host = JsonReports.text(p);
                case "matched-at", "matched" -> matchedAt = Values.firstNonBlank(matchedAt, JsonReports.text(p));
                case "url" -> url = JsonReports.text(p);
                case "timestamp" -> timestamp = JsonReports.text(p);
                case "matcher-status" -> matched = p.currentToken() != JsonToken.VALUE_FALSE;
                default -> p.skipChildren();
            }
        }
    }
}
