package io.jenkins.plugins.dsomm.ingest.parser;

import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
import io.jenkins.plugins.dsomm.evidence.Facets;
import io.jenkins.plugins.dsomm.evidence.Severity;
import io.jenkins.plugins.dsomm.ingest.EvidenceCollector;
import io.jenkins.plugins.dsomm.ingest.JsonReports;
import io.jenkins.plugins.dsomm.ingest.ParseException;
import io.jenkins.plugins.dsomm.ingest.ReportFormat;
import io.jenkins.plugins.dsomm.ingest.ReportParser;
import io.jenkins.plugins.dsomm.ingest.ReportSource;
import io.jenkins.plugins.dsomm.ingest.Sniff;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Hadolint {@code --format json}: an array of {@code {code, level, message, file, line, column}}. Each item is one
 * IAC finding on a Dockerfile (facet dockerfile). Severity from {@code level}: error → HIGH, warning → MEDIUM,
 * info → INFO, style → INFO (Hadolint's level below info; not one of the normalisation words, taken as INFO);
 * level ignore is suppressed. Identity: {@code code} (DL.../SC...) and {@code file}. Hadolint states no version and
 * no time. {@code []} is a clean run (recognised only with the format given).
 */
public final class HadolintJsonParser implements ReportParser {
    private static final String ID = "hadolint-json";
    private static final ReportFormat FORMAT = ReportFormat.of(ID,
            "Hadolint JSON report", ReportFormat.Family.JSON, EvidenceKind.IAC);
    private static final String TOOL = "Hadolint";
    private static final Pattern CODE = Pattern.compile("(DL|SC)\\d+");

    @Override
    public ReportFormat format() {
        return FORMAT;
    }

    @Override
    public int detect(final Sniff sniff) {
        Sniff.JsonShape json = sniff.json();
        if (json == null || json.type() != Sniff.JsonShape.Type.ARRAY
                || !json.has("code", "level", "message", "file", "line")) {
            return NO;
        }
        String code = json.value("code");
        return code != null && CODE.matcher(code).matches() ? CERTAIN : LIKELY;
    }

    @Override
    public Evidence parse(final ReportSource source) throws ParseException {
        String file = source.name();
        EvidenceCollector collector = new EvidenceCollector(ID, source);
        collector.tool(TOOL).kind(EvidenceKind.IAC).facet(Facets.TARGET_DOCKERFILE);
        JsonWalk.read(source, ID, p -> {
            JsonWalk.array(p, "an array of Hadolint findings", "a Hadolint finding object", file, ID, r -> {
                String[] f = new String[4]; // code, level, message, file
                JsonWalk.fields(r, (name, value) -> {
                    switch (name) {
                        case "code" -> f[0] = JsonReports.text(r);
                        case "level" -> f[1] = JsonReports.text(r);
                        case "message" -> f[2] = JsonReports.text(r);
                        case "file" -> f[3] = JsonReports.text(r);
                        default -> r.skipChildren();
                    }
                });
                if (f[0] == null && f[1] == null) {
                    throw new ParseException(file, ID, "not a Hadolint finding: no \"code\" and no \"level\"",
                            r.currentLocation().getLineNr(), -1, null);
                }
                String level = f[1] == null ? "" : f[1].trim().toLowerCase(Locale.ROOT);
                if (level.equals("ignore")) {
                    collector.suppressedFinding();
                }
                else {
                    collector.openFinding(severity(level), f[0], f[2], f[3]);
                }
            });
        });
        return collector.build();
    }

    static Severity severity(final String level) {
        return "style".equals(level) ? Severity.INFO : Severity.fromWord(level);
    }
}
