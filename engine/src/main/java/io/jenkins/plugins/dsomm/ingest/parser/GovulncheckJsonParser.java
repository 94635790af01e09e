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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * govulncheck JSON ({@code govulncheck -json}, protocol v1): a stream of messages, {@code {"config": {"scanner_name",
 * "scanner_version", "scan_level"}}}, {@code {"progress"}}, {@code {"SBOM"}}, {@code {"osv": {OSV entry}}} and
 * {@code {"finding": {"osv", "fixed_version", "trace": [{"module", "version", "package", "function"}]}}}, one after
 * the other (also as one array); and the single object of govulncheck before 1.0 ({@code {"Vulns": [{"OSV",
 * "ModPath", "CallSink"}], "Calls", "Imports", "Requires", "Modules"}}). SCA, ecosystem Go.
 *
 * <p>The unit is a vulnerability (OSV id) in a module: govulncheck writes several findings for one, at module,
 * package and function level. It is open when a finding reaches the scan's level ({@code scan_level}, symbol when
 * unstated: a vulnerable function is called; package: a vulnerable package is imported; module: the module is
 * required), and suppressed otherwise: govulncheck itself says the code is not affected. Before 1.0: open when an
 * entry of the pair has a {@code CallSink}. Rule: the OSV id, located at the module path, titled by the OSV's
 * {@code summary}. Severity: the OSV's {@code severity} word where a database writes one, else its CVSS vectors;
 * the Go vulnerability database states neither, so usually UNKNOWN. Tool "govulncheck" ({@code scanner_name}),
 * version {@code scanner_version}; no time stated. OSV entries without a finding are advisories about modules in the
 * build graph that the scan found unaffected: no finding.
 */
public final class GovulncheckJsonParser implements ReportParser {
    private static final String ID = "govulncheck-json";
    private static final ReportFormat FORMAT = ReportFormat.of(ID,
            "govulncheck JSON (streamed messages; also the pre-1.0 result)", ReportFormat.Family.JSON_LINES,
            EvidenceKind.SCA);
    private static final int MAX_KEPT = 100_000;

    @Override
    public ReportFormat format() {
        return FORMAT;
    }

    @Override
    public int detect(final Sniff sniff) {
        Sniff.JsonShape json = sniff.json();
        if (json == null) {
            return NO;
        }
        var config = json.childKeys("config");
        if (json.has("config") && (config.contains("scanner_name") || config.contains("protocol_version"))) {
            return CERTAIN;
        }
        return json.type() == Sniff.JsonShape.Type.OBJECT && json.has("Vulns")
                && (json.has("Modules") || json.has("Requires") || json.has("Calls")) ? LIKELY : NO;
    }

    @Override
    public Evidence parse(final ReportSource source) throws ParseException {
        String file = source.name();
        EvidenceCollector collector = new EvidenceCollector(ID, source).kind(EvidenceKind.SCA)
                .facet(Facets.fromEcosystem("go"));
        Scan scan = new Scan();
        JsonWalk.read(source, ID, p -> {
            JsonToken root = p.nextToken();
            if (root == JsonToken.START_OBJECT) {
                boolean legacy = scan.message(p, collector);
                while (!legacy && p.nextToken() != null) {
                    JsonReports.expect(p, JsonToken.START_OBJECT, "a govulncheck message object", file, ID);
                    scan.message(p, collector);
                }
            }
            else {
                JsonReports.expect(p, JsonToken.START_ARRAY, "govulncheck messages", file, ID);
                JsonWalk.objectsToEnd(p, "a govulncheck message object", file, ID, m -> scan.message(m, collector));
            }
        });
        if (!scan.recognised) {
            throw new ParseException(file, ID, "not govulncheck output: no \"config\", \"osv\" or \"finding\" message");
        }
        scan.finish(collector);
        collector.tool("govulncheck");
        return collector.build();
    }

    /** What the messages said: the OSV entries' titles and severities, and each vulnerable module's deepest level. */
    private static final class Scan {
        private boolean recognised;
        private String level = "symbol";
        private final Map<String, String[]> osv = new HashMap<>(); // id -> summary, severity
        private final Map<String, Integer> reached = new LinkedHashMap<>(); // osv + NUL + module -> deepest level

        /** Reads one message; true when it was the whole pre-1.0 result. */
        boolean message(final JsonParser p, final EvidenceCollector collector) throws IOException, ParseException {
            boolean[] legacy = new boolean[1];
            JsonWalk.fields(p, (name, v) -> {
                switch (name) {
                    case "config" -> {
                        recognised = true;
                        JsonWalk.fields(v, (key, x) -> {
                            switch (key) {
                                case "scanner_name" -> collector.tool(JsonReports.text(x));
                                case "scanner_version" -> collector.toolVersion(JsonReports.text(x));
                                case "scan_level" -> {
                                    String l = JsonReports.text(x);
                                    level = l == null ? level : l.trim().toLowerCase(Locale.ROOT);
                                }
                                default -> x.skipChildren();
                            }
                        });
                    }
                    case "osv" -> {
                        recognised = true;
                        readOsv(v);
                    }
                    case "finding" -> {
                        recognised = true;
                        readFinding(v);
                    }
                    case "Vulns" -> {
                        recognised = true;
                        legacy[0] = true;
                        JsonWalk.objects(v, this::readLegacyVuln);
                    }
                    default -> v.skipChildren();
                }
            });
            return legacy[0];
        }

        private void readOsv(final JsonParser p) throws IOException, ParseException {
            String[] o = new String[3]; // id, summary, severity word
            CvssScores scores = new CvssScores();
            JsonWalk.fields(p, (name, v) -> {
                switch (name) {
                    case "id" -> o[0] = JsonReports.text(v);
                    case "summary" -> o[1] = JsonReports.text(v);
                    case "severity" -> {
                        if (v.currentToken() == JsonToken.START_ARRAY) {
                            JsonWalk.objects(v, s -> scores.offerVector(JsonWalk.property(s, "score")));
                        }
                        else {
                            o[2] = JsonReports.text(v);
                        }
                    }
                    case "database_specific" -> {
                        String word = JsonWalk.property(v, "severity");
                        o[2] = o[2] == null ? word : o[2];
                    }
                    default -> v.skipChildren();
                }
            });
            if (o[0] != null && osv.size() < MAX_KEPT) {
                osv.put(o[0], new String[] {o[1], CvssScores.severity(o[2], scores).name()});
            }
        }

        private void readFinding(final JsonParser p) throws IOException, ParseException {
            String[] f = new String[1];
            String[] frame = new String[3]; // module, package, function of the first (deepest) frame
            JsonWalk.fields(p, (name, v) -> {
                switch (name) {
                    case "osv" -> f[0] = JsonReports.text(v);
                    case "trace" -> {
                        boolean[] first = {true};
                        JsonWalk.objects(v, t -> {
                            if (!first[0]) {
                                return;
                            }
                            first[0] = false;
                            JsonWalk.fields(t, (key, x) -> {
                                switch (key) {
                                    case "module" -> frame[0] = JsonReports.text(x);
                                    case "package" -> frame[1] = JsonReports.text(x);
                                    case "function" -> frame[2] = JsonReports.text(x);
                                    default -> x.skipChildren();
                                }
                            });
                        });
                    }
                    default -> v.skipChildren();
                }
            });
            int depth = !blank(frame[2]) ? 3 : !blank(frame[1]) ? 2 : 1;
            reach(f[0], frame[0], depth);
        }

        private void readLegacyVuln(final JsonParser p) throws IOException, ParseException {
            String[] v = new String[3]; // osv id, summary, module
            boolean[] called = new boolean[1];
            JsonWalk.fields(p, (name, x) -> {
                switch (name) {
                    case "OSV" -> JsonWalk.fields(x, (key, o) -> {
                        switch (key) {
                            case "id" -> v[0] = JsonReports.text(o);
                            case "summary" -> v[1] = JsonReports.text(o);
                            default -> o.skipChildren();
                        }
                    });
                    case "ModPath" -> v[2] = JsonReports.text(x);
                    case "CallSink" -> {
                        double sink = JsonReports.number(x);
                        called[0] = !Double.isNaN(sink) && sink != 0;
                    }
                    default -> x.skipChildren();
                }
            });
            if (v[0] != null && !osv.containsKey(v[0]) && osv.size() < MAX_KEPT) {
                osv.put(v[0], new String[] {v[1], Severity.UNKNOWN.name()});
            }
            reach(v[0], v[2], called[0] ? 3 : 1);
        }

        private void reach(final String id, final String module, final int depth) {
            String key = (id == null ? "" : id) + '\u0000' + (module == null ? "" : module);
            if (reached.containsKey(key) || reached.size() < MAX_KEPT) {
                reached.merge(key, depth, Math::max);
            }
        }

        void finish(final EvidenceCollector collector) {
            int needed = switch (level) {
                case "module" -> 1;
                case "package" -> 2;
                default -> 3;
            };
            for (Map.Entry<String, Integer> e : reached.entrySet()) {
                int nul = e.getKey().indexOf('\u0000');
                String id = e.getKey().substring(0, nul);
                String module = e.getKey().substring(nul + 1);
                if (e.getValue() < needed) {
                    collector.suppressedFinding(); // govulncheck: the code does not reach it
                    continue;
                }
                String[] o = osv.getOrDefault(id, new String[] {null, Severity.UNKNOWN.name()});
                collector.openFinding(Severity.valueOf(o[1]), id, Values.firstNonBlank(o[0], id), module);
            }
        }

        private static boolean blank(final String s) {
            return s == null || s.isBlank();
        }
    }
}
