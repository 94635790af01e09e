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
 * Gitleaks JSON report: an array of leaks. Version 8 writes {@code RuleID, File, StartLine, Secret, Fingerprint,
 * Description...}; version 7 writes {@code rule, file, lineNumber, offender, leakURL...}. Each leak is one SECRETS
 * finding. Gitleaks states no severity, so every leak is UNKNOWN (no word, no score: the normalisation rule).
 * Identity: the v8 {@code Fingerprint} (commit:file:rule:line) when not empty, else rule and file. No findings is
 * written as {@code []} (v8) or {@code null} (v7): such a file has nothing to recognise it by, but reads as "no
 * findings" when the format is given. Gitleaks writes no report timestamp (the {@code Date} is the commit's).
 */
public final class GitleaksJsonParser implements ReportParser {
    private static final String ID = "gitleaks-json";
    private static final ReportFormat FORMAT = ReportFormat.of(ID,
            "Gitleaks JSON report (v8 and v7)", ReportFormat.Family.JSON, EvidenceKind.SECRETS);
    private static final String TOOL = "Gitleaks";

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
        if (json.has("RuleID") && (json.has("Fingerprint") || json.has("StartLine") || json.has("Secret")
                || json.has("Match"))) {
            return CERTAIN;
        }
        if (json.has("offender", "rule") && (json.has("leakURL") || json.has("lineNumber")
                || json.has("commitMessage"))) {
            return CERTAIN;
        }
        return NO;
    }

    @Override
    public Evidence parse(final ReportSource source) throws ParseException {
        String file = source.name();
        EvidenceCollector collector = new EvidenceCollector(ID, source);
        collector.tool(TOOL).kind(EvidenceKind.SECRETS);
        JsonWalk.read(source, ID, p -> {
            JsonWalk.array(p, "an array of Gitleaks findings", "a Gitleaks finding object", file, ID, r -> {
                Leak leak = new Leak();
                JsonWalk.fields(r, (name, value) -> leak.field(r, name));
                if (leak.rule == null && leak.file == null && leak.fingerprint == null) {
                    throw new ParseException(file, ID, "not a Gitleaks finding: no RuleID, rule or File",
                            r.currentLocation().getLineNr(), -1, null);
                }
                String fingerprint = leak.fingerprint == null || leak.fingerprint.isBlank() ? null
                        : leak.fingerprint;
                collector.openFinding(Severity.UNKNOWN, leak.rule,
                        Values.firstNonBlank(leak.description, leak.rule), leak.file, fingerprint);
            });
        });
        return collector.build();
    }

    /** One leak, v8 or v7 fields. */
    private static final class Leak {
        private String rule;
        private String description;
        private String file;
        private String fingerprint;

        void field(final JsonParser p, final String name) throws IOException {
            switch (name) {
                case "RuleID", "rule" -> rule = Values.firstNonBlank(rule, JsonReports.text(p));
                case "Description" -> description = JsonReports.text(p);
                case "File", "file" -> file = Values.firstNonBlank(file, JsonReports.text(p));
                case "Fingerprint" -> fingerprint = JsonReports.text(p);
                default -> p.skipChildren();
            }
        }
    }
}
