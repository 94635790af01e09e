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
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Snyk CLI JSON: {@code snyk test --json} (one project object), {@code snyk test --all-projects --json} (a
 * top-level array of project objects), {@code snyk container test --json} (an image project, with
 * {@code applications[]} for the application dependencies found in the image) and {@code snyk iac test --json}
 * ({@code infrastructureAsCodeIssues[]}). Snyk lists an issue once per dependency path; a finding is one
 * vulnerability per project and (id, package name, version), duplicates over other paths not counted again
 * (Snyk's own {@code uniqueCount} counts distinct ids). Located at the package name; the rule is Snyk's id.
 * Severity: the stated {@code severity} word, else {@code cvssScore}, else the score of the {@code CVSSv3}
 * vector (null values are read as absent). Suppressed: entries of {@code filtered.ignore}, de-duplicated the same
 * way. The copies of issues under {@code remediation} are not counted. Kinds: SCA; CONTAINER for image projects
 * ({@code docker} block or a {@code docker-image|} project name); LICENSE when a licence issue is listed; IAC for
 * IaC results. A Snyk error document ({@code {"ok": false, "error": ...}}) is a parse error quoting it.
 */
public final class SnykJsonParser implements ReportParser {
    private static final String ID = "snyk-json";
    private static final ReportFormat FORMAT = ReportFormat.of(ID,
            "Snyk CLI JSON (test, --all-projects, container test, iac test)", ReportFormat.Family.JSON,
            EvidenceKind.SCA, EvidenceKind.IAC, EvidenceKind.CONTAINER, EvidenceKind.LICENSE);
    private static final String TOOL = "Snyk";

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
        if (json.has("ok") && json.has("vulnerabilities") && (json.has("packageManager")
                || json.has("dependencyCount") || json.has("uniqueCount") || json.has("projectName")
                || json.has("policy"))) {
            return LIKELY;
        }
        if (json.has("infrastructureAsCodeIssues")) {
            return LIKELY;
        }
        // a large project: "vulnerabilities" comes first and fills the sniffed prefix; its issues are Snyk's
        Set<String> issue = json.childKeys("vulnerabilities");
        if (issue.contains("packageName") && issue.contains("from") && (issue.contains("upgradePath")
                || issue.contains("isUpgradable") || issue.contains("severityWithCritical"))) {
            return LIKELY;
        }
        if (json.type() == Sniff.JsonShape.Type.OBJECT && json.has("ok", "error", "path")
                && json.value("error") != null && json.keys().size() <= 4) {
            return WEAK;
        }
        return NO;
    }

    @Override
    public Evidence parse(final ReportSource source) throws ParseException {
        String file = source.name();
        EvidenceCollector collector = new EvidenceCollector(ID, source).tool(TOOL);
        Scan scan = new Scan(collector);
        JsonWalk.read(source, ID, p -> {
            String error = null;
            JsonToken root = p.nextToken();
            if (root == JsonToken.START_ARRAY) {
                boolean any = false;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    Project project = scan.project(p, true);
                    if (project != null && project.error != null && error == null) {
                        error = project.error;
                    }
                    any |= project != null && project.isScan();
                }
                if (any) {
                    error = null; // projects that could not be tested do not void the others
                }
            }
            else if (root != JsonToken.VALUE_NULL) {
                JsonReports.expect(p, JsonToken.START_OBJECT, "a Snyk report object", file, ID);
                Project project = scan.project(p, true);
                if (!project.isScan()) {
                    if (project.error == null) {
                        throw new ParseException(file, ID, "not a Snyk report: no \"vulnerabilities\"");
                    }
                    error = project.error;
                }
            }
            if (error != null) {
                throw new ParseException(file, ID, "Snyk failed (error document, not a scan result): "
                        + error.strip());
            }
        });
        if (!scan.anyKind()) {
            collector.kind(EvidenceKind.SCA); // an empty array: nothing was found to test
        }
        return collector.build();
    }

    /** What one project object states. */
    private static final class Project {
        private boolean vulnerabilities;
        private boolean iac;
        private String error;

        boolean isScan() {
            return vulnerabilities || iac;
        }
    }

    /** State of one report while it is streamed. */
    private static final class Scan {
        private final EvidenceCollector collector;
        private boolean kinds;

        Scan(final EvidenceCollector collector) {
            this.collector = collector;
        }

        boolean anyKind() {
            return kinds;
        }

        /** Reads one project object (the parser is on it); null for anything that is not an object. */
        Project project(final JsonParser p, final boolean top) throws IOException, ParseException {
            if (!JsonWalk.enterObject(p)) {
                return null;
            }
            Project project = new Project();
            Set<String> seen = new HashSet<>();
            Set<String> ignored = new HashSet<>();
            List<String[]> iacIssues = new ArrayList<>();
            String[] info = new String[4]; // packageManager, projectName, targetFile, projectType
            boolean[] flags = new boolean[2]; // docker, license issue
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "vulnerabilities" -> project.vulnerabilities |= JsonWalk.items(p, item -> {
                        String[] v = issue(item);
                        if (v != null && seen.add(v[0] + '\u0000' + v[4] + '\u0000' + v[5])) {
                            flags[1] |= "license".equalsIgnoreCase(v[6]);
                            collector.openFinding(severity(v), v[0], v[1], v[4]);
                        }
                    });
                    case "infrastructureAsCodeIssues" -> project.iac |= JsonWalk.items(p, item -> {
                        String[] v = issue(item);
                        if (v != null) {
                            iacIssues.add(v);
                        }
                    });
                    case "filtered" -> JsonWalk.fields(p, (name, v) -> {
                        if ("ignore".equals(name)) {
                            JsonWalk.items(v, item -> {
                                String[] i = issue(item);
                                if (i != null && ignored.add(i[0] + '\u0000' + i[4] + '\u0000' + i[5])) {
                                    collector.suppressedFinding();
                                }
                            });
                        }
                        else {
                            v.skipChildren();
                        }
                    });
                    case "applications" -> JsonWalk.items(p, item -> project(item, false));
                    case "packageManager" -> info[0] = JsonReports.text(p);
                    case "projectName" -> info[1] = JsonReports.text(p);
                    case "targetFile", "displayTargetFile" -> info[2] = Values.firstNonBlank(info[2],
                            JsonReports.text(p));
                    case "projectType" -> info[3] = JsonReports.text(p);
                    case "docker" -> {
                        flags[0] = p.currentToken() == JsonToken.START_OBJECT;
                        p.skipChildren();
                    }
                    case "error" -> project.error = p.currentToken() == JsonToken.START_OBJECT
                            ? errorMessage(p) : JsonReports.text(p);
                    default -> p.skipChildren();
                }
            }
            for (String[] v : iacIssues) {
                collector.openFinding(severity(v), v[0], v[1], Values.firstNonBlank(v[7], info[2]));
            }
            if (!project.isScan()) {
                return project;
            }
            kinds = true;
            String manager = Values.firstNonBlank(info[3], info[0]);
            if (project.iac) {
                collector.kind(EvidenceKind.IAC);
                if (manager != null) {
                    collector.facet(Facets.fromIacFramework(manager.toLowerCase(Locale.ROOT).replace("config", "")));
                }
            }
            if (project.vulnerabilities) {
                collector.kind(EvidenceKind.SCA);
                collector.facet(ecosystemFacet(manager));
                boolean image = flags[0] || info[1] != null && info[1].startsWith("docker-image|");
                if (top && image) {
                    collector.kind(EvidenceKind.CONTAINER).facet(Facets.TARGET_IMAGE);
                }
            }
            if (flags[1]) {
                collector.kind(EvidenceKind.LICENSE);
            }
            return project;
        }

        /** The facet of a Snyk package manager ({@code npm}, {@code gomodules}, {@code debian:11}...), or null. */
        private static String ecosystemFacet(final String manager) {
            if (manager == null || manager.isBlank()) {
                return null;
            }
            String m = manager.strip().toLowerCase(Locale.ROOT);
            int colon = m.indexOf(':');
            m = colon > 0 ? m.substring(0, colon) : m;
            return switch (m) {
                case "linux" -> null;
                case "gomodules", "golangdep", "govendor" -> Facets.fromEcosystem("go");
                case "sbt" -> Facets.fromEcosystem("maven");
                case "paket" -> Facets.fromEcosystem("nuget");
                default -> Facets.fromEcosystem(m);
            };
        }

        private static String errorMessage(final JsonParser p) throws IOException, ParseException {
            String[] message = new String[1];
            JsonWalk.fields(p, (name, v) -> {
                if ("message".equals(name) || "summary".equals(name)) {
                    message[0] = Values.firstNonBlank(message[0], JsonReports.text(v));
                }
                else {
                    v.skipChildren();
                }
            });
            return Values.firstNonBlank(message[0], "unknown error");
        }

        private static Severity severity(final String[] v) {
            CvssScores scores = new CvssScores();
            scores.offer("3", JsonReports.parseNumber(v[3]));
            scores.offerVector(v[8]);
            return CvssScores.severity(v[2], scores);
        }

        /**
         * One issue: id, title, severity, cvssScore, package name, version, type, file (IaC), CVSSv3 vector;
         * null when the item is not an object.
         */
        private static String[] issue(final JsonParser p) throws IOException, ParseException {
            String[] v = new String[9];
            boolean read = JsonWalk.fields(p, (name, x) -> {
                switch (name) {
                    case "id" -> v[0] = JsonReports.text(x);
                    case "title" -> v[1] = JsonReports.text(x);
                    case "severity" -> v[2] = JsonReports.text(x);
                    case "cvssScore" -> {
                        double n = JsonReports.number(x);
                        v[3] = Double.isNaN(n) ? null : Double.toString(n);
                    }
                    case "packageName" -> v[4] = JsonReports.text(x);
                    case "name" -> v[4] = Values.firstNonBlank(v[4], JsonReports.text(x));
                    case "version" -> v[5] = JsonReports.text(x);
                    case "type" -> v[6] = JsonReports.text(x);
                    case "targetFile", "filePath", "path" -> v[7] = x.currentToken() == JsonToken.VALUE_STRING
                            ? Values.firstNonBlank(v[7], x.getText()) : skip(x, v[7]);
                    case "CVSSv3" -> v[8] = JsonReports.text(x);
                    default -> x.skipChildren();
                }
            });
            return read ? v : null;
        }

        private static String skip(final JsonParser p, final String keep) throws IOException {
            p.skipChildren();
            return keep;
        }
    }
}
