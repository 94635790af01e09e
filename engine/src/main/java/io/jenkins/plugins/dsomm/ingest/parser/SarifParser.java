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
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * SARIF 2.1.0, and the 1.0 and 2.0 pre-release layouts. One evidence per tool (runs of the same tool are
 * merged). A result is a finding unless its {@code kind} (or, in 1.0, its {@code level}) is pass,
 * notApplicable, informational, review or open. It is suppressed when it has suppressions and none of them is
 * under review or rejected (a suppression without status is accepted). Severity: a numeric
 * {@code security-severity} on the result or its rule (≥9.0 CRITICAL, ≥7.0 HIGH, ≥4.0 MEDIUM, &gt;0 LOW, 0 INFO),
 * else the effective level (result level, else the rule's default level, else warning): error → HIGH,
 * warning → MEDIUM, note → LOW, none → INFO. Identity: the result's fingerprints, else its partial
 * fingerprints, else rule and location.
 */
public final class SarifParser implements ReportParser {
    private static final String ID = "sarif";
    private static final ReportFormat FORMAT = ReportFormat.of(ID,
            "SARIF 2.1.0 (also 1.0 and 2.0 pre-release)", ReportFormat.Family.JSON, EvidenceKind.SAST,
            EvidenceKind.SCA, EvidenceKind.DAST, EvidenceKind.SECRETS, EvidenceKind.IAC, EvidenceKind.CONTAINER);
    /** Most distinct strings shared among results kept before the tool. */
    private static final int MAX_SHARED = 20_000;
    private static final Set<String> NOT_FINDINGS = Set.of("pass", "notapplicable", "informational", "review",
            "open");

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
        String schema = json.value("$schema");
        if (schema != null && schema.toLowerCase(Locale.ROOT).contains("sarif")) {
            return CERTAIN;
        }
        String version = json.value("version");
        if (json.has("runs") && version != null && (version.startsWith("2.") || version.startsWith("1.0"))) {
            return LIKELY;
        }
        return json.has("runs") && json.childKeys("runs").contains("tool") ? LIKELY : NO;
    }

    @Override
    public Evidence parse(final ReportSource source) throws ParseException {
        return ManyTools.merged(parseAll(source));
    }

    @Override
    public List<Evidence> parseAll(final ReportSource source) throws ParseException {
        String file = source.name();
        Map<String, EvidenceCollector> byTool = new LinkedHashMap<>();
        JsonWalk.read(source, ID, p -> {
            p.nextToken();
            JsonReports.expect(p, JsonToken.START_OBJECT, "a SARIF log object", file, ID);
            boolean sawRuns = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if ("runs".equals(field) && value == JsonToken.START_ARRAY) {
                    sawRuns = true;
                    JsonWalk.objectsToEnd(p, "a run object or the end of runs", file, ID,
                            run -> new Run(source).read(run, byTool));
                }
                else {
                    p.skipChildren();
                }
            }
            if (!sawRuns) {
                throw new ParseException(file, ID, "not a SARIF log: no \"runs\" array");
            }
        });
        if (byTool.isEmpty()) {
            // a log without runs still proves the analysis ran, with nothing to report
            EvidenceCollector empty = new EvidenceCollector(ID, source).tool("unknown SARIF producer");
            empty.kind(EvidenceKind.SAST);
            return List.of(empty.build());
        }
        List<Evidence> result = new ArrayList<>();
        byTool.values().forEach(c -> result.add(c.build()));
        return result;
    }

    /** A SARIF rule, as far as severity and naming need it. */
    private record Rule(String id, String title, String defaultLevel, double securitySeverity) {
    }

    /** A result read before its run's tool (and rules) were known. */
    private record Pending(String ruleId, int ruleIndex, int componentIndex, String level, String kind,
            double securitySeverity, String message, String location, String fingerprint, boolean suppressed) {
    }

    /**
     * What decides the severity of an open result that cannot be kept as a finding anyway: results read before
     * the tool beyond the first {@link Evidence.Builder#MAX_FINDINGS} open ones are counted by this key only.
     */
    private record SeverityKey(String ruleId, int ruleIndex, int componentIndex, String level,
            double securitySeverity) {
    }

    /** State of one run while it is streamed. */
    private static final class Run {
        private final ReportSource source;
        private String tool;
        private String version;
        private final List<String> componentNames = new ArrayList<>();
        private final List<Rule> driverRules = new ArrayList<>();
        private final List<List<Rule>> extensionRules = new ArrayList<>();
        private final Map<String, Rule> rulesById = new HashMap<>();
        /** The last rule id looked up in {@link #rulesById}, and what it found. */
        private String lastRuleId;
        private Rule lastRuleById;
        private final List<Pending> pending = new ArrayList<>();
        // results read before the tool, beyond the findings that can be kept: counted, strings dropped, so
        // that memory stays bounded whatever the number of results (Semgrep writes "results" before "tool")
        private int pendingSuppressed;
        private final Map<SeverityKey, Integer> pendingNotKept = new LinkedHashMap<>();
        private final Set<String> pendingFacets = new java.util.TreeSet<>();
        private String lastPendingPath = "";
        private final Map<String, String> pendingStrings = new HashMap<>();
        private final Map<EvidenceKind, Boolean> ruleKinds = new java.util.EnumMap<>(EvidenceKind.class);
        private String producedAt;
        private boolean imageScan;
        private EvidenceCollector collector;

        Run(final ReportSource source) {
            this.source = source;
        }

        void read(final JsonParser p, final Map<String, EvidenceCollector> byTool) throws IOException {
            boolean toolDone = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "tool" -> {
                        readTool(p);
                        toolDone = true;
                        collector = collectorFor(byTool);
                    }
                    case "rules" -> readRules(p, driverRules); // SARIF 1.0: rules at run level
                    case "resources" -> readResources(p); // SARIF 2.0 pre-release
                    case "results" -> {
                        if (value == JsonToken.START_ARRAY) {
                            while (p.nextToken() == JsonToken.START_OBJECT) {
                                Pending r = readResult(p);
                                if (toolDone) {
                                    record(r);
                                }
                                else {
                                    defer(r);
                                }
                            }
                        }
                        else {
                            p.skipChildren();
                        }
                    }
                    case "invocations" -> readInvocations(p);
                    case "invocation" -> readInvocation(p); // SARIF 1.0
                    case "properties" -> readRunProperties(p);
                    default -> p.skipChildren();
                }
            }
            if (collector == null) {
                collector = collectorFor(byTool);
            }
            for (Pending r : pending) {
                record(r);
            }
            pending.clear();
            for (int i = 0; i < pendingSuppressed; i++) {
                collector.suppressedFinding();
            }
            pendingNotKept.forEach((key, count) -> {
                Severity severity = severityOf(findRule(key.componentIndex(), key.ruleIndex(), key.ruleId()),
                        key.securitySeverity(), key.level());
                for (int i = 0; i < count; i++) {
                    collector.openFindingNotKept(severity); // the kept pending results filled the findings
                }
            });
            pendingNotKept.clear();
            pendingStrings.clear();
            pendingFacets.forEach(collector::facet);
            collector.producedAt(producedAt);
            for (EvidenceKind k : kinds()) {
                collector.kind(k);
            }
            if (isJavaScriptAnalyser()) {
                collector.facet(Facets.LANGUAGE_JAVASCRIPT);
            }
        }

        private EvidenceCollector collectorFor(final Map<String, EvidenceCollector> byTool) {
            String name = tool == null || tool.isBlank() ? "unknown SARIF producer" : tool;
            EvidenceCollector c = byTool.computeIfAbsent(name.toLowerCase(Locale.ROOT),
                    k -> new EvidenceCollector(ID, source));
            c.tool(name);
            c.toolVersion(version);
            return c;
        }

        private void readTool(final JsonParser p) throws IOException {
            if (!JsonWalk.enterObject(p)) {
                return;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "driver" -> readComponent(p, true);
                    case "extensions" -> {
                        if (value == JsonToken.START_ARRAY) {
                            while (p.nextToken() == JsonToken.START_OBJECT) {
                                List<Rule> rules = new ArrayList<>();
                                extensionRules.add(rules);
                                readComponentInto(p, rules, false);
                            }
                        }
                        else {
                            p.skipChildren();
                        }
                    }
                    // SARIF 1.0 and 2.0 pre-release: the tool is the driver
                    case "name" -> tool = firstNonBlank(tool, JsonReports.text(p));
                    case "version" -> version = firstNonBlank(version, JsonReports.text(p));
                    case "semanticVersion" -> version = firstNonBlank(version, JsonReports.text(p));
                    default -> p.skipChildren();
                }
            }
        }

        private void readComponent(final JsonParser p, final boolean driver) throws IOException {
            readComponentInto(p, driverRules, driver);
        }

        private void readComponentInto(final JsonParser p, final List<Rule> rules, final boolean driver)
                throws IOException {
            if (!JsonWalk.enterObject(p)) {
                return;
            }
            String semantic = null;
            String plain = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "name" -> {
                        String name = JsonReports.text(p);
                        if (driver) {
                            tool = name;
                        }
                        else if (name != null) {
                            componentNames.add(name);
                        }
                    }
                    case "version" -> plain = JsonReports.text(p);
                    case "semanticVersion" -> semantic = JsonReports.text(p);
                    case "rules" -> readRules(p, rules);
                    default -> p.skipChildren();
                }
            }
            if (driver) {
                version = firstNonBlank(plain, semantic);
            }
        }

        private void readResources(final JsonParser p) throws IOException {
            if (!JsonWalk.enterObject(p)) {
                return;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if ("rules".equals(field)) {
                    readRules(p, driverRules);
                }
                else {
                    p.skipChildren();
                }
            }
        }

        /** Rules as an array (2.1) or as an object keyed by id (1.0, 2.0 pre-release). */
        private void readRules(final JsonParser p, final List<Rule> into) throws IOException {
            if (p.currentToken() == JsonToken.START_ARRAY) {
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    addRule(readRule(p, null), into);
                }
            }
            else if (p.currentToken() == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    if (p.nextToken() == JsonToken.START_OBJECT) {
                        addRule(readRule(p, key), into);
                    }
                    else {
                        p.skipChildren();
                    }
                }
            }
            else {
                p.skipChildren();
            }
        }

        private void addRule(final Rule rule, final List<Rule> into) {
            into.add(rule);
            if (rule.id() != null) {
                rulesById.putIfAbsent(rule.id(), rule);
                lastRuleId = null; // what a rule id found may change
            }
        }

        private Rule readRule(final JsonParser p, final String key) throws IOException {
            String id = key;
            String name = null;
            String shortDescription = null;
            String level = null;
            double securitySeverity = Double.NaN;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "id" -> id = firstNonBlank(JsonReports.text(p), id);
                    case "name" -> name = value == JsonToken.START_OBJECT ? textProperty(p) : JsonReports.text(p);
                    case "shortDescription" ->
                            shortDescription = value == JsonToken.START_OBJECT ? textProperty(p) : JsonReports.text(p);
                    case "defaultConfiguration" -> level = firstNonBlank(stringProperty(p, "level"), level);
                    case "configuration" -> level = firstNonBlank(stringProperty(p, "defaultLevel"), level);
                    case "defaultLevel" -> level = firstNonBlank(JsonReports.text(p), level);
                    case "properties" -> securitySeverity = readSecuritySeverity(p);
                    default -> p.skipChildren();
                }
            }
            if (name != null) {
                noteRuleName(name);
            }
            return new Rule(id, firstNonBlank(shortDescription, name), level, securitySeverity);
        }

        private void noteRuleName(final String name) {
            String n = name.toLowerCase(Locale.ROOT);
            if (n.contains("ospackage") || n.contains("os package")) {
                ruleKinds.put(EvidenceKind.CONTAINER, true);
                ruleKinds.put(EvidenceKind.SCA, true);
            }
            else if (n.contains("languagespecificpackage") || n.contains("language-specific package")) {
                ruleKinds.put(EvidenceKind.SCA, true);
            }
            else if (n.equals("misconfiguration") || n.contains("misconfig")) {
                ruleKinds.put(EvidenceKind.IAC, true);
            }
            else if (n.equals("secret") || n.startsWith("secret")) {
                ruleKinds.put(EvidenceKind.SECRETS, true);
            }
        }

        /** Reads {@code properties}: a numeric security-severity, else NaN. */
        private static double readSecuritySeverity(final JsonParser p) throws IOException {
            double result = Double.NaN;
            if (p.currentToken() != JsonToken.START_OBJECT) {
                p.skipChildren();
                return result;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if ("security-severity".equals(field)) {
                    result = JsonReports.number(p);
                }
                else {
                    p.skipChildren();
                }
            }
            return result;
        }

        private Pending readResult(final JsonParser p) throws IOException {
            String ruleId = null;
            int ruleIndex = -1;
            int componentIndex = -1;
            String level = null;
            String kind = null;
            double securitySeverity = Double.NaN;
            String message = null;
            String location = null;
            String fingerprint = null;
            String partial = null;
            boolean suppressed = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "ruleId" -> ruleId = JsonReports.text(p);
                    case "ruleIndex" -> ruleIndex = value == JsonToken.VALUE_NUMBER_INT ? p.getIntValue() : -1;
                    case "rule" -> {
                        int[] idx = {-1, -1};
                        // the reference's id is used only when ruleId gave none
                        String id = readRuleReference(p, idx, ruleId == null || ruleId.isBlank());
                        ruleId = firstNonBlank(ruleId, id);
                        if (idx[0] >= 0) {
                            ruleIndex = idx[0];
                        }
                        componentIndex = idx[1];
                    }
                    case "level" -> level = JsonReports.text(p);
                    case "kind" -> kind = JsonReports.text(p);
                    case "message" -> message = value == JsonToken.START_OBJECT ? textProperty(p) : JsonReports.text(p);
                    case "locations" -> location = firstNonBlank(location, readLocations(p));
                    case "analysisTarget" -> location = firstNonBlank(location, stringProperty(p, "uri"));
                    case "suppressions" -> suppressed = readSuppressions(p);
                    case "suppressionStates" -> suppressed = readSuppressionStates(p);
                    case "fingerprints" -> fingerprint = readFingerprints(p);
                    case "partialFingerprints" -> partial = readFingerprints(p);
                    case "toolFingerprintContribution" -> fingerprint = JsonReports.text(p);
                    case "properties" -> securitySeverity = readSecuritySeverity(p);
                    default -> p.skipChildren();
                }
            }
            return new Pending(ruleId, ruleIndex, componentIndex, level, kind, securitySeverity, message, location,
                    firstNonBlank(fingerprint, partial), suppressed);
        }

        private static String readRuleReference(final JsonParser p, final int[] indexes, final boolean needId)
                throws IOException {
            if (!JsonWalk.enterObject(p)) {
                return null;
            }
            String id = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "id" -> {
                        if (needId) {
                            id = JsonReports.text(p);
                        }
                        else {
                            p.skipChildren();
                        }
                    }
                    case "index" -> indexes[0] = value == JsonToken.VALUE_NUMBER_INT ? p.getIntValue() : -1;
                    case "toolComponent" -> {
                        if (value == JsonToken.START_OBJECT) {
                            while (p.nextToken() == JsonToken.FIELD_NAME) {
                                String f = p.currentName();
                                JsonToken v = p.nextToken();
                                if ("index".equals(f) && v == JsonToken.VALUE_NUMBER_INT) {
                                    indexes[1] = p.getIntValue();
                                }
                                else {
                                    p.skipChildren();
                                }
                            }
                        }
                        else {
                            p.skipChildren();
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            return id;
        }

        /** The first location's file: physicalLocation.artifactLocation (2.1), fileLocation (2.0), resultFile (1.0). */
        private static String readLocations(final JsonParser p) throws IOException {
            if (!JsonWalk.enterArray(p)) {
                return null;
            }
            String uri = null;
            while (p.nextToken() == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    p.nextToken();
                    if (uri == null && "physicalLocation".equals(field) && p.currentToken() == JsonToken.START_OBJECT) {
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String f = p.currentName();
                            p.nextToken();
                            if (uri == null && ("artifactLocation".equals(f) || "fileLocation".equals(f))) {
                                uri = stringProperty(p, "uri");
                            }
                            else {
                                p.skipChildren();
                            }
                        }
                    }
                    else if (uri == null && ("resultFile".equals(field) || "analysisTarget".equals(field))) {
                        uri = stringProperty(p, "uri");
                    }
                    else {
                        p.skipChildren();
                    }
                }
            }
            return uri;
        }

        /** Suppressed when there is a suppression and none is under review or rejected. */
        private static boolean readSuppressions(final JsonParser p) throws IOException {
            if (!JsonWalk.enterArray(p)) {
                return false;
            }
            int count = 0;
            boolean vetoed = false;
            while (p.nextToken() == JsonToken.START_OBJECT) {
                count++;
                String status = stringPropertyOfCurrentObject(p, "status");
                if (status != null) {
                    String s = status.toLowerCase(Locale.ROOT);
                    if (s.equals("underreview") || s.equals("rejected")) {
                        vetoed = true;
                    }
                }
            }
            return count > 0 && !vetoed;
        }

        /** SARIF 1.0 / 2.0 pre-release: suppressedInSource or suppressedExternally. */
        private static boolean readSuppressionStates(final JsonParser p) throws IOException {
            boolean suppressed = false;
            if (!JsonWalk.enterArray(p)) {
                return false;
            }
            while (p.nextToken() != JsonToken.END_ARRAY) {
                String s = JsonReports.text(p);
                if (s != null && s.toLowerCase(Locale.ROOT).startsWith("suppressed")) {
                    suppressed = true;
                }
            }
            return suppressed;
        }

        /** Fingerprints as "key=value" pairs in key order, or null. */
        private static String readFingerprints(final JsonParser p) throws IOException {
            if (!JsonWalk.enterObject(p)) {
                return null;
            }
            // keys in order, the last value of a repeated key wins: a sorted map, without its cost per result
            String[] keys = new String[4];
            String[] values = new String[4];
            int n = 0;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                p.nextToken();
                String v = JsonReports.text(p);
                if (v == null) {
                    continue;
                }
                int at = 0;
                while (at < n && keys[at].compareTo(key) < 0) {
                    at++;
                }
                if (at < n && keys[at].equals(key)) {
                    values[at] = v;
                    continue;
                }
                if (n == keys.length) {
                    keys = Arrays.copyOf(keys, n * 2);
                    values = Arrays.copyOf(values, n * 2);
                }
                System.arraycopy(keys, at, keys, at + 1, n - at);
                System.arraycopy(values, at, values, at + 1, n - at);
                keys[at] = key;
                values[at] = v;
                n++;
            }
            if (n == 0) {
                return null;
            }
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < n; i++) {
                b.append(keys[i]).append('=').append(values[i]).append(';');
            }
            return b.toString();
        }

        private void readInvocations(final JsonParser p) throws IOException {
            if (!JsonWalk.enterArray(p)) {
                return;
            }
            while (p.nextToken() == JsonToken.START_OBJECT) {
                readInvocationFields(p);
            }
        }

        private void readInvocation(final JsonParser p) throws IOException {
            if (p.currentToken() == JsonToken.START_OBJECT) {
                readInvocationFields(p);
            }
            else {
                p.skipChildren();
            }
        }

        private void readInvocationFields(final JsonParser p) throws IOException {
            String end = null;
            String start = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "endTimeUtc", "endTime" -> end = JsonReports.text(p);
                    case "startTimeUtc", "startTime" -> start = JsonReports.text(p);
                    default -> p.skipChildren();
                }
            }
            if (producedAt == null) {
                producedAt = firstNonBlank(end, start);
            }
        }

        private void readRunProperties(final JsonParser p) throws IOException {
            if (!JsonWalk.enterObject(p)) {
                return;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if ("imageName".equals(field) || "imageID".equals(field)) {
                    imageScan = true;
                }
                p.skipChildren();
            }
        }

        /**
         * Keeps a result read before the tool until the run is read, with no more than {@link #record} will use:
         * a result that is no finding is dropped, a suppressed one counted; the first
         * {@link Evidence.Builder#MAX_FINDINGS} open ones are kept with their title shortened as a finding has it;
         * later ones cannot be kept as findings whatever comes before them, so only their severity inputs are
         * counted and the facets of their location collected.
         */
        private void defer(final Pending r) {
            if (isNotAFinding(r.kind(), r.level())) {
                return;
            }
            if (r.suppressed()) {
                pendingSuppressed++;
                return;
            }
            if (pending.size() < Evidence.Builder.MAX_FINDINGS) {
                pending.add(new Pending(share(r.ruleId()), r.ruleIndex(), r.componentIndex(), share(r.level()),
                        share(r.kind()), r.securitySeverity(),
                        r.message() == null ? null : share(EvidenceCollector.keptTitle(r.message())), r.location(),
                        r.fingerprint(), false));
                return;
            }
            pendingNotKept.merge(new SeverityKey(r.ruleId(), r.ruleIndex(), r.componentIndex(), r.level(),
                    r.securitySeverity()), 1, Integer::sum);
            String where = EvidenceCollector.keptPath(r.location());
            if (!where.equals(lastPendingPath)) {
                lastPendingPath = where;
                Facets.fromPath(where, pendingFacets);
            }
        }

        /** One instance of equal rule ids, levels and titles among the kept results (a bounded number). */
        private String share(final String s) {
            if (s == null) {
                return null;
            }
            String known = pendingStrings.get(s);
            if (known != null) {
                return known;
            }
            if (pendingStrings.size() < MAX_SHARED) {
                pendingStrings.put(s, s);
            }
            return s;
        }

        private void record(final Pending r) {
            if (isNotAFinding(r.kind(), r.level())) {
                return;
            }
            if (r.suppressed()) {
                collector.suppressedFinding();
                return;
            }
            Rule rule = findRule(r.componentIndex(), r.ruleIndex(), r.ruleId());
            Severity severity = severityOf(rule, r.securitySeverity(), r.level());
            String ruleId = firstNonBlank(r.ruleId(), rule == null ? null : rule.id());
            String title = rule != null && rule.title() != null ? rule.title() : r.message();
            String fingerprint = r.fingerprint() == null ? null : (ruleId == null ? "" : ruleId) + '|' + r.fingerprint();
            collector.openFinding(severity, ruleId, title, r.location(), fingerprint);
        }

        /** Severity: the result's security-severity, else its rule's, else the effective level. */
        private static Severity severityOf(final Rule rule, final double resultScore, final String resultLevel) {
            double score = !Double.isNaN(resultScore) ? resultScore
                    : rule == null ? Double.NaN : rule.securitySeverity();
            if (!Double.isNaN(score)) {
                return Severity.fromScore(score);
            }
            String level = firstNonBlank(resultLevel, rule == null ? null : rule.defaultLevel());
            return severityOfLevel(level == null ? "warning" : level);
        }

        private Rule findRule(final int componentIndex, final int ruleIndex, final String ruleId) {
            List<Rule> table = driverRules;
            if (componentIndex >= 0 && componentIndex < extensionRules.size()) {
                table = extensionRules.get(componentIndex);
            }
            if (ruleIndex >= 0 && ruleIndex < table.size()) {
                return table.get(ruleIndex);
            }
            if (ruleId == null) {
                return null;
            }
            if (ruleId.equals(lastRuleId)) { // results come in runs of one rule
                return lastRuleById;
            }
            Rule rule = rulesById.get(ruleId);
            int slash = ruleId.indexOf('/');
            if (rule == null && slash > 0) {
                rule = rulesById.get(ruleId.substring(0, slash)); // hierarchical rule id
            }
            lastRuleId = ruleId;
            lastRuleById = rule;
            return rule;
        }

        private static boolean isNotAFinding(final String kind, final String level) {
            if (kind != null && NOT_FINDINGS.contains(kind.toLowerCase(Locale.ROOT))) {
                return true;
            }
            return level != null && NOT_FINDINGS.contains(level.toLowerCase(Locale.ROOT));
        }

        private static Severity severityOfLevel(final String level) {
            return switch (level.toLowerCase(Locale.ROOT)) {
                case "error" -> Severity.HIGH;
                case "warning" -> Severity.MEDIUM;
                case "note" -> Severity.LOW;
                case "none" -> Severity.INFO;
                default -> Severity.UNKNOWN;
            };
        }

        private java.util.Set<EvidenceKind> kinds() {
            java.util.Set<EvidenceKind> kinds = SarifTools.kindsOf(tool, componentNames);
            if (!ruleKinds.isEmpty() && SarifTools.isMultiPurposeScanner(tool)) {
                kinds = java.util.EnumSet.copyOf(ruleKinds.keySet());
            }
            if (imageScan && SarifTools.isMultiPurposeScanner(tool)) {
                kinds.add(EvidenceKind.CONTAINER);
            }
            return kinds;
        }

        private boolean isJavaScriptAnalyser() {
            if (SarifTools.isJavaScriptTool(tool)) {
                return true;
            }
            for (String c : componentNames) {
                if (SarifTools.isJavaScriptTool(c)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Text of {"text": ...} (message, multiformatMessageString); skips the rest. */
    private static String textProperty(final JsonParser p) throws IOException {
        return stringProperty(p, "text");
    }

    /** The string value of {@code key} in the object the parser is on; skips the rest of the object. */
    static String stringProperty(final JsonParser p, final String key) throws IOException {
        if (!JsonWalk.enterObject(p)) {
            return null;
        }
        return stringPropertyOfCurrentObject(p, key);
    }

    private static String stringPropertyOfCurrentObject(final JsonParser p, final String key) throws IOException {
        String result = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            if (key.equals(field)) {
                result = JsonReports.text(p);
            }
            else {
                p.skipChildren();
            }
        }
        return result;
    }

    private static String firstNonBlank(final String a, final String b) {
        return a != null && !a.isBlank() ? a : b;
    }
}
