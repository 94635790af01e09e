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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * OSV-Scanner's JSON output ({@code osv-scanner --format json}, v1 and v2): {@code results[]} (one per scanned
 * source) → {@code packages[]} → {@code vulnerabilities[]} and {@code groups[]}. A finding is one group per
 * package ({@code groups} aggregate a vulnerability and its aliases, e.g. a GHSA and a PYSEC entry); when a
 * package has no groups (old versions), every vulnerability is one. Rule: the group's first id; located at the
 * package name (the commit for git sources). Severity: the worst {@code database_specific.severity} word of the
 * group's vulnerabilities; else the group's {@code max_severity} score; else the highest CVSS base score of their
 * {@code severity[]} entries (numeric scores, or v2/v3 vectors computed; a CVSS v4 vector alone gives UNKNOWN).
 * Suppressed: groups whose call analysis says no vulnerability of the group is called, or that it is unimportant.
 * A package with {@code license_violations} is one LICENSE finding of unknown severity. An empty file given
 * explicitly is a scan without findings (osv-scanner writes nothing in some modes).
 */
public final class OsvScannerJsonParser implements ReportParser {
    private static final String ID = "osv-scanner-json";
    private static final ReportFormat FORMAT = ReportFormat.of(ID,
            "OSV-Scanner JSON", ReportFormat.Family.JSON, EvidenceKind.SCA, EvidenceKind.CONTAINER,
            EvidenceKind.LICENSE);
    private static final String TOOL = "osv-scanner";

    @Override
    public ReportFormat format() {
        return FORMAT;
    }

    @Override
    public boolean emptyMeansNoFindings() {
        return true;
    }

    @Override
    public int detect(final Sniff sniff) {
        Sniff.JsonShape json = sniff.jsonObject();
        if (json == null || !json.has("results")) {
            return NO;
        }
        Set<String> result = json.childKeys("results");
        if (result.contains("packages") && (result.contains("source") || result.contains("packageSource"))) {
            return LIKELY;
        }
        return json.has("experimental_config") ? LIKELY : NO;
    }

    @Override
    public Evidence parse(final ReportSource source) throws ParseException {
        String file = source.name();
        EvidenceCollector collector = new EvidenceCollector(ID, source).tool(TOOL);
        Scan scan = new Scan(collector);
        JsonWalk.read(source, ID, p -> {
            JsonToken root = p.nextToken();
            if (root != null) { // an empty file: osv-scanner found nothing
                JsonReports.expect(p, JsonToken.START_OBJECT, "an OSV-Scanner report object", file, ID);
                boolean sawResults = false;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    p.nextToken();
                    switch (field) {
                        case "results" -> sawResults |= JsonWalk.items(p, scan::result);
                        case "image_metadata" -> {
                            scan.image = p.currentToken() == JsonToken.START_OBJECT;
                            p.skipChildren();
                        }
                        default -> p.skipChildren();
                    }
                }
                if (!sawResults) {
                    throw new ParseException(file, ID, "not an OSV-Scanner report: no \"results\" array");
                }
            }
        });
        collector.kind(EvidenceKind.SCA);
        if (scan.image || scan.osPackages) {
            collector.kind(EvidenceKind.CONTAINER);
        }
        if (scan.image) {
            collector.facet(Facets.TARGET_IMAGE);
        }
        if (scan.licenses) {
            collector.kind(EvidenceKind.LICENSE);
        }
        return collector.build();
    }

    /** What a vulnerability states about itself. */
    private static final class Vuln {
        private String id;
        private String summary;
        private String word;
        private final CvssScores scores = new CvssScores();
    }

    /** A group of aliases, with its call analysis. */
    private static final class Group {
        private final List<String> ids = new ArrayList<>();
        private String maxSeverity;
        private boolean analysed;
        private boolean called;
        private boolean unimportant;
    }

    /** State of one report while it is streamed. */
    private static final class Scan {
        private final EvidenceCollector collector;
        private boolean image;
        private boolean osPackages;
        private boolean licenses;

        Scan(final EvidenceCollector collector) {
            this.collector = collector;
        }

        /** One entry of {@code results}: {@code source} (v1.0: {@code packageSource}) and {@code packages}. */
        void result(final JsonParser p) throws IOException, ParseException {
            if (!JsonWalk.enterObject(p)) {
                return;
            }
            String[] sourcePath = {null};
            List<Runnable> packages = new ArrayList<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "source", "packageSource" -> JsonWalk.fields(p, (name, v) -> {
                        switch (name) {
                            case "path" -> sourcePath[0] = JsonReports.text(v);
                            case "type" -> osPackages |= "os".equalsIgnoreCase(JsonReports.text(v));
                            default -> v.skipChildren();
                        }
                    });
                    case "packages" -> JsonWalk.items(p, item -> {
                        Runnable emit = pkg(item, sourcePath);
                        if (emit != null) {
                            packages.add(emit);
                        }
                    });
                    default -> p.skipChildren();
                }
            }
            packages.forEach(Runnable::run);
        }

        /** Reads one package; returns what counts its findings once the source path is known. */
        private Runnable pkg(final JsonParser p, final String[] sourcePath) throws IOException, ParseException {
            if (!JsonWalk.enterObject(p)) {
                return null;
            }
            String[] info = new String[3]; // name, ecosystem, commit
            Map<String, Vuln> vulns = new LinkedHashMap<>();
            List<Group> groups = new ArrayList<>();
            List<String> violations = new ArrayList<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "package" -> JsonWalk.fields(p, (name, v) -> {
                        switch (name) {
                            case "name" -> info[0] = JsonReports.text(v);
                            case "ecosystem" -> info[1] = JsonReports.text(v);
                            case "commit" -> info[2] = JsonReports.text(v);
                            default -> v.skipChildren();
                        }
                    });
                    case "vulnerabilities" -> JsonWalk.items(p, item -> {
                        Vuln v = vuln(item);
                        if (v != null) {
                            vulns.putIfAbsent(v.id == null ? "#" + vulns.size() : v.id, v);
                        }
                    });
                    case "groups" -> JsonWalk.items(p, item -> {
                        Group g = group(item);
                        if (g != null) {
                            groups.add(g);
                        }
                    });
                    case "license_violations" -> violations.addAll(JsonWalk.strings(p));
                    default -> p.skipChildren();
                }
            }
            return () -> emit(info, sourcePath[0], vulns, groups, violations);
        }

        private void emit(final String[] info, final String sourcePath, final Map<String, Vuln> vulns,
                final List<Group> groups, final List<String> violations) {
            String location = Values.firstNonBlank(info[0], info[2], sourcePath);
            Set<String> grouped = new HashSet<>();
            for (Group g : groups) {
                grouped.addAll(g.ids);
                if (g.analysed && !g.called || g.unimportant) {
                    collector.suppressedFinding();
                    continue;
                }
                Vuln first = g.ids.isEmpty() ? null : vulns.get(g.ids.get(0));
                collector.openFinding(severity(g, vulns), g.ids.isEmpty() ? null : g.ids.get(0),
                        first == null ? null : first.summary, location);
            }
            for (Map.Entry<String, Vuln> e : vulns.entrySet()) {
                if (!grouped.contains(e.getKey())) {
                    Vuln v = e.getValue();
                    collector.openFinding(CvssScores.severity(v.word, v.scores), v.id, v.summary, location);
                }
            }
            if (!violations.isEmpty()) {
                licenses = true;
                collector.openFinding(Severity.UNKNOWN, "license-violation", "license violation: "
                        + String.join(", ", violations), location);
            }
            collector.facet(ecosystemFacet(info[1]));
        }

        /** The facet of an OSV ecosystem ({@code PyPI}, {@code Packagist}, {@code Debian:12}...), or null. */
        private static String ecosystemFacet(final String ecosystem) {
            if (ecosystem == null || ecosystem.isBlank()) {
                return null;
            }
            String e = ecosystem.strip();
            int colon = e.indexOf(':');
            e = (colon > 0 ? e.substring(0, colon) : e).toLowerCase(Locale.ROOT);
            return Facets.fromEcosystem(switch (e) {
                case "packagist" -> "composer";
                case "red hat" -> "redhat";
                case "rocky linux" -> "rocky";
                case "almalinux" -> "alma";
                default -> e;
            });
        }

        /** The worst stated word of the group's vulnerabilities, else max_severity, else the best CVSS score. */
        private static Severity severity(final Group g, final Map<String, Vuln> vulns) {
            Severity worst = null;
            double score = Double.NaN;
            for (String id : g.ids) {
                Vuln v = vulns.get(id);
                if (v == null) {
                    continue;
                }
                if (v.word != null && !v.word.isBlank()) {
                    Severity s = Severity.fromWord(v.word);
                    if (worst == null || s.isAtLeast(worst)) {
                        worst = s;
                    }
                }
                double best = v.scores.best();
                if (!Double.isNaN(best) && (Double.isNaN(score) || best > score)) {
                    score = best;
                }
            }
            if (worst != null) {
                return worst;
            }
            double max = JsonReports.parseNumber(g.maxSeverity);
            return Severity.fromScore(Double.isNaN(max) ? score : max);
        }

        private static Vuln vuln(final JsonParser p) throws IOException, ParseException {
            Vuln v = new Vuln();
            boolean read = JsonWalk.fields(p, (name, value) -> {
                switch (name) {
                    case "id" -> v.id = JsonReports.text(value);
                    case "summary" -> v.summary = JsonReports.text(value);
                    case "database_specific" -> JsonWalk.fields(value, (field, x) -> {
                        if ("severity".equals(field)) {
                            v.word = JsonReports.text(x);
                        }
                        else {
                            x.skipChildren();
                        }
                    });
                    case "severity" -> JsonWalk.items(value, item -> severityEntry(item, v.scores));
                    default -> value.skipChildren();
                }
            });
            return read ? v : null;
        }

        private static Group group(final JsonParser p) throws IOException, ParseException {
            Group g = new Group();
            boolean read = JsonWalk.fields(p, (name, value) -> {
                switch (name) {
                    case "ids" -> g.ids.addAll(JsonWalk.strings(value));
                    case "max_severity" -> g.maxSeverity = JsonReports.text(value);
                    case "experimental_analysis", "experimentalAnalysis" -> JsonWalk.fields(value, (id, a) -> {
                        g.analysed |= a.currentToken() == JsonToken.START_OBJECT;
                        JsonWalk.fields(a, (field, x) -> {
                            if ("called".equals(field)) {
                                g.called |= x.currentToken() == JsonToken.VALUE_TRUE;
                            }
                            else if ("unimportant".equals(field)) {
                                g.unimportant |= x.currentToken() == JsonToken.VALUE_TRUE;
                            }
                            x.skipChildren();
                        });
                    });
                    default -> value.skipChildren();
                }
            });
            return read ? g : null;
        }
    }

    /** One entry of an OSV {@code severity[]}: {@code type} (CVSS_V2/V3/V4) and {@code score} (vector or number). */
    private static void severityEntry(final JsonParser p, final CvssScores scores) throws IOException, ParseException {
        String[] entry = new String[2]; // type, score
        JsonWalk.fields(p, (name, v) -> {
            switch (name) {
                case "type" -> entry[0] = JsonReports.text(v);
                case "score" -> entry[1] = JsonReports.text(v);
                default -> v.skipChildren();
            }
        });
        if (entry[1] == null) {
            return;
        }
        double n = JsonReports.parseNumber(entry[1]);
        if (Double.isNaN(n)) {
            scores.offerVector(entry[1]);
        }
        else if (entry[0] != null) {
            scores.offer(entry[0], n);
        }
    }
}
