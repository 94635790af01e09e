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
import java.util.Set;

/**
 * {@code npm audit --json}: the v1 report of npm 6 and earlier ({@code advisories}, {@code actions},
 * {@code muted}, {@code metadata}) and the v2 report of npm 7 and later ({@code auditReportVersion} 2,
 * {@code vulnerabilities} keyed by package). The unit of a finding is the one npm counts in
 * {@code metadata.vulnerabilities}: in v2 every vulnerable package entry of {@code vulnerabilities} (including
 * packages vulnerable only through a dependency, whose {@code via} names that dependency); in v1 every advisory ×
 * dependency path ({@code findings[].paths[]}; an advisory without any path counts once). Rule: v1 the advisory's
 * {@code github_advisory_id}, else its first CVE, else its npm id; v2 the id (the last segment of its URL) of the
 * most severe advisory in {@code via}, the smallest among equally severe ones; a v2 entry vulnerable only through
 * dependencies has the rule {@code via:<dependency>}. Located at the package name. Severity: the stated
 * {@code severity} word (moderate → MEDIUM), else the CVSS score.
 * Tool "npm audit"; "pnpm audit" for {@code pnpm audit --json}, which writes the v1 report with dependency paths
 * that start at the project ({@code .>express>qs}).
 * Suppressed: v1 {@code muted} entries. An npm error document is a parse error quoting npm's words, never a
 * clean scan: {@code {"error": {"code", "summary", "detail"}}}, or the registry's HTTP error ({@code {"message",
 * "method", "uri", "statusCode", "code", "error": {"summary", "detail"}}}, when the audit endpoint fails).
 */
public final class NpmAuditJsonParser implements ReportParser {
    private static final String ID = "npm-audit-json";
    private static final ReportFormat FORMAT = ReportFormat.of(ID,
            "npm audit JSON (v1 and v2)", ReportFormat.Family.JSON, EvidenceKind.SCA);
    private static final String TOOL = "npm audit";
    /** pnpm writes npm's v1 layout, its dependency paths starting at the project, {@code .}: {@code .>express>qs}. */
    private static final String PNPM = "pnpm audit";

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
        if (json.has("auditReportVersion")) {
            return CERTAIN;
        }
        if (json.has("advisories") && (json.has("actions") || json.has("muted") || json.has("metadata"))) {
            return LIKELY;
        }
        Set<String> error = json.childKeys("error");
        if (error.contains("code") && error.contains("summary") && json.keys().size() <= 2) {
            return LIKELY;
        }
        boolean http = json.has("statusCode") || json.has("uri");
        if (json.has("message") && http && (error.contains("summary") || error.contains("detail"))
                && HTTP_ERROR_KEYS.containsAll(json.keys())) {
            return LIKELY; // the registry's HTTP error, as npm writes it when the audit request fails
        }
        return NO;
    }

    @Override
    public Evidence parse(final ReportSource source) throws ParseException {
        String file = source.name();
        EvidenceCollector collector = new EvidenceCollector(ID, source);
        boolean[] pnpm = new boolean[1];
        JsonWalk.read(source, ID, p -> {
            boolean sawReport = false;
            String[] error = null;
            String[] http = new String[2]; // message, code
            p.nextToken();
            JsonReports.expect(p, JsonToken.START_OBJECT, "an npm audit report object", file, ID);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "auditReportVersion" -> {
                        sawReport = true;
                        p.skipChildren();
                    }
                    case "advisories" -> sawReport |= JsonWalk.fields(p, (key, v) -> advisory(v, collector, pnpm));
                    case "vulnerabilities" -> sawReport |= JsonWalk.fields(p, (key, v) -> vulnerable(key, v,
                            collector));
                    case "muted" -> {
                        int n = JsonWalk.count(p);
                        for (int i = 0; i < n; i++) {
                            collector.suppressedFinding();
                        }
                    }
                    case "error" -> error = error(p);
                    case "message" -> http[0] = JsonReports.text(p);
                    case "code" -> http[1] = JsonReports.text(p);
                    default -> p.skipChildren();
                }
            }
            if (error != null && !sawReport) {
                String code = Values.firstNonBlank(error[0], http[1]);
                code = code == null ? "" : code + ": ";
                String summary = Values.firstNonBlank(http[0], error[1], error[2], "no summary given");
                throw new ParseException(file, ID, "npm audit failed (error document, not a scan result): " + code
                        + summary.strip());
            }
            if (!sawReport) {
                throw new ParseException(file, ID, "not an npm audit report: no \"advisories\" or "
                        + "\"vulnerabilities\"");
            }
        });
        collector.tool(pnpm[0] ? PNPM : TOOL).kind(EvidenceKind.SCA).facet(Facets.ECOSYSTEM_NPM);
        return collector.build();
    }

    /** The keys of the registry's HTTP error document npm writes when the audit request fails. */
    private static final Set<String> HTTP_ERROR_KEYS = Set.of("message", "method", "uri", "headers", "statusCode",
            "code", "body", "pkgid", "spec", "error");

    /** The code, summary and detail of an npm error object (a string error gives the summary only). */
    private static String[] error(final JsonParser p) throws IOException, ParseException {
        String[] e = new String[3];
        if (p.currentToken() == JsonToken.VALUE_STRING) {
            e[1] = p.getText();
            return e;
        }
        JsonWalk.fields(p, (name, v) -> {
            switch (name) {
                case "code" -> e[0] = JsonReports.text(v);
                case "summary" -> e[1] = JsonReports.text(v);
                case "detail" -> e[2] = JsonReports.text(v);
                default -> v.skipChildren();
            }
        });
        return e;
    }

    /** v1: one advisory of {@code advisories}; one finding per dependency path. */
    private static void advisory(final JsonParser p, final EvidenceCollector collector, final boolean[] pnpm)
            throws IOException, ParseException {
        String[] a = new String[6]; // module, severity, ghsa, id, title, first cve
        double[] score = {Double.NaN};
        int[] paths = {0};
        boolean object = JsonWalk.fields(p, (name, v) -> {
            switch (name) {
                case "module_name" -> a[0] = JsonReports.text(v);
                case "severity" -> a[1] = JsonReports.text(v);
                case "github_advisory_id" -> a[2] = JsonReports.text(v);
                case "id" -> a[3] = JsonReports.text(v);
                case "title" -> a[4] = JsonReports.text(v);
                case "cves" -> {
                    var cves = JsonWalk.strings(v);
                    a[5] = cves.isEmpty() ? null : cves.get(0);
                }
                case "cvss" -> score[0] = cvssScore(v);
                case "findings" -> JsonWalk.objects(v, finding -> JsonWalk.fields(finding, (field, f) -> {
                    if ("paths".equals(field)) {
                        JsonWalk.items(f, path -> {
                            paths[0]++;
                            String text = JsonReports.text(path);
                            pnpm[0] |= text != null && (text.equals(".") || text.startsWith(".>"));
                        });
                    }
                    else {
                        f.skipChildren();
                    }
                }));
                default -> v.skipChildren();
            }
        });
        if (!object) {
            return;
        }
        Severity severity = CvssScores.severity(a[1], scoreOf(score[0]));
        String rule = Values.firstNonBlank(a[2], a[5], a[3]);
        for (int i = 0; i < Math.max(1, paths[0]); i++) {
            collector.openFinding(severity, rule, a[4], a[0]);
        }
    }

    /** npm states a CVSS v3 score. */
    private static CvssScores scoreOf(final double score) {
        CvssScores scores = new CvssScores();
        scores.offer("3", score);
        return scores;
    }

    /** {@code cvss.score} of an advisory, or NaN. */
    private static double cvssScore(final JsonParser p) throws IOException, ParseException {
        double[] score = {Double.NaN};
        JsonWalk.fields(p, (name, v) -> {
            if ("score".equals(name)) {
                score[0] = JsonReports.number(v);
            }
            else {
                v.skipChildren();
            }
        });
        return score[0];
    }

    /** v2: one entry of {@code vulnerabilities}, keyed by package name. */
    private static void vulnerable(final String key, final JsonParser p, final EvidenceCollector collector)
            throws IOException, ParseException {
        String[] e = new String[5]; // name, severity, advisory id, advisory title, first dependency
        String[] viaSeverity = {null};
        Severity[] chosen = {Severity.UNKNOWN};
        double[] score = {Double.NaN};
        boolean object = JsonWalk.fields(p, (name, v) -> {
            switch (name) {
                case "name" -> e[0] = JsonReports.text(v);
                case "severity" -> e[1] = JsonReports.text(v);
                case "via" -> JsonWalk.items(v, item -> {
                    if (item.currentToken() == JsonToken.VALUE_STRING) {
                        String dependency = item.getText();
                        if (e[4] == null || dependency.compareTo(e[4]) < 0) {
                            e[4] = dependency;
                        }
                        return;
                    }
                    String[] adv = new String[5]; // source, url, title, severity
                    double[] s = {Double.NaN};
                    boolean advisory = JsonWalk.fields(item, (f, x) -> {
                        switch (f) {
                            case "source" -> adv[0] = JsonReports.text(x);
                            case "url" -> adv[1] = JsonReports.text(x);
                            case "title" -> adv[2] = JsonReports.text(x);
                            case "severity" -> adv[3] = JsonReports.text(x);
                            case "cvss" -> s[0] = cvssScore(x);
                            default -> x.skipChildren();
                        }
                    });
                    if (!advisory) {
                        return;
                    }
                    String id = advisoryId(adv[1], adv[0]);
                    Severity own = CvssScores.severity(adv[3], scoreOf(s[0]));
                    if (id != null && (e[2] == null || own.ordinal() < chosen[0].ordinal()
                            || own == chosen[0] && id.compareTo(e[2]) < 0)) {
                        e[2] = id;
                        e[3] = adv[2];
                        chosen[0] = own;
                    }
                    if (adv[3] != null && (viaSeverity[0] == null
                            || Severity.fromWord(adv[3]).isAtLeast(Severity.fromWord(viaSeverity[0])))) {
                        viaSeverity[0] = adv[3];
                    }
                    if (!Double.isNaN(s[0]) && (Double.isNaN(score[0]) || s[0] > score[0])) {
                        score[0] = s[0];
                    }
                });
                default -> v.skipChildren();
            }
        });
        if (!object) {
            return;
        }
        Severity severity = CvssScores.severity(Values.firstNonBlank(e[1], viaSeverity[0]), scoreOf(score[0]));
        String rule = e[2] != null ? e[2] : e[4] != null ? "via:" + e[4] : null;
        String title = e[3] != null ? e[3] : e[4] != null ? "vulnerable through " + e[4] : null;
        collector.openFinding(severity, rule, title, Values.firstNonBlank(e[0], key));
    }

    /** The advisory id: the last segment of its URL (GHSA-… or the npm advisory number), else its source. */
    private static String advisoryId(final String url, final String source) {
        if (url != null && !url.isBlank()) {
            String u = url.strip();
            while (u.endsWith("/")) {
                u = u.substring(0, u.length() - 1);
            }
            String last = u.substring(u.lastIndexOf('/') + 1);
            if (!last.isBlank()) {
                return last;
            }
        }
        return source == null || source.isBlank() ? null : source.strip();
    }
}
