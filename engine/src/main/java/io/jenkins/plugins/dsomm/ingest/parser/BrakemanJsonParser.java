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
 * Brakeman JSON ({@code brakeman -f json}): {@code {"scan_info": {"brakeman_version", "rails_version",
 * "end_time"}, "warnings": [{"warning_type", "check_name", "message", "file", "line", "fingerprint",
 * "confidence"}], "ignored_warnings": [...], "errors": [...], "obsolete": [...]}}. SAST (Ruby on Rails). Every
 * warning is an open finding of its {@code warning_type} at {@code file}; every ignored warning (brakeman.ignore) is
 * suppressed; errors (files Brakeman could not parse) are no findings. Brakeman states a confidence (High, Medium,
 * Weak), not a severity, and no score: UNKNOWN. Identity: Brakeman's {@code fingerprint}. Tool "Brakeman",
 * version {@code scan_info.brakeman_version}, time {@code end_time}.
 */
public final class BrakemanJsonParser implements ReportParser {
    private static final String ID = "brakeman-json";
    private static final ReportFormat FORMAT = ReportFormat.of(ID,
            "Brakeman JSON", ReportFormat.Family.JSON, EvidenceKind.SAST);
    private static final Set<String> SCAN_INFO_KEYS = Set.of("brakeman_version", "rails_version",
            "checks_performed", "app_path");

    @Override
    public ReportFormat format() {
        return FORMAT;
    }

    @Override
    public int detect(final Sniff sniff) {
        Sniff.JsonShape json = sniff.jsonObject();
        if (json == null || !json.has("scan_info")) {
            return NO;
        }
        boolean brakeman = json.childKeys("scan_info").stream().anyMatch(SCAN_INFO_KEYS::contains);
        return brakeman && (json.has("warnings") || json.has("ignored_warnings")) ? CERTAIN : NO;
    }

    @Override
    public Evidence parse(final ReportSource source) throws ParseException {
        String file = source.name();
        EvidenceCollector collector = new EvidenceCollector(ID, source).tool("Brakeman").kind(EvidenceKind.SAST);
        boolean[] saw = new boolean[1];
        JsonWalk.read(source, ID, p -> {
            p.nextToken();
            JsonReports.expect(p, JsonToken.START_OBJECT, "a Brakeman report object", file, ID);
            JsonWalk.fields(p, (name, value) -> {
                switch (name) {
                    case "scan_info" -> JsonWalk.fields(value, (key, v) -> {
                        switch (key) {
                            case "brakeman_version" -> collector.toolVersion(JsonReports.text(v));
                            case "end_time" -> collector.producedAt(JsonReports.text(v));
                            default -> v.skipChildren();
                        }
                    });
                    case "warnings" -> {
                        saw[0] = true;
                        JsonWalk.objects(value, w -> warning(w, collector));
                    }
                    case "ignored_warnings" -> JsonWalk.objects(value, w -> collector.suppressedFinding());
                    default -> value.skipChildren();
                }
            });
            if (!saw[0]) {
                throw new ParseException(file, ID, "not a Brakeman report: no \"warnings\"");
            }
        });
        return collector.build();
    }

    private static void warning(final JsonParser p, final EvidenceCollector collector)
            throws IOException, ParseException {
        String[] w = new String[5]; // warning_type, check_name, message, file, fingerprint
        JsonWalk.fields(p, (name, v) -> {
            switch (name) {
                case "warning_type" -> w[0] = JsonReports.text(v);
                case "check_name" -> w[1] = JsonReports.text(v);
                case "message" -> w[2] = JsonReports.text(v);
                case "file" -> w[3] = JsonReports.text(v);
                case "fingerprint" -> w[4] = JsonReports.text(v);
                default -> v.skipChildren();
            }
        });
        collector.openFinding(Severity.UNKNOWN, Values.firstNonBlank(w[0], w[1]), w[2], w[3], w[4]);
    }
}
