package io.jenkins.plugins.dsomm.ingest.parser;

import com.fasterxml.jackson.core.JsonParser;
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
 * trufflehog3 (the Python fork, a different tool from TruffleHog) JSON report: an array of
 * {@code {rule: {id, message, severity}, path, line, secret, context, commit...}}. Each item is one SECRETS finding;
 * severity from {@code rule.severity} by word (HIGH, MEDIUM, LOW); identity {@code rule.id} and {@code path}.
 * The report states no version and no time. {@code []} is no findings (recognised only with the format given).
 *
 * <p>Before 3.0 trufflehog3 wrote truffleHog v2's objects in one array: {@code [{date, path, branch, commit,
 * commitHash, reason, stringsFound}]}. Each is one SECRETS finding of rule {@code reason} (a rule name or "High
 * entropy") at {@code path}, titled by the reason; those versions state no severity (UNKNOWN).
 */
public final class Trufflehog3JsonParser implements ReportParser {
    private static final String ID = "trufflehog3-json";
    private static final ReportFormat FORMAT = ReportFormat.of(ID,
            "trufflehog3 (Python fork) JSON report", ReportFormat.Family.JSON, EvidenceKind.SECRETS);
    private static final String TOOL = "trufflehog3";

    @Override
    public ReportFormat format() {
        return FORMAT;
    }

    @Override
    public int detect(final Sniff sniff) {
        Sniff.JsonShape json = sniff.json();
        if (json == null || json.type() != Sniff.JsonShape.Type.ARRAY) {
            return NO;
        }
        if (json.has("reason", "stringsFound", "path") && (json.has("commitHash") || json.has("branch"))) {
            return LIKELY; // the legacy (< 3.0) array of truffleHog v2 objects
        }
        if (!json.has("rule", "path")) {
            return NO;
        }
        var rule = json.childKeys("rule");
        return rule.contains("id") && (rule.contains("severity") || rule.contains("message"))
                && (json.has("secret") || json.has("context")) ? LIKELY : NO;
    }

    @Override
    public Evidence parse(final ReportSource source) throws ParseException {
        String file = source.name();
        EvidenceCollector collector = new EvidenceCollector(ID, source);
        collector.tool(TOOL).kind(EvidenceKind.SECRETS);
        JsonWalk.read(source, ID, p -> {
            JsonWalk.array(p, "an array of trufflehog3 findings", "a trufflehog3 finding object", file, ID,
                    r -> readFinding(r, collector, file));
        });
        return collector.build();
    }

    private static void readFinding(final JsonParser p, final EvidenceCollector collector, final String file)
            throws IOException, ParseException {
        String[] f = new String[5]; // rule id, message, severity, path, legacy reason
        JsonWalk.fields(p, (name, value) -> {
            if ("reason".equals(name)) {
                f[4] = JsonReports.text(p);
            }
            else if ("rule".equals(name)) {
                JsonWalk.fields(p, (key, v) -> {
                    switch (key) {
                        case "id" -> f[0] = JsonReports.text(p);
                        case "message" -> f[1] = JsonReports.text(p);
                        case "severity" -> f[2] = JsonReports.text(p);
                        default -> p.skipChildren();
                    }
                });
            }
            else if ("path".equals(name)) {
                f[3] = JsonReports.text(p);
            }
        });
        if (f[0] == null && f[3] == null) {
            throw new ParseException(file, ID, "not a trufflehog3 finding: no \"rule\" and no \"path\"",
                    p.currentLocation().getLineNr(), -1, null);
        }
        String rule = Values.firstNonBlank(f[0], f[4]);
        collector.openFinding(Severity.fromWord(f[2]), rule, Values.firstNonBlank(f[1], rule), f[3]);
    }
}
