package io.jenkins.plugins.dsomm.ingest.parser;

import com.fasterxml.jackson.core.JsonParser;
import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
import io.jenkins.plugins.dsomm.evidence.Facets;
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
 * yarn audit JSON Lines. SCA, ecosystem npm.
 * <ul>
 *   <li><b>Classic</b> (yarn 1, {@code yarn audit --json}): one object per line, {@code {"type", "data"}}. Each
 *       {@code auditAdvisory} line is one open finding: one advisory for one resolution path, the unit yarn counts
 *       in its {@code auditSummary}. Rule: the advisory's {@code github_advisory_id}, else its first CVE, else its
 *       id; located at {@code module_name}; severity the {@code severity} word (moderate → MEDIUM), else
 *       {@code cvss.score}. Tool "yarn audit". A run with an {@code error} line and no summary is an error quoting
 *       it: a failed audit is not a clean one.</li>
 *   <li><b>Berry</b> (yarn 2+, {@code yarn npm audit --json}): one {@code {"value": package, "children": {"ID",
 *       "Issue", "URL", "Severity", "Vulnerable Versions", "Tree Versions", "Dependents"}}} per line, each an open
 *       finding of {@code ID} (an advisory id, or "package (deprecation)") at the package, severity the
 *       {@code Severity} word. Tool "yarn npm audit".</li>
 * </ul>
 * No version and no time stated. An empty file read with the format given is a run without findings.
 */
public final class YarnAuditJsonParser implements ReportParser {
    private static final String ID = "yarn-audit-json";
    private static final ReportFormat FORMAT = ReportFormat.of(ID,
            "yarn audit JSON Lines (yarn 1 audit, yarn 2+ npm audit)", ReportFormat.Family.JSON_LINES,
            EvidenceKind.SCA);
    private static final Set<String> CLASSIC_TYPES = Set.of("auditAdvisory", "auditSummary", "auditAction", "info",
            "warning", "error");
    private static final Set<String> BERRY_KEYS = Set.of("ID", "Issue", "Severity");

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
        Sniff.JsonShape json = sniff.json();
        if (json == null || json.type() == Sniff.JsonShape.Type.ARRAY) {
            return NO;
        }
        if (json.has("value", "children") && json.childKeys("children").containsAll(BERRY_KEYS)) {
            return CERTAIN;
        }
        String type = json.value("type");
        if (!json.has("type", "data") || type == null || !CLASSIC_TYPES.contains(type)) {
            return NO;
        }
        String text = sniff.text();
        if (type.startsWith("audit") || text.contains("\"type\":\"auditSummary\"")
                || text.contains("\"type\":\"auditAdvisory\"")) {
            return CERTAIN;
        }
        // yarn's log lines only (a failed audit): the messages name yarn
        return text.contains("yarnpkg.com") || text.contains("yarn-error.log") ? LIKELY : NO;
    }

    @Override
    public Evidence parse(final ReportSource source) throws ParseException {
        String file = source.name();
        EvidenceCollector collector = new EvidenceCollector(ID, source).kind(EvidenceKind.SCA)
                .facet(Facets.ECOSYSTEM_NPM);
        Run run = new Run();
        JsonWalk.read(source, ID, p -> JsonWalk.records(p, "a yarn audit line object", file, ID,
                line -> run.line(line, collector)));
        if (run.error != null && !run.summary && run.findings == 0) {
            throw new ParseException(file, ID, "yarn audit failed (error output, not a scan result): " + run.error);
        }
        collector.tool(run.berry ? "yarn npm audit" : "yarn audit");
        return collector.build();
    }

    /** What the lines of one run said. */
    private static final class Run {
        private boolean berry;
        private boolean summary;
        private String error;
        private int findings;

        void line(final JsonParser p, final EvidenceCollector collector) throws IOException, ParseException {
            String[] f = new String[2]; // type, berry package
            JsonWalk.fields(p, (name, v) -> {
                switch (name) {
                    case "type" -> f[0] = JsonReports.text(v);
                    case "value" -> f[1] = JsonReports.text(v);
                    case "children" -> {
                        berry = true;
                        berryAdvisory(v, f[1], collector);
                        findings++;
                    }
                    case "data" -> data(v, f[0], collector);
                    default -> v.skipChildren();
                }
            });
        }

        /** A classic line's data; the type comes first in what yarn writes. */
        private void data(final JsonParser p, final String type, final EvidenceCollector collector)
                throws IOException, ParseException {
            if ("auditAdvisory".equals(type)) {
                JsonWalk.fields(p, (name, v) -> {
                    if ("advisory".equals(name)) {
                        advisory(v, collector);
                        findings++;
                    }
                });
            }
            else if ("auditSummary".equals(type)) {
                summary = true;
                p.skipChildren();
            }
            else if ("error".equals(type) && error == null) {
                String text = JsonReports.text(p);
                error = text == null ? "no message given" : EvidenceCollector.keptTitle(text);
            }
            else {
                p.skipChildren();
            }
        }

        private static void advisory(final JsonParser p, final EvidenceCollector collector)
                throws IOException, ParseException {
            String[] a = new String[6]; // module, severity, ghsa, id, title, first cve
            CvssScores scores = new CvssScores();
            JsonWalk.fields(p, (name, v) -> {
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
                    case "cvss" -> JsonWalk.fields(v, (key, c) -> {
                        if ("score".equals(key)) {
                            scores.offer("3", JsonReports.number(c));
                        }
                    });
                    default -> v.skipChildren();
                }
            });
            collector.openFinding(CvssScores.severity(a[1], scores), Values.firstNonBlank(a[2], a[5], a[3]), a[4], a[0]);
        }

        private static void berryAdvisory(final JsonParser p, final String pkg, final EvidenceCollector collector)
                throws IOException, ParseException {
            String[] c = new String[3]; // ID, Issue, Severity
            JsonWalk.fields(p, (name, v) -> {
                switch (name) {
                    case "ID" -> c[0] = JsonReports.text(v);
                    case "Issue" -> c[1] = JsonReports.text(v);
                    case "Severity" -> c[2] = JsonReports.text(v);
                    default -> v.skipChildren();
                }
            });
            collector.openFinding(CvssScores.severity(c[2], new CvssScores()), c[0], c[1], pkg);
        }
    }
}
