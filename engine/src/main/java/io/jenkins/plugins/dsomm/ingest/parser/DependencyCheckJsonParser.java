package io.jenkins.plugins.dsomm.ingest.parser;

import com.fasterxml.jackson.core.JsonParser;
import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
import io.jenkins.plugins.dsomm.ingest.EvidenceCollector;
import io.jenkins.plugins.dsomm.ingest.JsonReports;
import io.jenkins.plugins.dsomm.ingest.ParseException;
import io.jenkins.plugins.dsomm.ingest.ReportFormat;
import io.jenkins.plugins.dsomm.ingest.ReportParser;
import io.jenkins.plugins.dsomm.ingest.ReportSource;
import io.jenkins.plugins.dsomm.ingest.Sniff;

import java.io.IOException;

/**
 * OWASP Dependency-Check JSON report ({@code reportSchema} 1.0/1.1, engines 2.x to 12.x). SCA evidence: each entry
 * of a dependency's {@code vulnerabilities} is an open finding (rule = vulnerability {@code name}, location =
 * the dependency's first package URL from {@code packages}, else its {@code fileName}); each entry of
 * {@code suppressedVulnerabilities} is a suppressed finding. Severity: the vulnerability's {@code severity} word,
 * else the CVSS v4, v3, v2 base score (see {@link DependencyCheck#severity}). Tool "dependency-check" with
 * {@code scanInfo.engineVersion}; time {@code projectInfo.reportDate}; ecosystem facets from package URLs.
 */
public final class DependencyCheckJsonParser implements ReportParser {
    private static final String ID = "dependency-check-json";
    private static final ReportFormat FORMAT = ReportFormat.of(ID,
            "OWASP Dependency-Check JSON", ReportFormat.Family.JSON, EvidenceKind.SCA);

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
        boolean engine = json.childKeys("scanInfo").contains("engineVersion");
        if (json.has("reportSchema") && json.has("scanInfo") && (engine || json.has("dependencies"))) {
            return CERTAIN;
        }
        if (engine && json.has("projectInfo")) {
            return LIKELY;
        }
        return NO;
    }

    @Override
    public Evidence parse(final ReportSource source) throws ParseException {
        String file = source.name();
        EvidenceCollector collector = new EvidenceCollector(ID, source);
        DependencyCheck.start(collector);
        JsonWalk.read(source, ID, p -> {
            if (JsonWalk.emptyRoot(p, "a Dependency-Check report object", file, ID)) {
                return; // nothing in it: read as an explicit format, a clean scan
            }
            boolean marked = false;
            String field;
            while ((field = JsonWalk.nextField(p)) != null) {
                switch (field) {
                    case "reportSchema" -> {
                        JsonReports.text(p);
                        marked = true;
                    }
                    case "scanInfo" -> {
                        marked = true;
                        readScanInfo(p, collector);
                    }
                    case "projectInfo" -> readProjectInfo(p, collector);
                    case "dependencies" -> {
                        marked = true;
                        readDependencies(p, collector);
                    }
                    default -> p.skipChildren();
                }
            }
            if (!marked) {
                throw new ParseException(file, ID, "not a Dependency-Check report: no \"scanInfo\" or \"dependencies\"");
            }
        });
        return collector.build();
    }

    private static void readScanInfo(final JsonParser p, final EvidenceCollector collector) throws IOException {
        if (!JsonWalk.enterObject(p)) {
            return;
        }
        String field;
        while ((field = JsonWalk.nextField(p)) != null) {
            if ("engineVersion".equals(field)) {
                collector.toolVersion(JsonReports.text(p));
            }
            else {
                p.skipChildren();
            }
        }
    }

    private static void readProjectInfo(final JsonParser p, final EvidenceCollector collector) throws IOException {
        if (!JsonWalk.enterObject(p)) {
            return;
        }
        String field;
        while ((field = JsonWalk.nextField(p)) != null) {
            if ("reportDate".equals(field)) {
                collector.producedAt(JsonReports.text(p));
            }
            else {
                p.skipChildren();
            }
        }
    }

    private static void readDependencies(final JsonParser p, final EvidenceCollector collector) throws IOException {
        if (!JsonWalk.enterArray(p)) {
            return;
        }
        while (JsonWalk.nextItem(p)) {
            if (!JsonWalk.enterObject(p)) {
                continue;
            }
            DependencyCheck.Dependency dependency = new DependencyCheck.Dependency();
            String field;
            while ((field = JsonWalk.nextField(p)) != null) {
                switch (field) {
                    case "fileName" -> dependency.fileName(JsonReports.text(p));
                    case "packages" -> readPackages(p, dependency, collector);
                    case "vulnerabilities" -> readVulnerabilities(p, dependency, false);
                    case "suppressedVulnerabilities" -> readVulnerabilities(p, dependency, true);
                    default -> p.skipChildren();
                }
            }
            dependency.emit(collector);
        }
    }

    private static void readPackages(final JsonParser p, final DependencyCheck.Dependency dependency,
            final EvidenceCollector collector) throws IOException {
        if (!JsonWalk.enterArray(p)) {
            return;
        }
        while (JsonWalk.nextItem(p)) {
            if (!JsonWalk.enterObject(p)) {
                continue;
            }
            String field;
            while ((field = JsonWalk.nextField(p)) != null) {
                if ("id".equals(field)) {
                    dependency.packageId(JsonReports.text(p), collector);
                }
                else {
                    p.skipChildren();
                }
            }
        }
    }

    private static void readVulnerabilities(final JsonParser p, final DependencyCheck.Dependency dependency,
            final boolean suppressed) throws IOException {
        if (!JsonWalk.enterArray(p)) {
            return;
        }
        while (JsonWalk.nextItem(p)) {
            if (!JsonWalk.enterObject(p)) {
                continue;
            }
            if (suppressed) {
                p.skipChildren();
                dependency.suppressedVulnerability();
                continue;
            }
            String name = null;
            String severity = null;
            String description = null;
            double v2 = Double.NaN;
            double v3 = Double.NaN;
            double v4 = Double.NaN;
            String field;
            while ((field = JsonWalk.nextField(p)) != null) {
                switch (field) {
                    case "name" -> name = JsonReports.text(p);
                    case "severity" -> severity = JsonReports.text(p);
                    case "description" -> description = JsonReports.text(p);
                    case "cvssv2" -> v2 = score(p, "score");
                    case "cvssv3" -> v3 = score(p, "baseScore");
                    case "cvssv4" -> v4 = score(p, "baseScore");
                    default -> p.skipChildren();
                }
            }
            dependency.vulnerability(name, DependencyCheck.severity(severity, v4, v3, v2), description);
        }
    }

    private static double score(final JsonParser p, final String key) throws IOException {
        if (!JsonWalk.enterObject(p)) {
            return Double.NaN;
        }
        double score = Double.NaN;
        String field;
        while ((field = JsonWalk.nextField(p)) != null) {
            if (key.equals(field)) {
                score = JsonReports.number(p);
            }
            else {
                p.skipChildren();
            }
        }
        return score;
    }
}
