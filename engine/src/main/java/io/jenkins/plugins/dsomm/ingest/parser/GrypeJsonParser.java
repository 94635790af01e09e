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
 * Grype's JSON report ({@code grype -o json}), current and 0.7-era layouts. A finding is every entry of
 * {@code matches} (rule {@code vulnerability.id}, located at {@code artifact.name}); entries of
 * {@code ignoredMatches} are suppressed. Severity: the stated {@code vulnerability.severity} word
 * (Negligible → INFO, Unknown → UNKNOWN); when the match states none, the highest-version score of
 * {@code vulnerability.cvss[]} ({@code metrics.baseScore}; 0.7: {@code cvssV3.baseScore}, {@code cvssV2.baseScore});
 * when it has neither, the first related vulnerability's severity word, else its score. Kinds: SCA, and CONTAINER
 * for {@code source.type} image. Tool and version from {@code descriptor}, time from {@code descriptor.timestamp}.
 */
public final class GrypeJsonParser implements ReportParser {
    private static final String ID = "grype-json";
    private static final ReportFormat FORMAT = ReportFormat.of(ID,
            "Grype JSON", ReportFormat.Family.JSON, EvidenceKind.SCA, EvidenceKind.CONTAINER);
    private static final Set<String> NO_ECOSYSTEM = Set.of("binary", "generic", "unknown", "unknownpackage", "");

    @Override
    public ReportFormat format() {
        return FORMAT;
    }

    @Override
    public int detect(final Sniff sniff) {
        Sniff.JsonShape json = sniff.jsonObject();
        if (json == null || !json.has("matches")) {
            return NO;
        }
        Set<String> match = json.childKeys("matches");
        if (match.contains("vulnerability") && match.contains("artifact")) {
            return LIKELY;
        }
        Set<String> descriptor = json.childKeys("descriptor");
        if (descriptor.contains("name") && (json.has("source") || json.has("distro"))) {
            return LIKELY;
        }
        return NO;
    }

    @Override
    public Evidence parse(final ReportSource source) throws ParseException {
        String file = source.name();
        EvidenceCollector collector = new EvidenceCollector(ID, source);
        String[] sourceType = new String[1];
        String[] tool = new String[2];
        JsonWalk.read(source, ID, p -> {
            boolean sawMatches = false;
            p.nextToken();
            JsonReports.expect(p, JsonToken.START_OBJECT, "a Grype report object", file, ID);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "matches" -> {
                        sawMatches = true;
                        JsonWalk.items(p, item -> match(item, collector));
                    }
                    case "ignoredMatches" -> {
                        int n = JsonWalk.count(p);
                        for (int i = 0; i < n; i++) {
                            collector.suppressedFinding();
                        }
                    }
                    case "source" -> JsonWalk.fields(p, (name, v) -> {
                        if ("type".equals(name)) {
                            sourceType[0] = JsonReports.text(v);
                        }
                        else {
                            v.skipChildren();
                        }
                    });
                    case "descriptor" -> JsonWalk.fields(p, (name, v) -> {
                        switch (name) {
                            case "name" -> tool[0] = JsonReports.text(v);
                            case "version" -> tool[1] = JsonReports.text(v);
                            case "timestamp" -> collector.producedAt(JsonReports.text(v));
                            default -> v.skipChildren();
                        }
                    });
                    default -> p.skipChildren();
                }
            }
            if (!sawMatches) {
                throw new ParseException(file, ID, "not a Grype report: no \"matches\" array");
            }
        });
        collector.tool(Values.firstNonBlank(tool[0], "grype")).toolVersion(tool[1]);
        collector.kind(EvidenceKind.SCA);
        if (sourceType[0] != null && sourceType[0].trim().equalsIgnoreCase("image")) {
            collector.kind(EvidenceKind.CONTAINER).facet(Facets.TARGET_IMAGE);
        }
        return collector.build();
    }

    /** What a vulnerability object states about severity. */
    private static final class Vulnerability {
        private String id;
        private String severity;
        private String description;
        private final CvssScores scores = new CvssScores();

        boolean statesSeverity() {
            return severity != null && !severity.isBlank() || scores.any();
        }
    }

    private static void match(final JsonParser p, final EvidenceCollector collector) throws IOException, ParseException {
        if (!JsonWalk.enterObject(p)) {
            return;
        }
        Vulnerability[] vulnerability = {null};
        Vulnerability[] related = {null};
        String[] artifact = new String[3]; // name, type, purl
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "vulnerability" -> vulnerability[0] = vulnerability(p);
                case "relatedVulnerabilities" -> JsonWalk.items(p, item -> {
                    Vulnerability v = vulnerability(item);
                    if (related[0] == null && v != null && v.statesSeverity()) {
                        related[0] = v;
                    }
                });
                case "artifact" -> JsonWalk.fields(p, (name, v) -> {
                    switch (name) {
                        case "name" -> artifact[0] = JsonReports.text(v);
                        case "type" -> artifact[1] = JsonReports.text(v);
                        case "purl" -> artifact[2] = JsonReports.text(v);
                        default -> v.skipChildren();
                    }
                });
                default -> p.skipChildren();
            }
        }
        Vulnerability v = vulnerability[0] == null ? new Vulnerability() : vulnerability[0];
        Vulnerability basis = v.statesSeverity() || related[0] == null ? v : related[0];
        Severity severity = CvssScores.severity(basis.severity, basis.scores);
        collector.openFinding(severity, v.id, v.description, Values.firstNonBlank(artifact[0], artifact[2]));
        String facet = Facets.fromPurl(artifact[2]);
        if (facet == null && artifact[1] != null && !NO_ECOSYSTEM.contains(artifact[1].toLowerCase(Locale.ROOT))) {
            facet = Facets.fromEcosystem(artifact[1]);
        }
        if (facet != null && !NO_ECOSYSTEM.contains(facet.substring(facet.indexOf(':') + 1))) {
            collector.facet(facet);
        }
    }

    /** Reads a vulnerability object (current or 0.7 layout); null when the value is not an object. */
    private static Vulnerability vulnerability(final JsonParser p) throws IOException, ParseException {
        Vulnerability v = new Vulnerability();
        boolean read = JsonWalk.fields(p, (name, value) -> {
            switch (name) {
                case "id" -> v.id = JsonReports.text(value);
                case "severity" -> v.severity = JsonReports.text(value);
                case "description" -> v.description = JsonReports.text(value);
                case "cvss" -> JsonWalk.items(value, item -> cvss(item, v.scores));
                case "cvssV3" -> legacyCvss(value, "3", v.scores);
                case "cvssV2" -> legacyCvss(value, "2", v.scores);
                default -> value.skipChildren();
            }
        });
        return read ? v : null;
    }

    /** One entry of {@code cvss[]}: {@code version}, {@code vector}, {@code metrics.baseScore}. */
    private static void cvss(final JsonParser p, final CvssScores scores) throws IOException, ParseException {
        String[] version = new String[2]; // version, vector
        double[] score = {Double.NaN};
        JsonWalk.fields(p, (name, v) -> {
            switch (name) {
                case "version" -> version[0] = JsonReports.text(v);
                case "vector" -> version[1] = JsonReports.text(v);
                case "metrics" -> JsonWalk.fields(v, (metric, m) -> {
                    if ("baseScore".equals(metric)) {
                        score[0] = JsonReports.number(m);
                    }
                    else {
                        m.skipChildren();
                    }
                });
                default -> v.skipChildren();
            }
        });
        String ver = Values.firstNonBlank(version[0], CvssBaseScore.version(version[1]));
        scores.offer(ver, score[0]);
    }

    /** Grype 0.7: {@code cvssV3} / {@code cvssV2} objects with {@code baseScore}. */
    private static void legacyCvss(final JsonParser p, final String version, final CvssScores scores)
            throws IOException, ParseException {
        double[] score = {Double.NaN};
        JsonWalk.fields(p, (name, v) -> {
            if ("baseScore".equals(name)) {
                score[0] = JsonReports.number(v);
            }
            else {
                v.skipChildren();
            }
        });
        scores.offer(version, score[0]);
    }
}
