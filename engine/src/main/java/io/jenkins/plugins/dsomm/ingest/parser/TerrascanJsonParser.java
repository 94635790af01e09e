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

/**
 * Terrascan JSON ({@code terrascan scan -o json}): {@code {"results": {"scan_errors": [...], "violations":
 * [{"rule_name", "description", "rule_id", "severity", "category", "resource_name", "resource_type", "file",
 * "line"}], "skipped_violations": [...], "scan_summary": {"iac_type", "scanned_at", "policies_validated",
 * "violated_policies", "low", "medium", "high"}}}}. IAC (facet from the scanned {@code iac_type}, else from
 * the resource types: Terraform providers, Kubernetes kinds). Each violation is an open finding of {@code rule_id}
 * at {@code file}, severity the {@code severity} word; each skipped violation (a {@code #ts:skip} rule) is
 * suppressed; scan errors (folders without an IaC type) are no findings. Tool "Terrascan"; no version stated; time
 * {@code scan_summary.scanned_at}.
 */
public final class TerrascanJsonParser implements ReportParser {
    private static final String ID = "terrascan-json";
    private static final ReportFormat FORMAT = ReportFormat.of(ID,
            "Terrascan JSON", ReportFormat.Family.JSON, EvidenceKind.IAC);

    @Override
    public ReportFormat format() {
        return FORMAT;
    }

    @Override
    public int detect(final Sniff sniff) {
        Sniff.JsonShape json = sniff.jsonObject();
        if (json == null || !json.has("results") || json.keys().size() > 2) {
            return NO;
        }
        var results = json.childKeys("results");
        return results.contains("violations") && (results.contains("scan_summary")
                || results.contains("scan_errors") || results.contains("skipped_violations")) ? CERTAIN : NO;
    }

    @Override
    public Evidence parse(final ReportSource source) throws ParseException {
        String file = source.name();
        EvidenceCollector collector = new EvidenceCollector(ID, source).tool("Terrascan").kind(EvidenceKind.IAC);
        boolean[] saw = new boolean[1];
        JsonWalk.read(source, ID, p -> {
            p.nextToken();
            JsonReports.expect(p, JsonToken.START_OBJECT, "a Terrascan report object", file, ID);
            JsonWalk.fields(p, (name, value) -> {
                if ("results".equals(name)) {
                    JsonWalk.fields(value, (key, v) -> {
                        switch (key) {
                            case "violations" -> {
                                saw[0] = true;
                                JsonWalk.objects(v, x -> violation(x, collector));
                            }
                            case "skipped_violations" -> JsonWalk.objects(v, x -> collector.suppressedFinding());
                            case "scan_summary" -> JsonWalk.fields(v, (s, x) -> {
                                switch (s) {
                                    case "scanned_at" -> collector.producedAt(utc(JsonReports.text(x)));
                                    case "iac_type" -> {
                                        String type = JsonReports.text(x);
                                        if (type != null && !type.equalsIgnoreCase("all")) {
                                            collector.facet(Facets.fromIacFramework(type));
                                        }
                                    }
                                    default -> x.skipChildren();
                                }
                            });
                            default -> v.skipChildren();
                        }
                    });
                }
            });
            if (!saw[0]) {
                throw new ParseException(file, ID, "not a Terrascan report: no \"results.violations\"");
            }
        });
        return collector.build();
    }

    /** Terrascan writes Go's time format, {@code 2021-05-19 13:13:06.083208 +0000 UTC}: the zone name dropped. */
    private static String utc(final String time) {
        return time != null && time.endsWith(" UTC") ? time.substring(0, time.length() - 4) : time;
    }

    private static void violation(final JsonParser p, final EvidenceCollector collector)
            throws IOException, ParseException {
        String[] v = new String[5]; // rule_id, rule_name, description, severity, file
        String[] type = new String[1];
        JsonWalk.fields(p, (name, x) -> {
            switch (name) {
                case "rule_id" -> v[0] = JsonReports.text(x);
                case "rule_name" -> v[1] = JsonReports.text(x);
                case "description" -> v[2] = JsonReports.text(x);
                case "severity" -> v[3] = JsonReports.text(x);
                case "file" -> v[4] = JsonReports.text(x);
                case "resource_type" -> type[0] = JsonReports.text(x);
                default -> x.skipChildren();
            }
        });
        collector.facet(facetOf(type[0]));
        collector.openFinding(Severity.fromWord(v[3]), Values.firstNonBlank(v[0], v[1]), Values.firstNonBlank(v[2],
                v[1]), v[4]);
    }

    /** Terraform resources are provider_type ({@code aws_s3_bucket}); Kubernetes ones are kinds. */
    private static String facetOf(final String resourceType) {
        if (resourceType == null || resourceType.isBlank()) {
            return null;
        }
        String t = resourceType.trim().toLowerCase(Locale.ROOT);
        if (t.startsWith("kubernetes_") || !t.contains("_")) {
            return Facets.TARGET_KUBERNETES;
        }
        return t.startsWith("docker_") ? Facets.TARGET_DOCKERFILE : Facets.TARGET_TERRAFORM;
    }
}
