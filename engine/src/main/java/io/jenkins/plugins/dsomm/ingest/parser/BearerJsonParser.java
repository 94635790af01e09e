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
 * Bearer CLI security report JSON ({@code bearer scan --format json}): an object of findings by severity,
 * {@code {"critical": [...], "high": [...], "medium": [...], "low": [...], "warning": [...]}}, each {@code {"id",
 * "title", "cwe_ids", "full_filename", "filename", "line_number", "fingerprint"}}. SAST. Every finding is open,
 * rule {@code id} at {@code full_filename} (else {@code filename}), severity the key it is listed under (warning →
 * MEDIUM). Identity: Bearer's {@code fingerprint}. Tool "Bearer"; no version or time stated.
 */
public final class BearerJsonParser implements ReportParser {
    private static final String ID = "bearer-json";
    private static final ReportFormat FORMAT = ReportFormat.of(ID,
            "Bearer CLI security report JSON", ReportFormat.Family.JSON, EvidenceKind.SAST);
    private static final Set<String> SEVERITIES = Set.of("critical", "high", "medium", "low", "warning");

    @Override
    public ReportFormat format() {
        return FORMAT;
    }

    @Override
    public int detect(final Sniff sniff) {
        Sniff.JsonShape json = sniff.jsonObject();
        if (json == null || json.keys().isEmpty() || !SEVERITIES.containsAll(json.keys())) {
            return NO;
        }
        for (String severity : json.keys()) {
            Set<String> finding = json.childKeys(severity);
            if (finding.contains("id") && (finding.contains("fingerprint") || finding.contains("full_filename")
                    || finding.contains("line_number"))) {
                return CERTAIN;
            }
        }
        return NO;
    }

    @Override
    public Evidence parse(final ReportSource source) throws ParseException {
        String file = source.name();
        EvidenceCollector collector = new EvidenceCollector(ID, source).tool("Bearer").kind(EvidenceKind.SAST);
        JsonWalk.read(source, ID, p -> {
            p.nextToken();
            JsonReports.expect(p, JsonToken.START_OBJECT, "a Bearer report object", file, ID);
            JsonWalk.fields(p, (severity, list) -> JsonWalk.objects(list, f -> finding(f, severity, collector)));
        });
        return collector.build();
    }

    private static void finding(final JsonParser p, final String severity, final EvidenceCollector collector)
            throws IOException, ParseException {
        String[] f = new String[5]; // id, title, full_filename, filename, fingerprint
        JsonWalk.fields(p, (name, v) -> {
            switch (name) {
                case "id" -> f[0] = JsonReports.text(v);
                case "title" -> f[1] = JsonReports.text(v);
                case "full_filename" -> f[2] = JsonReports.text(v);
                case "filename" -> f[3] = JsonReports.text(v);
                case "fingerprint" -> f[4] = JsonReports.text(v);
                default -> v.skipChildren();
            }
        });
        collector.openFinding(Severity.fromWord(severity), f[0], Values.firstNonBlank(f[1], f[0]),
                Values.firstNonBlank(f[2], f[3]), f[4]);
    }
}
