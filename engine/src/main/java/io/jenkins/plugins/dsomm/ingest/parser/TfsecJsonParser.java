package io.jenkins.plugins.dsomm.ingest.parser;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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

import java.io.IOException;
import java.util.Locale;
import java.util.Set;

/**
 * tfsec {@code --format json}: {@code {"results": [...]}}. Current versions (0.58+) write {@code rule_id}
 * (aws-...), {@code long_id}, {@code severity} CRITICAL/HIGH/MEDIUM/LOW, {@code status} failed/passed/ignored and
 * {@code location.filename}; older versions write {@code rule_id} like GCP008, {@code severity} ERROR/WARNING/INFO
 * and a boolean {@code passed}. A result is an IAC finding unless it passed ({@code status} "passed" or
 * {@code passed: true}, written with {@code --include-passed}); {@code status} "ignored" ({@code --include-ignored})
 * is suppressed. Severity by word (ERROR → HIGH, WARNING → MEDIUM, INFO → INFO). Identity: {@code rule_id} (else
 * {@code long_id}) and the file. Facet terraform. A clean scan is {@code {"results": null}}: recognised (weakly) by
 * that exact shape. tfsec writes no version and no time.
 */
public final class TfsecJsonParser implements ReportParser {
    private static final String ID = "tfsec-json";
    private static final ReportFormat FORMAT = ReportFormat.of(ID,
            "tfsec JSON report", ReportFormat.Family.JSON, EvidenceKind.IAC);
    private static final String TOOL = "tfsec";
    private static final Set<String> RESULT_KEYS = Set.of("rule_id", "long_id", "rule_description",
            "rule_provider", "legacy_rule_id");

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
        if (result.contains("rule_id") && result.contains("location")
                && result.stream().filter(RESULT_KEYS::contains).count() >= 2) {
            return CERTAIN;
        }
        if (json.keys().size() == 1 && result.isEmpty()) {
            return WEAK; // {"results": null}: tfsec's clean scan; no other format registered writes only that
        }
        return NO;
    }

    @Override
    public Evidence parse(final ReportSource source) throws ParseException {
        String file = source.name();
        EvidenceCollector collector = new EvidenceCollector(ID, source);
        collector.tool(TOOL).kind(EvidenceKind.IAC).facet(Facets.TARGET_TERRAFORM);
        JsonWalk.read(source, ID, p -> {
            p.nextToken();
            JsonReports.expect(p, JsonToken.START_OBJECT, "a tfsec report object", file, ID);
            boolean[] sawResults = new boolean[1];
            JsonWalk.fields(p, (name, value) -> {
                if ("results".equals(name)) {
                    sawResults[0] = true;
                    if (value.currentToken() == JsonToken.START_ARRAY) {
                        JsonWalk.objects(p, r -> readResult(r, collector));
                    }
                    else if (value.currentToken() != JsonToken.VALUE_NULL) {
                        JsonReports.expect(p, JsonToken.START_ARRAY, "an array of results or null", file, ID);
                    }
                }
            });
            if (!sawResults[0]) {
                throw new ParseException(file, ID, "not a tfsec report: no \"results\"");
            }
            if (p.nextToken() != null) {
                throw new ParseException(file, ID, "unexpected content after the report object");
            }
        });
        return collector.build();
    }

    private static void readResult(final JsonParser p, final EvidenceCollector collector)
            throws IOException, ParseException {
        String[] f = new String[6]; // rule_id, long_id, severity, status, filename, description
        boolean[] passed = new boolean[1];
        JsonWalk.fields(p, (name, value) -> {
            switch (name) {
                case "rule_id" -> f[0] = JsonReports.text(p);
                case "long_id" -> f[1] = JsonReports.text(p);
                case "severity" -> f[2] = JsonReports.text(p);
                case "status" -> f[3] = JsonReports.text(p);
                case "passed" -> passed[0] = JsonWalk.bool(p);
                case "location" -> f[4] = JsonWalk.property(p, "filename");
                case "rule_description" -> f[5] = JsonReports.text(p);
                default -> p.skipChildren();
            }
        });
        String status = f[3] == null ? "" : f[3].trim().toLowerCase(Locale.ROOT);
        if (passed[0] || status.equals("passed") || status.equals("1")) {
            return;
        }
        if (status.equals("ignored") || status.equals("2")) {
            collector.suppressedFinding();
            return;
        }
        collector.openFinding(Severity.fromWord(f[2]), Values.firstNonBlank(f[0], f[1]), f[5], f[4]);
    }
}
