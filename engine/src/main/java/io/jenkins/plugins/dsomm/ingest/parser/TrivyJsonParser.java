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
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Trivy's JSON report ({@code trivy image|fs|repo|config|k8s --format json}): SchemaVersion 2 reports with
 * {@code Results[]}, the Kubernetes layouts ({@code ClusterName} with {@code Resources[]}, and the older
 * {@code ClusterName} with {@code Vulnerabilities[]}/{@code Misconfigurations[]} arrays of resources), and the
 * legacy (before 0.20) top-level array of {@code {Target, Type, Vulnerabilities}}.
 *
 * <p>Findings: every entry of {@code Vulnerabilities} (rule {@code VulnerabilityID}, located at the package
 * name), every misconfiguration whose {@code Status} is FAIL or absent (rule {@code ID}, else {@code AVDID},
 * located at the target; PASS entries are not findings, the counts of {@code MisconfSummary} are not read), every
 * secret (rule {@code RuleID}, located at the target) and every licence finding (rule the licence name, located at
 * the package or file). Suppressed: entries of {@code ExperimentalModifiedFindings} (ignored or VEX not-affected
 * findings, written with {@code --show-suppressed}) and misconfigurations whose status is EXCEPTION. Severity:
 * the stated {@code Severity} word, else the CVSS score of the severity source's vendor (else NVD, else the
 * first vendor), v4 &gt; v3 &gt; v2. Kinds by result class: os-pkgs and image scans CONTAINER+SCA, lang-pkgs
 * SCA, config IAC, secret SECRETS, license LICENSE.
 */
public final class TrivyJsonParser implements ReportParser {
    private static final String ID = "trivy-json";
    private static final ReportFormat FORMAT = ReportFormat.of(ID,
            "Trivy JSON (SchemaVersion 2, Kubernetes and legacy layouts)", ReportFormat.Family.JSON, EvidenceKind.SCA,
            EvidenceKind.IAC, EvidenceKind.SECRETS, EvidenceKind.CONTAINER, EvidenceKind.LICENSE);
    /** Legacy {@code Type} values (before result classes) that name an operating-system package database. */
    private static final Set<String> OS_TYPES = Set.of("alpine", "debian", "ubuntu", "redhat", "centos", "rocky",
            "alma", "almalinux", "amazon", "oracle", "photon", "suse linux enterprise server", "opensuse.leap",
            "opensuse.tumbleweed", "opensuse", "sles", "cbl-mariner", "azurelinux", "wolfi", "chainguard",
            "bottlerocket", "fedora", "echo", "minimos", "coreos", "distroless");

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
        if (json.type() == Sniff.JsonShape.Type.OBJECT) {
            if (json.has("SchemaVersion") && (json.has("ArtifactType") || json.has("ArtifactName")
                    || json.has("Results") || json.has("Trivy"))) {
                return CERTAIN;
            }
            if (json.has("ClusterName") && (json.has("Resources") || json.has("Vulnerabilities")
                    || json.has("Misconfigurations"))) {
                return LIKELY;
            }
            if (json.has("Results") && json.childKeys("Results").contains("Target")
                    && (json.has("ArtifactName") || json.has("ArtifactType"))) {
                return LIKELY;
            }
            return NO;
        }
        if (json.type() == Sniff.JsonShape.Type.ARRAY && json.has("Target")
                && (json.has("Vulnerabilities") || json.has("Type"))
                && !json.has("matches") && !json.has("packages")) {
            return LIKELY;
        }
        return NO;
    }

    @Override
    public Evidence parse(final ReportSource source) throws ParseException {
        String file = source.name();
        Report report = new Report(new EvidenceCollector(ID, source).tool("Trivy"));
        JsonWalk.read(source, ID, p -> {
            JsonToken root = p.nextToken();
            if (root == JsonToken.START_ARRAY) {
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    if (p.currentToken() == JsonToken.START_OBJECT) {
                        report.result(p, null);
                    }
                    else {
                        throw new ParseException(file, ID, "not a Trivy report: the top-level array holds "
                                + "something other than result objects", p.currentTokenLocation().getLineNr(),
                                p.currentTokenLocation().getColumnNr(), null);
                    }
                }
            }
            else if (root != JsonToken.VALUE_NULL) { // legacy Trivy writes "null" when it found nothing
                JsonReports.expect(p, JsonToken.START_OBJECT, "a Trivy report object", file, ID);
                boolean trivy = false;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    p.nextToken();
                    switch (field) {
                        case "SchemaVersion" -> {
                            trivy = true;
                            p.skipChildren();
                        }
                        case "Trivy" -> JsonWalk.fields(p, (name, v) -> {
                            if ("Version".equals(name)) {
                                report.collector.toolVersion(JsonReports.text(v));
                            }
                            else {
                                v.skipChildren();
                            }
                        });
                        case "CreatedAt" -> report.collector.producedAt(JsonReports.text(p));
                        case "ArtifactType" -> {
                            trivy = true;
                            report.artifactType = JsonReports.text(p);
                        }
                        case "Results" -> {
                            trivy = true;
                            JsonWalk.items(p, item -> report.resultOrSkip(item, null));
                        }
                        case "ClusterName" -> {
                            trivy = true;
                            report.kubernetes = true;
                            p.skipChildren();
                        }
                        // Kubernetes: Resources (current), Vulnerabilities and Misconfigurations (older layout)
                        case "Resources", "Vulnerabilities", "Misconfigurations" -> {
                            trivy = true;
                            report.kubernetes = true;
                            JsonWalk.items(p, report::resource);
                        }
                        default -> p.skipChildren();
                    }
                }
                if (!trivy) {
                    throw new ParseException(file, ID, "not a Trivy report: no Results, SchemaVersion or "
                            + "ClusterName");
                }
            }
        });
        return report.finish();
    }

    /** One finding of a result, kept until the result's target is known. */
    private record Pending(Severity severity, String rule, String title, String location, boolean onTarget) {
    }

    /** State of one report while it is streamed. */
    private static final class Report {
        private final EvidenceCollector collector;
        private final Set<EvidenceKind> kinds = EnumSet.noneOf(EvidenceKind.class);
        private String artifactType;
        private boolean kubernetes;
        private boolean packageResults;
        private boolean otherResults;

        Report(final EvidenceCollector collector) {
            this.collector = collector;
        }

        void resultOrSkip(final JsonParser p, final String namespace) throws IOException, ParseException {
            if (p.currentToken() == JsonToken.START_OBJECT) {
                result(p, namespace);
            }
            else {
                p.skipChildren();
            }
        }

        /** A Kubernetes resource: {@code Namespace}, {@code Kind}, {@code Name}, {@code Results[]}. */
        void resource(final JsonParser p) throws IOException, ParseException {
            if (!JsonWalk.enterObject(p)) {
                return;
            }
            String namespace = null;
            List<Result> deferred = new ArrayList<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if ("Namespace".equals(field)) {
                    namespace = JsonReports.text(p);
                    for (Result r : deferred) {
                        r.emit(namespace);
                    }
                    deferred.clear();
                }
                else if ("Results".equals(field)) {
                    String ns = namespace;
                    boolean known = namespace != null;
                    JsonWalk.items(p, item -> {
                        if (!JsonWalk.enterObject(item)) {
                            return;
                        }
                        Result r = readResult(item);
                        if (known) {
                            r.emit(ns);
                        }
                        else {
                            deferred.add(r);
                        }
                    });
                }
                else {
                    p.skipChildren();
                }
            }
            for (Result r : deferred) {
                r.emit(null);
            }
        }

        void result(final JsonParser p, final String namespace) throws IOException, ParseException {
            readResult(p).emit(namespace);
        }

        /** Reads one result object (the parser is on its start). */
        Result readResult(final JsonParser p) throws IOException, ParseException {
            Result r = new Result();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "Target" -> r.target = JsonReports.text(p);
                    case "Class" -> r.resultClass = JsonReports.text(p);
                    case "Type" -> r.type = JsonReports.text(p);
                    case "Vulnerabilities" -> JsonWalk.items(p, item -> r.vulnerability(item));
                    case "Misconfigurations" -> JsonWalk.items(p, item -> r.misconfiguration(item));
                    case "Secrets" -> JsonWalk.items(p, item -> r.secret(item));
                    case "Licenses" -> JsonWalk.items(p, item -> r.license(item));
                    case "ExperimentalModifiedFindings" -> r.modified += JsonWalk.count(p);
                    default -> p.skipChildren();
                }
            }
            return r;
        }

        Evidence finish() {
            boolean image = "container_image".equalsIgnoreCase(artifactType);
            if (image) {
                collector.facet(Facets.TARGET_IMAGE);
                if (packageResults || !otherResults) {
                    kinds.add(EvidenceKind.CONTAINER);
                    kinds.add(EvidenceKind.SCA);
                }
            }
            if (kubernetes) {
                collector.facet(Facets.TARGET_KUBERNETES);
            }
            if (kinds.isEmpty()) {
                // nothing found and nothing classified: a vulnerability scan (Trivy's default scanner) ran
                kinds.add(EvidenceKind.SCA);
            }
            kinds.forEach(collector::kind);
            return collector.build();
        }

        /** One result: its findings are emitted once the whole object (and so its target) is read. */
        private final class Result {
            private String target;
            private String resultClass;
            private String type;
            private final List<Pending> pending = new ArrayList<>();
            private int suppressed;
            private int modified;
            private boolean vulnerabilities;
            private boolean misconfigurations;
            private boolean secrets;
            private boolean licenses;

            void vulnerability(final JsonParser p) throws IOException, ParseException {
                if (!JsonWalk.enterObject(p)) {
                    return;
                }
                vulnerabilities = true;
                String id = null;
                String pkg = null;
                String purl = null;
                String pkgId = null;
                String severity = null;
                String severitySource = null;
                String title = null;
                List<String[]> cvss = new ArrayList<>(); // vendor, version, score
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    p.nextToken();
                    switch (field) {
                        case "VulnerabilityID" -> id = JsonReports.text(p);
                        case "PkgName" -> pkg = JsonReports.text(p);
                        case "PkgID" -> pkgId = JsonReports.text(p);
                        case "PkgIdentifier" -> {
                            String[] found = new String[1];
                            JsonWalk.fields(p, (name, v) -> {
                                if ("PURL".equals(name)) {
                                    found[0] = JsonReports.text(v);
                                }
                                else {
                                    v.skipChildren();
                                }
                            });
                            purl = found[0];
                        }
                        case "Severity" -> severity = JsonReports.text(p);
                        case "SeveritySource" -> severitySource = JsonReports.text(p);
                        case "Title" -> title = JsonReports.text(p);
                        case "CVSS" -> JsonWalk.fields(p, (vendor, v) -> JsonWalk.fields(v, (name, s) -> {
                            switch (name) {
                                case "V40Score" -> cvss.add(new String[] {vendor, "4", score(s)});
                                case "V3Score" -> cvss.add(new String[] {vendor, "3", score(s)});
                                case "V2Score" -> cvss.add(new String[] {vendor, "2", score(s)});
                                default -> s.skipChildren();
                            }
                        }));
                        default -> p.skipChildren();
                    }
                }
                String location = Values.firstNonBlank(pkg, purl, pkgId);
                Severity s = CvssScores.severity(severity, scores(cvss, severitySource));
                pending.add(new Pending(s, id, title, location, false));
                facet(purl);
            }

            private static String score(final JsonParser p) throws IOException {
                double n = JsonReports.number(p);
                return Double.isNaN(n) ? null : Double.toString(n);
            }

            /** The scores of the severity source's vendor, else NVD's, else the first vendor's. */
            private CvssScores scores(final List<String[]> cvss, final String severitySource) {
                CvssScores scores = new CvssScores();
                String vendor = null;
                for (String preferred : new String[] {severitySource, "nvd"}) {
                    for (String[] c : cvss) {
                        if (vendor == null && preferred != null && preferred.equalsIgnoreCase(c[0]) && c[2] != null) {
                            vendor = c[0];
                        }
                    }
                }
                for (String[] c : cvss) {
                    if (vendor == null && c[2] != null) {
                        vendor = c[0];
                    }
                    if (c[0].equals(vendor) && c[2] != null) {
                        scores.offer(c[1], Double.parseDouble(c[2]));
                    }
                }
                return scores;
            }

            void misconfiguration(final JsonParser p) throws IOException {
                if (!JsonWalk.enterObject(p)) {
                    return;
                }
                misconfigurations = true;
                String id = null;
                String avdId = null;
                String title = null;
                String severity = null;
                String status = null;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    p.nextToken();
                    switch (field) {
                        case "ID" -> id = JsonReports.text(p);
                        case "AVDID" -> avdId = JsonReports.text(p);
                        case "Title" -> title = JsonReports.text(p);
                        case "Severity" -> severity = JsonReports.text(p);
                        case "Status" -> status = JsonReports.text(p);
                        default -> p.skipChildren();
                    }
                }
                String st = status == null ? "FAIL" : status.trim().toUpperCase(Locale.ROOT);
                if (st.equals("EXCEPTION")) {
                    suppressed++;
                }
                else if (!st.equals("PASS")) {
                    pending.add(new Pending(CvssScores.severity(severity, null),
                            Values.firstNonBlank(id, avdId), title, null, true));
                }
            }

            void secret(final JsonParser p) throws IOException {
                if (!JsonWalk.enterObject(p)) {
                    return;
                }
                secrets = true;
                String rule = null;
                String title = null;
                String severity = null;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    p.nextToken();
                    switch (field) {
                        case "RuleID" -> rule = JsonReports.text(p);
                        case "Title" -> title = JsonReports.text(p);
                        case "Severity" -> severity = JsonReports.text(p);
                        default -> p.skipChildren();
                    }
                }
                pending.add(new Pending(CvssScores.severity(severity, null), rule, title, null, true));
            }

            void license(final JsonParser p) throws IOException {
                if (!JsonWalk.enterObject(p)) {
                    return;
                }
                licenses = true;
                String name = null;
                String pkg = null;
                String filePath = null;
                String severity = null;
                String category = null;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    p.nextToken();
                    switch (field) {
                        case "Name" -> name = JsonReports.text(p);
                        case "PkgName" -> pkg = JsonReports.text(p);
                        case "FilePath" -> filePath = JsonReports.text(p);
                        case "Severity" -> severity = JsonReports.text(p);
                        case "Category" -> category = JsonReports.text(p);
                        default -> p.skipChildren();
                    }
                }
                String where = Values.firstNonBlank(pkg, filePath);
                pending.add(new Pending(CvssScores.severity(severity, null), name,
                        category == null ? name : name + " (" + category + ")", where, where == null));
            }

            private void facet(final String purl) {
                collector.facet(Facets.fromPurl(purl));
            }

            /** Counts the result's findings and notes the kinds and facets its class shows. */
            void emit(final String namespace) {
                String where = target;
                if (namespace != null && !namespace.isBlank() && target != null && !target.isBlank()) {
                    where = namespace + "/" + target;
                }
                for (Pending f : pending) {
                    collector.openFinding(f.severity(), f.rule(), f.title(), f.onTarget() ? where : f.location());
                }
                for (int i = 0; i < suppressed + modified; i++) {
                    collector.suppressedFinding();
                }
                classify();
            }

            private void classify() {
                String c = resultClass == null ? "" : resultClass.trim().toLowerCase(Locale.ROOT);
                String t = type == null ? "" : type.trim().toLowerCase(Locale.ROOT);
                switch (c) {
                    case "os-pkgs" -> packages(true, t);
                    case "lang-pkgs" -> packages(false, t);
                    case "config" -> config(t);
                    case "secret" -> {
                        otherResults = true;
                        kinds.add(EvidenceKind.SECRETS);
                    }
                    case "license", "license-file" -> {
                        otherResults = true;
                        kinds.add(EvidenceKind.LICENSE);
                    }
                    case "" -> unclassified(t);
                    default -> otherResults = true; // custom resources and classes of later versions
                }
                if (misconfigurations && !c.equals("config")) {
                    kinds.add(EvidenceKind.IAC);
                }
                if (secrets) {
                    kinds.add(EvidenceKind.SECRETS);
                }
                if (licenses) {
                    kinds.add(EvidenceKind.LICENSE);
                }
                if (vulnerabilities && !c.equals("os-pkgs") && !c.equals("lang-pkgs")) {
                    kinds.add(EvidenceKind.SCA);
                }
            }

            private void packages(final boolean os, final String t) {
                packageResults = true;
                kinds.add(EvidenceKind.SCA);
                if (os || "container_image".equalsIgnoreCase(artifactType)) {
                    kinds.add(EvidenceKind.CONTAINER);
                }
                if (!t.isEmpty()) {
                    collector.facet(Facets.fromEcosystem(t));
                }
            }

            private void config(final String t) {
                otherResults = true;
                kinds.add(EvidenceKind.IAC);
                if (!t.isEmpty()) {
                    collector.facet(Facets.fromIacFramework(t));
                }
                if (t.contains("helm")) {
                    collector.facet(Facets.TARGET_KUBERNETES); // Helm charts render Kubernetes manifests
                }
            }

            /** Legacy results (and odd ones) have no class: the Type tells OS packages from language ones. */
            private void unclassified(final String t) {
                if (vulnerabilities || (!misconfigurations && !secrets && !licenses && !t.isEmpty())) {
                    packages(OS_TYPES.contains(t), t);
                }
                else if (misconfigurations) {
                    config(t);
                }
                else {
                    otherResults = true;
                }
            }
        }
    }
}
