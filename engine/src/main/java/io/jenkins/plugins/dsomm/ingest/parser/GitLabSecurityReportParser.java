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
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * GitLab security reports, the {@code gl-*-report.json} files of GitLab's analyzers and of any tool that writes
 * GitLab's security report schemas (v14 and v15): {@code {"version", "schema", "scan": {"scanner": {"id", "name",
 * "version"}, "type", "status", "end_time", "messages"}, "vulnerabilities": [{"id", "name", "description",
 * "severity", "location", "identifiers": [{"type", "name", "value"}], "category" (v14)...}], "remediations",
 * "dependency_files"}}. Each vulnerability is an open finding.
 * <ul>
 *   <li>Kind from {@code scan.type}: sast → SAST, dependency_scanning → SCA, container_scanning and
 *       cluster_image_scanning → CONTAINER + SCA, secret_detection → SECRETS, dast, api_fuzzing and
 *       coverage_fuzzing → DAST. Without a scan type (v14 reports may have none), each vulnerability's
 *       {@code category}, else the shape of its location (an image: CONTAINER + SCA; a dependency: SCA; a host: DAST;
 *       a crash: DAST; a file: SAST); a report that tells none is SAST, GitLab's first report type.</li>
 *   <li>Severity: the {@code severity} word (Critical, High, Medium, Low, Info; Unknown → UNKNOWN).</li>
 *   <li>Rule: the value of the first identifier (GitLab's primary one: a CVE, a rule id), else {@code name}.
 *       Location: the dependency's package name (dependency and container scanning), else host + path (DAST),
 *       else the file, else the crash type (fuzzing).</li>
 *   <li>Tool: {@code scan.scanner.name} and {@code version}, else "GitLab security report"; time
 *       {@code scan.end_time}, else {@code start_time}. A v14 report names each vulnerability's {@code scanner}: one
 *       evidence per scanner named (an aggregated SAST report of ESLint, Bandit and TruffleHog is three tools).</li>
 *   <li>A report whose {@code scan.status} is {@code failure} is an error quoting the scan's messages: a failed
 *       scan is not a clean one.</li>
 * </ul>
 */
public final class GitLabSecurityReportParser implements ReportParser {
    private static final String ID = "gitlab-security-json";
    private static final ReportFormat FORMAT = ReportFormat.of(ID,
            "GitLab security report (SAST, dependency and container scanning, secret detection, DAST, API and "
                    + "coverage fuzzing; schemas v14 and v15)", ReportFormat.Family.JSON,
            EvidenceKind.SAST, EvidenceKind.SCA, EvidenceKind.DAST, EvidenceKind.SECRETS, EvidenceKind.CONTAINER);
    private static final String SCHEMAS = "security-report-schemas";
    private static final Set<String> VULNERABILITY_KEYS = Set.of("identifiers", "location", "severity");

    @Override
    public ReportFormat format() {
        return FORMAT;
    }

    @Override
    public int detect(final Sniff sniff) {
        Sniff.JsonShape json = sniff.jsonObject();
        if (json == null) {
            return NO;
        }
        String schema = json.value("schema");
        if (schema != null && schema.contains(SCHEMAS)) {
            return CERTAIN;
        }
        Set<String> scan = json.childKeys("scan");
        if (json.has("vulnerabilities") && scan.contains("scanner") && scan.contains("type")) {
            return CERTAIN;
        }
        if (json.has("vulnerabilities") && json.childKeys("vulnerabilities").containsAll(VULNERABILITY_KEYS)) {
            return LIKELY;
        }
        if (json.has("version", "vulnerabilities", "remediations")
                || json.has("version", "scan") && scan.contains("scanner") && scan.contains("type")) {
            return LIKELY;
        }
        return NO;
    }

    @Override
    public Evidence parse(final ReportSource source) throws ParseException {
        return ManyTools.merged(parseAll(source));
    }

    @Override
    public List<Evidence> parseAll(final ReportSource source) throws ParseException {
        String file = source.name();
        Read read = new Read(source);
        JsonWalk.read(source, ID, p -> {
            p.nextToken();
            JsonReports.expect(p, JsonToken.START_OBJECT, "a GitLab security report object", file, ID);
            JsonWalk.fields(p, (name, value) -> {
                switch (name) {
                    case "scan" -> read.scan(value);
                    case "vulnerabilities" -> {
                        read.sawVulnerabilities = true;
                        if (value.currentToken() != JsonToken.VALUE_NULL) {
                            JsonReports.expect(value, JsonToken.START_ARRAY, "an array of vulnerabilities", file, ID);
                            JsonWalk.objects(value, read::vulnerability);
                        }
                    }
                    default -> value.skipChildren();
                }
            });
        });
        if ("failure".equalsIgnoreCase(read.status)) {
            throw new ParseException(file, ID, "the scan failed (scan.status \"failure\"): "
                    + (read.messages.isEmpty() ? "no message given" : String.join("; ", read.messages)));
        }
        if (!read.sawVulnerabilities) {
            throw new ParseException(file, ID, "not a GitLab security report: no \"vulnerabilities\"");
        }
        return read.build();
    }

    /**
     * The state of one read: the scan's facts (which may come after the vulnerabilities) and the findings, by the
     * scanner a v14 vulnerability names (the empty name: the scan's scanner).
     */
    private static final class Read {
        private final ReportSource source;
        private final Map<String, Tool> tools = new LinkedHashMap<>();
        private final List<String> messages = new ArrayList<>();
        private boolean sawVulnerabilities;
        private String type;
        private String status;
        private String scanner;
        private String scannerVersion;
        private String end;
        private String start;

        Read(final ReportSource source) {
            this.source = source;
        }

        private Tool tool(final String name) {
            return tools.computeIfAbsent(name == null ? "" : name.trim(),
                    n -> new Tool(new EvidenceCollector(ID, source), EnumSet.noneOf(EvidenceKind.class)));
        }

        void scan(final JsonParser p) throws IOException, ParseException {
            JsonWalk.fields(p, (name, v) -> {
                switch (name) {
                    case "type" -> type = JsonReports.text(v);
                    case "status" -> status = JsonReports.text(v);
                    case "end_time" -> end = JsonReports.text(v);
                    case "start_time" -> start = JsonReports.text(v);
                    case "scanner" -> JsonWalk.fields(v, (key, s) -> {
                        switch (key) {
                            case "name" -> scanner = JsonReports.text(s);
                            case "version" -> scannerVersion = JsonReports.text(s);
                            default -> s.skipChildren();
                        }
                    });
                    case "messages" -> JsonWalk.objects(v, m -> {
                        String value = JsonWalk.property(m, "value");
                        if (value != null && messages.size() < 5) {
                            messages.add(EvidenceCollector.keptTitle(value));
                        }
                    });
                    default -> v.skipChildren();
                }
            });
        }

        void vulnerability(final JsonParser p) throws IOException, ParseException {
            String[] f = new String[5]; // name, severity, first identifier value, category, v14 scanner name
            String[] at = new String[7]; // file, package, hostname, path, image, crash type, operating system
            JsonWalk.fields(p, (name, v) -> {
                switch (name) {
                    case "name" -> f[0] = JsonReports.text(v);
                    case "message" -> f[0] = f[0] == null ? JsonReports.text(v) : f[0];
                    case "severity" -> f[1] = JsonReports.text(v);
                    case "identifiers" -> JsonWalk.objects(v, identifier -> {
                        String value = JsonWalk.property(identifier, "value");
                        f[2] = f[2] == null ? value : f[2];
                    });
                    case "category" -> f[3] = JsonReports.text(v);
                    case "scanner" -> f[4] = JsonWalk.property(v, "name");
                    case "location" -> location(v, at);
                    default -> v.skipChildren();
                }
            });
            Tool tool = tool(f[4]);
            EvidenceCollector collector = tool.collector();
            tool.inferred().addAll(f[3] != null ? kindsOf(f[3]) : kindsOfLocation(at));
            String location;
            if (at[1] != null) {
                location = at[1];
            }
            else if (at[2] != null) {
                location = at[2] + (at[3] == null ? "" : at[3]);
            }
            else {
                location = Values.firstNonBlank(at[0], at[5]);
            }
            if (at[0] != null) {
                collector.path(at[0]);
            }
            collector.openFinding(Severity.fromWord(f[1]), Values.firstNonBlank(f[2], f[0]), f[0], location);
        }

        private static void location(final JsonParser p, final String[] at) throws IOException, ParseException {
            JsonWalk.fields(p, (name, v) -> {
                switch (name) {
                    case "file" -> at[0] = blankToNull(JsonReports.text(v));
                    case "dependency" -> JsonWalk.fields(v, (key, d) -> {
                        if ("package".equals(key)) {
                            at[1] = blankToNull(JsonWalk.property(d, "name"));
                        }
                        else {
                            d.skipChildren();
                        }
                    });
                    case "hostname" -> at[2] = blankToNull(JsonReports.text(v));
                    case "path" -> at[3] = blankToNull(JsonReports.text(v));
                    case "image" -> at[4] = blankToNull(JsonReports.text(v));
                    case "crash_type" -> at[5] = blankToNull(JsonReports.text(v));
                    case "operating_system" -> at[6] = blankToNull(JsonReports.text(v));
                    default -> v.skipChildren();
                }
            });
        }

        List<Evidence> build() {
            if (tools.isEmpty()) {
                tool(null);
            }
            List<Evidence> all = new ArrayList<>();
            for (Map.Entry<String, Tool> t : tools.entrySet()) {
                EvidenceCollector collector = t.getValue().collector();
                String name = t.getKey().isEmpty() ? null : t.getKey();
                collector.tool(Values.firstNonBlank(name, scanner, "GitLab security report"));
                if (scanner != null && (name == null || name.equalsIgnoreCase(scanner.trim()))) {
                    collector.toolVersion(scannerVersion);
                }
                collector.producedAt(end);
                collector.producedAt(start);
                Set<EvidenceKind> kinds = type != null && !kindsOf(type).isEmpty() ? kindsOf(type)
                        : t.getValue().inferred();
                if (kinds.isEmpty()) {
                    kinds = EnumSet.of(EvidenceKind.SAST);
                }
                kinds.forEach(collector::kind);
                if (kinds.contains(EvidenceKind.CONTAINER)) {
                    collector.facet(Facets.TARGET_IMAGE);
                }
                all.add(collector.build());
            }
            return all;
        }
    }

    /** The findings of one scanner and the kinds its vulnerabilities show. */
    private record Tool(EvidenceCollector collector, Set<EvidenceKind> inferred) {
    }

    private static String blankToNull(final String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** The kinds of a scan type or vulnerability category; none for one GitLab does not define. */
    static Set<EvidenceKind> kindsOf(final String type) {
        return switch (type.trim().toLowerCase(Locale.ROOT)) {
            case "sast" -> EnumSet.of(EvidenceKind.SAST);
            case "dependency_scanning" -> EnumSet.of(EvidenceKind.SCA);
            case "container_scanning", "cluster_image_scanning" -> EnumSet.of(EvidenceKind.CONTAINER, EvidenceKind.SCA);
            case "secret_detection" -> EnumSet.of(EvidenceKind.SECRETS);
            case "dast", "api_fuzzing", "coverage_fuzzing" -> EnumSet.of(EvidenceKind.DAST);
            default -> EnumSet.noneOf(EvidenceKind.class);
        };
    }

    private static Set<EvidenceKind> kindsOfLocation(final String[] at) {
        if (at[4] != null || at[6] != null) {
            return EnumSet.of(EvidenceKind.CONTAINER, EvidenceKind.SCA);
        }
        if (at[1] != null) {
            return EnumSet.of(EvidenceKind.SCA);
        }
        if (at[2] != null || at[5] != null) {
            return EnumSet.of(EvidenceKind.DAST);
        }
        return at[0] != null ? EnumSet.of(EvidenceKind.SAST) : EnumSet.noneOf(EvidenceKind.class);
    }
}
