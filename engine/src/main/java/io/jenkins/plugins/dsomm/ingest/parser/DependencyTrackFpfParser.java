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
 * Dependency-Track's Finding Packaging Format (FPF, 1.0 to 1.3): {@code {"version", "meta": {"application",
 * "version", "timestamp"}, "project", "findings": [{"component": {"name", "group", "version", "purl"},
 * "vulnerability": {"vulnId", "source", "severity", "cvssV3BaseScore", "cvssV2BaseScore", "title"}, "analysis":
 * {"state", "isSuppressed"}}]}}. SCA (ecosystem facets from the components' package URLs). Each finding is one
 * finding of {@code vulnId} at its component (package URL without qualifiers, else group/name@version), open unless
 * its analysis suppresses it ({@code isSuppressed}, or state NOT_AFFECTED, FALSE_POSITIVE, RESOLVED). Severity:
 * the {@code severity} word (UNASSIGNED is none), else the CVSS v4, v3, v2 score. Tool {@code meta.application}
 * ("Dependency-Track"), version {@code meta.version}, time {@code meta.timestamp}. {@code findings} missing or null:
 * none.
 */
public final class DependencyTrackFpfParser implements ReportParser {
    private static final String ID = "dependency-track-fpf";
    private static final ReportFormat FORMAT = ReportFormat.of(ID,
            "Dependency-Track Finding Packaging Format (FPF) JSON", ReportFormat.Family.JSON, EvidenceKind.SCA);
    private static final Set<String> SUPPRESSING_STATES = Set.of("NOT_AFFECTED", "FALSE_POSITIVE", "RESOLVED");

    @Override
    public ReportFormat format() {
        return FORMAT;
    }

    @Override
    public int detect(final Sniff sniff) {
        Sniff.JsonShape json = sniff.jsonObject();
        if (json == null || !json.has("meta", "project")) {
            return NO;
        }
        Set<String> finding = json.childKeys("findings");
        if (json.childKeys("meta").contains("application") && (json.has("findings") || json.has("version"))) {
            return finding.contains("component") || finding.contains("vulnerability") ? CERTAIN : LIKELY;
        }
        return finding.contains("component") && finding.contains("vulnerability") ? LIKELY : NO;
    }

    @Override
    public Evidence parse(final ReportSource source) throws ParseException {
        String file = source.name();
        EvidenceCollector collector = new EvidenceCollector(ID, source).kind(EvidenceKind.SCA);
        boolean[] meta = new boolean[1];
        JsonWalk.read(source, ID, p -> {
            p.nextToken();
            JsonReports.expect(p, JsonToken.START_OBJECT, "a Dependency-Track FPF object", file, ID);
            JsonWalk.fields(p, (name, value) -> {
                switch (name) {
                    case "meta" -> {
                        meta[0] = true;
                        JsonWalk.fields(value, (key, v) -> {
                            switch (key) {
                                case "application" -> collector.tool(JsonReports.text(v));
                                case "version" -> collector.toolVersion(JsonReports.text(v));
                                case "timestamp" -> collector.producedAt(JsonReports.text(v));
                                default -> v.skipChildren();
                            }
                        });
                    }
                    case "findings" -> JsonWalk.objects(value, f -> finding(f, collector));
                    default -> value.skipChildren();
                }
            });
            if (!meta[0]) {
                throw new ParseException(file, ID, "not a Dependency-Track FPF document: no \"meta\"");
            }
        });
        collector.tool("Dependency-Track");
        return collector.build();
    }

    private static void finding(final JsonParser p, final EvidenceCollector collector)
            throws IOException, ParseException {
        String[] c = new String[4]; // group, name, version, purl
        String[] v = new String[3]; // vulnId, severity, title
        CvssScores scores = new CvssScores();
        boolean[] suppressed = new boolean[1];
        JsonWalk.fields(p, (name, value) -> {
            switch (name) {
                case "component" -> JsonWalk.fields(value, (key, x) -> {
                    switch (key) {
                        case "group" -> c[0] = JsonReports.text(x);
                        case "name" -> c[1] = JsonReports.text(x);
                        case "version" -> c[2] = JsonReports.text(x);
                        case "purl" -> c[3] = JsonReports.text(x);
                        default -> x.skipChildren();
                    }
                });
                case "vulnerability" -> JsonWalk.fields(value, (key, x) -> {
                    switch (key) {
                        case "vulnId" -> v[0] = JsonReports.text(x);
                        case "severity" -> v[1] = JsonReports.text(x);
                        case "title" -> v[2] = JsonReports.text(x);
                        case "cvssV4Score" -> scores.offer("4", JsonReports.number(x));
                        case "cvssV3BaseScore" -> scores.offer("3", JsonReports.number(x));
                        case "cvssV2BaseScore" -> scores.offer("2", JsonReports.number(x));
                        default -> x.skipChildren();
                    }
                });
                case "analysis" -> JsonWalk.fields(value, (key, x) -> {
                    switch (key) {
                        case "isSuppressed" -> suppressed[0] |= JsonWalk.bool(x);
                        case "state" -> {
                            String state = JsonReports.text(x);
                            suppressed[0] |= state != null
                                    && SUPPRESSING_STATES.contains(state.trim().toUpperCase(Locale.ROOT));
                        }
                        default -> x.skipChildren();
                    }
                });
                default -> value.skipChildren();
            }
        });
        collector.facet(Facets.fromPurl(c[3]));
        if (suppressed[0]) {
            collector.suppressedFinding();
            return;
        }
        String word = v[1] != null && v[1].trim().equalsIgnoreCase("UNASSIGNED") ? null : v[1];
        Severity severity = CvssScores.severity(word, scores);
        collector.openFinding(severity, v[0], Values.firstNonBlank(v[2], v[0]),
                CycloneDx.componentLocation(c[0], c[1], c[2], c[3]));
    }
}
