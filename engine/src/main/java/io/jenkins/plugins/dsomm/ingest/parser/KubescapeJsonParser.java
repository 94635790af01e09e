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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Kubescape JSON ({@code kubescape scan --format json}): {@code {"generationTime", "clusterName", "summaryDetails":
 * {"controls": {"C-0017": {"name", "scoreFactor", "status"}}}, "resources", "results": [{"resourceID", "controls":
 * [{"controlID", "name", "status": {"status", "subStatus"}, "rules": [{"name", "status"}]}]}]}}. IAC evidence of
 * Kubernetes (facet {@code target:kubernetes}). The unit is a control that fails on a resource (its status failed;
 * for versions that state none, one of its rules failed); the rules are how Kubescape checks a control. Located at
 * the {@code resourceID}. Suppressed: a control excluded by an exception (status excluded, or sub-status
 * w/exceptions). Severity from the control's {@code scoreFactor} (Kubescape's 1–10 scale: ≥ 9 CRITICAL, ≥ 7 HIGH,
 * ≥ 4 MEDIUM, else LOW), or a {@code severity} word where stated. Tool "Kubescape"; time {@code generationTime}.
 * Read in two passes: the controls' severities may come after the results.
 */
public final class KubescapeJsonParser implements ReportParser {
    private static final String ID = "kubescape-json";
    private static final ReportFormat FORMAT = ReportFormat.of(ID,
            "Kubescape JSON", ReportFormat.Family.JSON, EvidenceKind.IAC);
    private static final int MAX_CONTROLS = 10_000;

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
        boolean resultShape = json.childKeys("results").contains("resourceID")
                && json.childKeys("results").contains("controls");
        if (resultShape || json.childKeys("summaryDetails").contains("controls") && json.has("generationTime")) {
            return CERTAIN;
        }
        return NO;
    }

    @Override
    public Evidence parse(final ReportSource source) throws ParseException {
        String file = source.name();
        EvidenceCollector collector = new EvidenceCollector(ID, source).tool("Kubescape").kind(EvidenceKind.IAC)
                .facet(Facets.TARGET_KUBERNETES);
        Map<String, Severity> severities = new HashMap<>();
        boolean[] saw = new boolean[1];
        JsonWalk.read(source, ID, p -> {
            p.nextToken();
            JsonReports.expect(p, JsonToken.START_OBJECT, "a Kubescape report object", file, ID);
            JsonWalk.fields(p, (name, value) -> {
                switch (name) {
                    case "generationTime" -> collector.producedAt(JsonReports.text(value));
                    case "results" -> {
                        saw[0] = true;
                        value.skipChildren(); // second pass
                    }
                    case "summaryDetails" -> JsonWalk.fields(value, (key, v) -> {
                        if ("controls".equals(key)) {
                            JsonWalk.fields(v, (id, control) -> severities(id, control, severities));
                        }
                    });
                    default -> value.skipChildren();
                }
            });
            if (!saw[0]) {
                throw new ParseException(file, ID, "not a Kubescape report: no \"results\"");
            }
        });
        JsonWalk.read(source, ID, p -> {
            p.nextToken();
            JsonWalk.fields(p, (name, value) -> {
                if ("results".equals(name)) {
                    JsonWalk.objects(value, r -> resource(r, severities, collector));
                }
            });
        });
        return collector.build();
    }

    private static void severities(final String id, final JsonParser p, final Map<String, Severity> severities)
            throws IOException, ParseException {
        Severity[] s = {null};
        double[] factor = {Double.NaN};
        JsonWalk.fields(p, (name, v) -> {
            switch (name) {
                case "severity" -> {
                    Severity word = Severity.fromWord(JsonReports.text(v));
                    s[0] = word == Severity.UNKNOWN ? null : word;
                }
                case "scoreFactor" -> factor[0] = JsonReports.number(v);
                default -> v.skipChildren();
            }
        });
        Severity severity = s[0] != null ? s[0] : Double.isNaN(factor[0]) ? Severity.UNKNOWN
                : factor[0] >= 1 ? Severity.fromScore(factor[0]) : Severity.UNKNOWN;
        if (severities.size() < MAX_CONTROLS) {
            severities.put(id, severity);
        }
    }

    private static void resource(final JsonParser p, final Map<String, Severity> severities,
            final EvidenceCollector collector) throws IOException, ParseException {
        String[] resource = new String[1];
        List<String[]> failed = new ArrayList<>(); // controlID, name; the resource may come last
        JsonWalk.fields(p, (name, v) -> {
            switch (name) {
                case "resourceID" -> resource[0] = JsonReports.text(v);
                case "controls" -> JsonWalk.objects(v, c -> control(c, failed, collector));
                default -> v.skipChildren();
            }
        });
        for (String[] c : failed) {
            collector.openFinding(severities.getOrDefault(c[0], Severity.UNKNOWN), c[0], Values.firstNonBlank(c[1],
                    c[0]), resource[0]);
        }
    }

    private static void control(final JsonParser p, final List<String[]> failed,
            final EvidenceCollector collector) throws IOException, ParseException {
        String[] c = new String[4]; // controlID, name, status, subStatus
        boolean[] ruleFailed = new boolean[1];
        JsonWalk.fields(p, (name, v) -> {
            switch (name) {
                case "controlID" -> c[0] = JsonReports.text(v);
                case "name" -> c[1] = JsonReports.text(v);
                case "status" -> {
                    if (JsonWalk.isObject(v)) {
                        JsonWalk.fields(v, (key, x) -> {
                            switch (key) {
                                case "status" -> c[2] = JsonReports.text(x);
                                case "subStatus" -> c[3] = JsonReports.text(x);
                                default -> x.skipChildren();
                            }
                        });
                    }
                    else {
                        c[2] = JsonReports.text(v);
                    }
                }
                case "rules" -> JsonWalk.objects(v, rule -> ruleFailed[0] |= "failed".equalsIgnoreCase(
                        Values.firstNonBlank(JsonWalk.property(rule, "status"), "")));
                default -> v.skipChildren();
            }
        });
        String status = c[2] == null ? (ruleFailed[0] ? "failed" : "") : c[2].trim().toLowerCase(Locale.ROOT);
        String sub = c[3] == null ? "" : c[3].trim().toLowerCase(Locale.ROOT);
        if (status.equals("excluded") || sub.equals("w/exceptions")) {
            collector.suppressedFinding();
        }
        else if (status.equals("failed")) {
            failed.add(c);
        }
    }
}
