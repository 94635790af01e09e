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

/**
 * detect-secrets baseline JSON ({@code detect-secrets scan > .secrets.baseline}): {@code {"version",
 * "plugins_used", "filters_used", "results": {"<file>": [{"type", "filename", "hashed_secret", "is_verified",
 * "line_number", "is_secret"}]}, "generated_at"}}. SECRETS. Each result is an open finding of its detector
 * {@code type} at {@code filename}; one audited as no secret ({@code "is_secret": false}, {@code detect-secrets
 * audit}) is suppressed. detect-secrets states no severity: UNKNOWN. Identity: the file and {@code hashed_secret}
 * (the secret's hash, stable when lines move). Tool "detect-secrets", version {@code version}, time
 * {@code generated_at}.
 */
public final class DetectSecretsJsonParser implements ReportParser {
    private static final String ID = "detect-secrets-json";
    private static final ReportFormat FORMAT = ReportFormat.of(ID,
            "detect-secrets baseline JSON", ReportFormat.Family.JSON, EvidenceKind.SECRETS);

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
        return json.has("plugins_used") && (json.has("filters_used") || json.has("generated_at")) ? CERTAIN : NO;
    }

    @Override
    public Evidence parse(final ReportSource source) throws ParseException {
        String file = source.name();
        EvidenceCollector collector = new EvidenceCollector(ID, source).tool("detect-secrets")
                .kind(EvidenceKind.SECRETS);
        boolean[] saw = new boolean[1];
        JsonWalk.read(source, ID, p -> {
            p.nextToken();
            JsonReports.expect(p, JsonToken.START_OBJECT, "a detect-secrets baseline object", file, ID);
            JsonWalk.fields(p, (name, value) -> {
                switch (name) {
                    case "version" -> collector.toolVersion(JsonReports.text(value));
                    case "generated_at" -> collector.producedAt(JsonReports.text(value));
                    case "results" -> {
                        saw[0] = true;
                        JsonWalk.fields(value, (path, list) ->
                                JsonWalk.objects(list, r -> result(r, path, collector)));
                    }
                    default -> value.skipChildren();
                }
            });
            if (!saw[0]) {
                throw new ParseException(file, ID, "not a detect-secrets baseline: no \"results\"");
            }
        });
        return collector.build();
    }

    private static void result(final JsonParser p, final String path, final EvidenceCollector collector)
            throws IOException, ParseException {
        String[] r = new String[3]; // type, filename, hashed_secret
        boolean[] notSecret = new boolean[1];
        JsonWalk.fields(p, (name, v) -> {
            switch (name) {
                case "type" -> r[0] = JsonReports.text(v);
                case "filename" -> r[1] = JsonReports.text(v);
                case "hashed_secret" -> r[2] = JsonReports.text(v);
                case "is_secret" -> notSecret[0] = v.currentToken() == JsonToken.VALUE_FALSE;
                default -> v.skipChildren();
            }
        });
        if (notSecret[0]) {
            collector.suppressedFinding();
            return;
        }
        String location = Values.firstNonBlank(r[1], path);
        collector.openFinding(Severity.UNKNOWN, r[0], r[0], location,
                r[2] == null ? null : location + ':' + r[2]);
    }
}
