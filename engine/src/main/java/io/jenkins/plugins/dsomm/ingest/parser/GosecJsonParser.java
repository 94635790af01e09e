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
 * gosec JSON ({@code gosec -fmt=json}): {@code {"Golang errors": {}, "Issues": [{"severity", "confidence", "cwe",
 * "rule_id", "details", "file", "code", "line", "nosec", "suppressions"}], "Stats": {"files", "lines", "nosec",
 * "found"}, "GosecVersion"}}. SAST. Every issue is an open finding of {@code rule_id} at {@code file}, severity the
 * {@code severity} word (HIGH, MEDIUM, LOW); an issue with {@code suppressions} (written with
 * {@code -track-suppressions}: {@code #nosec} or an exclusion) is suppressed instead. Without tracked suppressions
 * the suppressed count is what gosec states in {@code Stats.nosec}. Build errors ({@code Golang errors}) are no
 * findings. Tool "gosec", version {@code GosecVersion}; no time stated.
 */
public final class GosecJsonParser implements ReportParser {
    private static final String ID = "gosec-json";
    private static final ReportFormat FORMAT = ReportFormat.of(ID,
            "gosec JSON", ReportFormat.Family.JSON, EvidenceKind.SAST);
    private static final Set<String> ISSUE_KEYS = Set.of("rule_id", "details", "file");

    @Override
    public ReportFormat format() {
        return FORMAT;
    }

    @Override
    public int detect(final Sniff sniff) {
        Sniff.JsonShape json = sniff.jsonObject();
        if (json == null || !json.has("Issues")) {
            return NO;
        }
        if (json.has("GosecVersion") || json.childKeys("Issues").containsAll(ISSUE_KEYS)) {
            return CERTAIN;
        }
        return json.has("Stats") && json.childKeys("Stats").contains("nosec") ? LIKELY : NO;
    }

    @Override
    public Evidence parse(final ReportSource source) throws ParseException {
        String file = source.name();
        EvidenceCollector collector = new EvidenceCollector(ID, source).tool("gosec").kind(EvidenceKind.SAST);
        int[] nosec = {0};
        boolean[] tracked = new boolean[2]; // saw Issues, saw a suppressions key
        JsonWalk.read(source, ID, p -> {
            p.nextToken();
            JsonReports.expect(p, JsonToken.START_OBJECT, "a gosec report object", file, ID);
            JsonWalk.fields(p, (name, value) -> {
                switch (name) {
                    case "Issues" -> {
                        tracked[0] = true;
                        JsonWalk.objects(value, issue -> tracked[1] |= readIssue(issue, collector));
                    }
                    case "Stats" -> JsonWalk.fields(value, (key, v) -> {
                        if ("nosec".equals(key)) {
                            double n = JsonReports.number(v);
                            nosec[0] = Double.isNaN(n) ? 0 : (int) Math.max(0, Math.min(n, Integer.MAX_VALUE));
                        }
                    });
                    case "GosecVersion" -> collector.toolVersion(JsonReports.text(value));
                    default -> value.skipChildren();
                }
            });
            if (!tracked[0]) {
                throw new ParseException(file, ID, "not a gosec report: no \"Issues\"");
            }
        });
        if (!tracked[1]) {
            for (int i = 0; i < nosec[0]; i++) {
                collector.suppressedFinding();
            }
        }
        return collector.build();
    }

    /** Reads one issue; returns whether it had a {@code suppressions} key (suppressions are tracked). */
    private static boolean readIssue(final JsonParser p, final EvidenceCollector collector)
            throws IOException, ParseException {
        String[] f = new String[4]; // rule_id, severity, details, file
        int[] suppressions = {-1};
        JsonWalk.fields(p, (name, v) -> {
            switch (name) {
                case "rule_id" -> f[0] = JsonReports.text(v);
                case "severity" -> f[1] = JsonReports.text(v);
                case "details" -> f[2] = JsonReports.text(v);
                case "file" -> f[3] = JsonReports.text(v);
                case "suppressions" -> suppressions[0] = JsonWalk.count(v);
                default -> v.skipChildren();
            }
        });
        if (suppressions[0] > 0) {
            collector.suppressedFinding();
        }
        else {
            collector.openFinding(Severity.fromWord(f[1]), f[0], f[2], f[3]);
        }
        return suppressions[0] >= 0;
    }
}
