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
 * Checkov {@code -o json}: one object per framework {@code {check_type, results: {passed_checks, failed_checks,
 * skipped_checks, parsing_errors}, summary: {..., checkov_version}}}, a top-level array of such objects when several
 * frameworks ran, or only a summary object when nothing was scanned (a clean run). Each failed check is a finding,
 * each skipped check is suppressed, passed checks are not findings. Severity: the check's {@code severity} by word
 * (present with a Prisma Cloud API key), else the CVSS score of {@code vulnerability_details} (SCA frameworks), else
 * UNKNOWN. Kinds by framework: {@code secrets} → SECRETS, {@code sca_package} → SCA, {@code sca_image} →
 * CONTAINER, every other framework (terraform, kubernetes, dockerfile, helm, cloudformation...) → IAC with its facet
 * when it checked something; a summary-only report is IAC. Identity: {@code check_id} and {@code repo_file_path}
 * (else {@code file_path}). Version: {@code checkov_version}; Checkov writes no report time.
 */
public final class CheckovJsonParser implements ReportParser {
    private static final String ID = "checkov-json";
    private static final ReportFormat FORMAT = ReportFormat.of(ID,
            "Checkov JSON report", ReportFormat.Family.JSON, EvidenceKind.SCA, EvidenceKind.SECRETS, EvidenceKind.IAC,
            EvidenceKind.CONTAINER);
    private static final String TOOL = "Checkov";

    @Override
    public ReportFormat format() {
        return FORMAT;
    }

    @Override
    public int detect(final Sniff sniff) {
        Sniff.JsonShape json = sniff.json();
        if (json == null || json.type() == Sniff.JsonShape.Type.LINES) {
            return NO;
        }
        if (json.has("check_type", "results")) {
            var results = json.childKeys("results");
            return results.contains("failed_checks") || results.contains("passed_checks")
                    || results.contains("skipped_checks") ? CERTAIN : LIKELY;
        }
        if (json.has("checkov_version") || json.childKeys("summary").contains("checkov_version")) {
            return CERTAIN;
        }
        return NO;
    }

    @Override
    public Evidence parse(final ReportSource source) throws ParseException {
        String file = source.name();
        EvidenceCollector collector = new EvidenceCollector(ID, source);
        collector.tool(TOOL);
        JsonWalk.read(source, ID, p -> {
            JsonToken root = p.nextToken();
            if (root == JsonToken.START_ARRAY) {
                int reports = JsonWalk.objectsToEnd(p, "a Checkov report object or the end of the array", file, ID,
                        r -> readReport(r, collector, file));
                if (reports == 0) {
                    collector.kind(EvidenceKind.IAC); // checkov ran, no framework had anything to check
                }
            }
            else {
                JsonReports.expect(p, JsonToken.START_OBJECT, "a Checkov report object or array", file, ID);
                readReport(p, collector, file);
            }
            if (p.nextToken() != null) {
                throw new ParseException(file, ID, "unexpected content after the report");
            }
        });
        return collector.build();
    }

    /** One framework's report (or a summary-only object), the parser on its START_OBJECT. */
    private static void readReport(final JsonParser p, final EvidenceCollector collector, final String file)
            throws IOException, ParseException {
        String[] checkType = new String[1];
        int[] checks = new int[1];
        boolean[] known = new boolean[1];
        JsonWalk.fields(p, (name, value) -> {
            switch (name) {
                case "check_type" -> {
                    checkType[0] = JsonReports.text(p);
                    known[0] = true;
                }
                case "results" -> {
                    known[0] = true;
                    checks[0] += readResults(p, collector);
                }
                case "summary" -> {
                    known[0] = true;
                    JsonWalk.fields(p, (key, v) -> {
                        if ("checkov_version".equals(key)) {
                            collector.toolVersion(JsonReports.text(p));
                        }
                    });
                }
                case "checkov_version" -> {
                    known[0] = true; // a summary-only report: nothing was scanned
                    collector.toolVersion(JsonReports.text(p));
                }
                default -> p.skipChildren();
            }
        });
        if (!known[0]) {
            throw new ParseException(file, ID, "not a Checkov report: no \"check_type\", \"results\" or "
                    + "\"checkov_version\"");
        }
        collector.kind(kindOf(checkType[0]));
        if (checks[0] > 0 && kindOf(checkType[0]) == EvidenceKind.IAC) {
            collector.facet(Facets.fromIacFramework(checkType[0]));
        }
    }

    static EvidenceKind kindOf(final String checkType) {
        String t = checkType == null ? "" : checkType.toLowerCase(Locale.ROOT);
        return switch (t) {
            case "secrets" -> EvidenceKind.SECRETS;
            case "sca_package" -> EvidenceKind.SCA;
            case "sca_image" -> EvidenceKind.CONTAINER;
            default -> EvidenceKind.IAC;
        };
    }

    /** The results object; returns the number of checks (passed, failed, skipped). */
    private static int readResults(final JsonParser p, final EvidenceCollector collector)
            throws IOException, ParseException {
        int[] checks = new int[1];
        JsonWalk.fields(p, (name, value) -> {
            switch (name) {
                case "failed_checks" -> JsonWalk.objects(p, c -> {
                    checks[0]++;
                    readFailedCheck(c, collector);
                });
                case "skipped_checks" -> JsonWalk.objects(p, c -> {
                    checks[0]++;
                    collector.suppressedFinding();
                    c.skipChildren();
                });
                case "passed_checks" -> JsonWalk.objects(p, c -> {
                    checks[0]++;
                    c.skipChildren();
                });
                default -> p.skipChildren();
            }
        });
        return checks[0];
    }

    private static void readFailedCheck(final JsonParser p, final EvidenceCollector collector)
            throws IOException, ParseException {
        String[] f = new String[5]; // check_id, check_name, severity, repo_file_path, file_path
        double[] cvss = {Double.NaN};
        JsonWalk.fields(p, (name, value) -> {
            switch (name) {
                case "check_id" -> f[0] = JsonReports.text(p);
                case "check_name" -> f[1] = JsonReports.text(p);
                case "severity" -> f[2] = JsonReports.text(p);
                case "repo_file_path" -> f[3] = JsonReports.text(p);
                case "file_path" -> f[4] = JsonReports.text(p);
                case "vulnerability_details" -> JsonWalk.fields(p, (key, v) -> {
                    if ("cvss".equals(key)) {
                        cvss[0] = JsonReports.number(p);
                    }
                });
                default -> p.skipChildren();
            }
        });
        Severity severity = Severity.fromWord(f[2]);
        if ((f[2] == null || f[2].isBlank()) && !Double.isNaN(cvss[0])) {
            severity = Severity.fromScore(cvss[0]);
        }
        collector.openFinding(severity, f[0], f[1], Values.firstNonBlank(f[3], f[4]));
    }
}
