package io.jenkins.plugins.dsomm.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.filter.FilteringParserDelegate;
import com.fasterxml.jackson.core.filter.TokenFilter;
import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.dsomm.assess.ActivityResult;
import io.jenkins.plugins.dsomm.assess.ActivityStatus;
import io.jenkins.plugins.dsomm.assess.Assessment;
import io.jenkins.plugins.dsomm.assess.AssessmentOptions;
import io.jenkins.plugins.dsomm.context.BuildContext;
import io.jenkins.plugins.dsomm.assess.DeclarationState;
import io.jenkins.plugins.dsomm.assess.DimensionLevel;
import io.jenkins.plugins.dsomm.assess.LevelSupport;
import io.jenkins.plugins.dsomm.assess.LevelView;
import io.jenkins.plugins.dsomm.assess.SubDimensionLevel;
import io.jenkins.plugins.dsomm.assess.IgnoredFile;
import io.jenkins.plugins.dsomm.assess.UnreadableFile;
import io.jenkins.plugins.dsomm.attest.Targets;
import io.jenkins.plugins.dsomm.attest.Validity;
import io.jenkins.plugins.dsomm.catalog.Activity;
import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.gate.Gap;
import io.jenkins.plugins.dsomm.gate.GapItem;
import io.jenkins.plugins.dsomm.gate.GapList;
import io.jenkins.plugins.dsomm.gate.GateResult;
import io.jenkins.plugins.dsomm.gate.Outcome;
import io.jenkins.plugins.dsomm.gate.RuleCheck;
import io.jenkins.plugins.dsomm.kpi.FindingSnapshot;
import io.jenkins.plugins.dsomm.kpi.Kpis;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The assessment document ({@code assessment.json}): versioned, documented in docs/assessment-schema.md, written
 * by every run and read back as the reference of a later one. Readers accept every schema version up to
 * {@link #SCHEMA_VERSION} and ignore fields they do not know.
 */
public final class AssessmentJson {
    /** Skips {@code evidence[*].findings} of a document. */
    private static final TokenFilter WITHOUT_FINDINGS = new TokenFilter() {
        @Override
        public TokenFilter includeProperty(final String name) {
            return "evidence".equals(name) ? EVIDENCE : TokenFilter.INCLUDE_ALL;
        }
    };
    /** The {@code evidence} array: each element without its {@code findings}. */
    private static final TokenFilter EVIDENCE = new TokenFilter() {
        @Override
        public TokenFilter includeElement(final int index) {
            return EVIDENCE_ITEM;
        }
    };
    private static final TokenFilter EVIDENCE_ITEM = new TokenFilter() {
        @Override
        public TokenFilter includeProperty(final String name) {
            return "findings".equals(name) ? null : TokenFilter.INCLUDE_ALL;
        }
    };
    /** Identifies the document type. */
    public static final String SCHEMA = "https://dsomm-gate.jenkins.io/schema/assessment";
    /**
     * Version written; bumped when the meaning of a field changes or a required field is added. 2 added the
     * {@code kpi} block (finding snapshot and KPIs). 3 changed what levels mean (every activity in scope counts:
     * {@code unverified} replaces {@code not-assessed}, {@code out-of-scope} is new; {@code options.view} replaces
     * {@code options.strict}) and added targets, evidence ceilings, what carries each level, and gap actors.
     */
    public static final int SCHEMA_VERSION = 3;

    private AssessmentJson() {
    }

    /** Writes the document without KPIs (pretty printed, UTF-8). */
    public static void write(final Assessment a, final GateResult gate, final OutputStream out) throws IOException {
        write(a, gate, null, out);
    }

    /** Writes the document (pretty printed, UTF-8); {@code kpis} may be null. */
    public static void write(final Assessment a, final GateResult gate, final Kpis kpis, final OutputStream out)
            throws IOException {
        GapList gaps = gate != null ? gate.gaps() : GapList.of(a);
        try (JsonGenerator g = Json.mapper().getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("schema", SCHEMA);
            g.writeNumberField("schemaVersion", SCHEMA_VERSION);
            g.writeStringField("createdAt", a.createdAt().toString());
            g.writeObjectFieldStart("subject");
            for (Map.Entry<String, String> e : new java.util.TreeMap<>(a.subject()).entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeObjectFieldStart("catalog");
            g.writeStringField("version", a.catalogVersion());
            g.writeStringField("source", a.catalogSource());
            g.writeNumberField("activities", a.activities().size());
            g.writeEndObject();
            g.writeObjectFieldStart("ruleSet");
            g.writeStringField("name", a.ruleSet());
            stringArray(g, "sources", a.ruleSources());
            g.writeEndObject();
            g.writeObjectFieldStart("options");
            g.writeStringField("view", a.view().key());
            if (a.options().maxEvidenceAgeDays() == null) {
                g.writeNullField("maxEvidenceAgeDays");
            }
            else {
                g.writeNumberField("maxEvidenceAgeDays", a.options().maxEvidenceAgeDays());
            }
            stringArray(g, "scope", a.options().scope());
            g.writeObjectFieldStart("targets");
            for (Map.Entry<String, Integer> t : a.options().targets().asMap().entrySet()) {
                g.writeNumberField(t.getKey(), t.getValue());
            }
            g.writeEndObject();
            g.writeEndObject();
            g.writeObjectFieldStart("context");
            g.writeBooleanField("pipeline", a.context().pipeline());
            g.writeBooleanField("scm", a.context().scm());
            stringArray(g, "facts", new ArrayList<>(a.context().facts()));
            g.writeEndObject();
            g.writeObjectFieldStart("overall");
            level(g, "level", a.overall());
            level(g, "evidenceCeiling", a.evidenceCeiling());
            level(g, "target", a.overallTarget());
            g.writeStringField("view", a.view().key());
            g.writeStringField("viewDescription", a.view().description());
            support(g, LevelSupport.overall(a));
            g.writeEndObject();
            g.writeObjectFieldStart("coverage");
            g.writeNumberField("activities", a.activities().size());
            g.writeNumberField("assessed", a.assessedActivities());
            g.writeNumberField("unverified", a.count(ActivityStatus.UNVERIFIED));
            g.writeNumberField("outOfScope", a.count(ActivityStatus.OUT_OF_SCOPE));
            g.writeNumberField("counted", a.countedActivities());
            g.writeObjectFieldStart("statuses");
            for (ActivityStatus status : ActivityStatus.values()) {
                g.writeNumberField(status.key(), a.count(status));
            }
            g.writeEndObject();
            g.writeEndObject();
            writeDimensions(g, a);
            writeActivities(g, a);
            writeGate(g, gate);
            writeGaps(g, gaps);
            g.writeArrayFieldStart("evidence");
            for (Evidence e : a.evidence()) {
                EvidenceJson.write(g, e);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("unreadable");
            for (UnreadableFile u : a.unreadable()) {
                g.writeStartObject();
                g.writeStringField("file", u.file());
                g.writeStringField("error", u.error());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("ignored");
            for (IgnoredFile i : a.ignored()) {
                g.writeStartObject();
                g.writeStringField("file", i.file());
                g.writeStringField("reason", i.reason());
                g.writeEndObject();
            }
            g.writeEndArray();
            stringArray(g, "stale", a.stale());
            writeDeclarations(g, a);
            stringArray(g, "warnings", a.warnings());
            KpiJson.write(g, FindingSnapshot.of(a.label(), a), kpis);
            g.writeEndObject();
        }
    }

    /** The document as a string. */
    public static String toString(final Assessment a, final GateResult gate) {
        return toString(a, gate, null);
    }

    /** The document as a string. */
    public static String toString(final Assessment a, final GateResult gate, final Kpis kpis) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(a, gate, kpis, out);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void writeDimensions(final JsonGenerator g, final Assessment a) throws IOException {
        g.writeArrayFieldStart("dimensions");
        for (DimensionLevel d : a.dimensions()) {
            g.writeStartObject();
            g.writeStringField("name", d.name());
            level(g, "level", d.level());
            g.writeBooleanField("inScope", d.inScope());
            level(g, "target", d.target());
            level(g, "evidenceCeiling", d.evidenceCeiling());
            g.writeNumberField("activities", d.activities());
            g.writeNumberField("counted", d.counted());
            g.writeNumberField("satisfied", d.satisfied());
            support(g, LevelSupport.of(a, d));
            g.writeArrayFieldStart("subDimensions");
            for (SubDimensionLevel s : d.subDimensions()) {
                g.writeStartObject();
                g.writeStringField("name", s.name());
                level(g, "level", s.level());
                g.writeBooleanField("inScope", s.inScope());
                level(g, "target", s.target());
                level(g, "evidenceCeiling", s.evidenceCeiling());
                g.writeNumberField("activities", s.activities());
                g.writeNumberField("counted", s.counted());
                g.writeNumberField("satisfied", s.satisfied());
                support(g, LevelSupport.of(a, s));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** {@code "support": {"upTo": 2, "statuses": {"met": 6, ...}, "sentence": "up to level 2: ..."}}. */
    private static void support(final JsonGenerator g, final LevelSupport support) throws IOException {
        g.writeObjectFieldStart("support");
        g.writeNumberField("upTo", support.upTo());
        g.writeObjectFieldStart("statuses");
        for (Map.Entry<ActivityStatus, Integer> e : support.counts().entrySet()) {
            g.writeNumberField(e.getKey().key(), e.getValue());
        }
        g.writeEndObject();
        g.writeStringField("sentence", support.sentence());
        g.writeEndObject();
    }

    private static void writeActivities(final JsonGenerator g, final Assessment a) throws IOException {
        g.writeArrayFieldStart("activities");
        for (ActivityResult r : a.activities()) {
            g.writeStartObject();
            g.writeStringField("uuid", r.uuid());
            g.writeStringField("name", r.activity().name());
            g.writeStringField("dimension", r.activity().dimension());
            g.writeStringField("subDimension", r.activity().subDimension());
            g.writeNumberField("level", r.activity().level());
            g.writeStringField("status", r.status().key());
            g.writeStringField("reason", r.reason());
            stringArray(g, "evidence", r.evidence());
            g.writeStringField("requirement", r.requirement());
            g.writeStringField("declaration", r.declaration());
            stringArray(g, "notes", r.notes());
            if (r.status() == ActivityStatus.BLOCKED) {
                stringArray(g, "blockedBy", r.blockedBy());
                g.writeStringField("wouldBe", r.wouldBe() == null ? null : r.wouldBe().key());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void writeGate(final JsonGenerator g, final GateResult gate) throws IOException {
        if (gate == null) {
            g.writeNullField("gate");
            return;
        }
        g.writeObjectFieldStart("gate");
        g.writeStringField("outcome", gate.outcome().name());
        g.writeArrayFieldStart("checks");
        for (RuleCheck c : gate.checks()) {
            g.writeStartObject();
            g.writeStringField("rule", c.rule());
            g.writeStringField("outcome", c.outcome().name());
            g.writeStringField("message", c.message());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeGaps(final JsonGenerator g, final GapList gaps) throws IOException {
        g.writeArrayFieldStart("gaps");
        for (Gap gap : gaps.gaps()) {
            g.writeStartObject();
            g.writeStringField("dimension", gap.dimension());
            g.writeStringField("subDimension", gap.subDimension());
            g.writeNumberField("level", gap.level());
            g.writeNumberField("targetLevel", gap.target());
            level(g, "declaredTarget", gap.declaredTarget());
            g.writeBooleanField("limitsOverall", gap.limitsOverall());
            g.writeArrayFieldStart("activities");
            for (GapItem i : gap.items()) {
                g.writeStartObject();
                g.writeStringField("uuid", i.uuid());
                g.writeStringField("name", i.name());
                g.writeNumberField("level", i.level());
                g.writeStringField("status", i.status().key());
                g.writeStringField("reason", i.reason());
                g.writeStringField("hint", i.hint());
                g.writeStringField("actor", i.actor().name().toLowerCase(java.util.Locale.ROOT));
                if (!i.prerequisiteOf().isEmpty()) {
                    g.writeStringField("prerequisiteOf", i.prerequisiteOf());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        stringArray(g, "unverifiedPrerequisites", gaps.unverifiedPrerequisites());
    }

    private static void writeDeclarations(final JsonGenerator g, final Assessment a) throws IOException {
        g.writeArrayFieldStart("declarations");
        for (DeclarationState d : a.declarations()) {
            g.writeStartObject();
            g.writeStringField("type", d.type());
            g.writeStringField("subject", d.subject());
            g.writeStringField("activity", d.activity());
            g.writeStringField("by", d.by());
            g.writeStringField("date", d.date() == null ? null : d.date().toString());
            g.writeStringField("expires", d.expires() == null ? null : d.expires().toString());
            g.writeStringField("detail", d.detail());
            g.writeStringField("state", d.validity().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            g.writeNumberField("matched", d.matched());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void level(final JsonGenerator g, final String field, final Integer level) throws IOException {
        if (level == null) {
            g.writeNullField(field);
        }
        else {
            g.writeNumberField(field, level);
        }
    }

    private static void stringArray(final JsonGenerator g, final String field, final List<String> values)
            throws IOException {
        g.writeArrayFieldStart(field);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    /** Reads a document file. */
    public static AssessmentDocument read(final Path file) {
        if (Files.isDirectory(file)) {
            throw new AssessmentFormatException(file + ": cannot read: a folder, not an assessment document", null);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
        catch (IOException e) {
            throw new AssessmentFormatException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Reads a document; {@code name} is used in messages. */
    public static AssessmentDocument read(final InputStream in, final String name) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(in);
        }
        catch (IOException e) {
            throw invalidJson(name, e);
        }
        return read(root, name);
    }

    /**
     * Reads a document of a history (the KPIs and the trend of later runs), in less time and memory than {@link
     * #read(Path)}: the evidence's findings are skipped while parsing, as the document's finding snapshot holds
     * their identities, severities and scanners, so the assessment's evidence has no findings (its counts and
     * {@code findingsTruncated} are kept). A document without a snapshot (schema 1) is read whole, its snapshot
     * made from the findings, and the findings are dropped then.
     */
    public static AssessmentDocument readForHistory(final Path file) {
        return readForHistory(file, file.toString());
    }

    /** {@link #readForHistory(Path)}, naming the file {@code name} in messages. */
    public static AssessmentDocument readForHistory(final Path file, final String name) {
        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            root = readWithoutFindings(in, name);
        }
        catch (IOException e) {
            throw new AssessmentFormatException(name + ": cannot read: " + e.getMessage(), e);
        }
        if (root == null || root.path("kpi").has("snapshot")) {
            return read(root, name);
        }
        AssessmentDocument whole;
        try (InputStream in = Files.newInputStream(file)) {
            whole = read(in, name);
        }
        catch (IOException e) {
            throw new AssessmentFormatException(name + ": cannot read: " + e.getMessage(), e);
        }
        Assessment a = whole.assessment();
        List<Evidence> evidence = new ArrayList<>();
        for (Evidence e : a.evidence()) {
            evidence.add(e.toBuilder().findings(List.of(), e.findingsTruncated()).build());
        }
        return new AssessmentDocument(whole.schemaVersion(), new Assessment(a.createdAt(), a.catalogVersion(),
                a.catalogSource(), a.ruleSet(), a.ruleSources(), a.options(), a.context(), a.subject(), a.overall(),
                a.dimensions(), a.activities(), evidence, a.unreadable(), a.ignored(), a.declarations(), a.stale(),
                a.evidenceCeiling(), a.warnings()), whole.gate(), whole.snapshot(), whole.kpis());
    }

    private static JsonNode readWithoutFindings(final InputStream in, final String name) {
        try (JsonParser p = new FilteringParserDelegate(Json.mapper().createParser(in), WITHOUT_FINDINGS,
                TokenFilter.Inclusion.INCLUDE_ALL_AND_PATH, true)) {
            return Json.mapper().readTree(p);
        }
        catch (IOException e) {
            throw invalidJson(name, e);
        }
    }

    private static AssessmentFormatException invalidJson(final String name, final IOException e) {
        if (e instanceof com.fasterxml.jackson.core.JsonProcessingException) {
            return new AssessmentFormatException(name + ": not a DSOMM Gate assessment: invalid JSON: "
                    + Json.problem(e), e);
        }
        return new AssessmentFormatException(name + ": cannot read: " + Json.problem(e), e);
    }

    private static AssessmentDocument read(final JsonNode root, final String name) {
        if (root == null || !root.isObject() || !SCHEMA.equals(root.path("schema").asText())) {
            throw new AssessmentFormatException(name + ": not a DSOMM Gate assessment (no \"schema\": \"" + SCHEMA
                    + "\")", null);
        }
        int version = root.path("schemaVersion").asInt(-1);
        if (version < 1 || version > SCHEMA_VERSION) {
            throw new AssessmentFormatException(name + ": assessment schema version " + version
                    + " is not supported (this DSOMM Gate reads 1 to " + SCHEMA_VERSION + ")", null);
        }
        try {
            Assessment assessment = readAssessment(root, version);
            JsonNode kpi = root.path("kpi");
            FindingSnapshot snapshot = kpi.has("snapshot")
                    ? KpiJson.readSnapshot(kpi.path("snapshot"), assessment.label(), assessment.createdAt())
                    : FindingSnapshot.of(assessment.label(), assessment); // schema 1: from the evidence
            return new AssessmentDocument(version, assessment, readGate(root.path("gate"), assessment), snapshot,
                    KpiJson.readKpis(kpi));
        }
        catch (RuntimeException e) {
            throw new AssessmentFormatException(name + ": corrupt assessment document: " + e.getMessage(), e);
        }
    }

    /**
     * The assessment of a document. A schema 1 or 2 document was made before every activity counted: read with
     * {@code strict: false} it is in the evidence-only view (which is what it was), and its {@code not-assessed}
     * activities are unverified.
     */
    private static Assessment readAssessment(final JsonNode root, final int version) {
        Map<String, String> subject = new LinkedHashMap<>();
        root.path("subject").properties().forEach(e -> subject.put(e.getKey(), e.getValue().asText()));
        JsonNode o = root.path("options");
        List<String> scope = strings(o.path("scope"));
        LevelView view = version <= 2
                ? o.path("strict").asBoolean(false) ? LevelView.DSOMM : LevelView.EVIDENCE_ONLY
                : LevelView.ofKey(o.path("view").asText(LevelView.DSOMM.key()));
        Map<String, Integer> named = new LinkedHashMap<>();
        o.path("targets").properties().forEach(e -> named.put(e.getKey(), e.getValue().asInt()));
        AssessmentOptions options = new AssessmentOptions(view,
                o.path("maxEvidenceAgeDays").isNumber() ? o.path("maxEvidenceAgeDays").asInt() : null, scope,
                Targets.of(named));
        JsonNode c = root.path("context");
        Set<String> facts = new HashSet<>(strings(c.path("facts")));
        BuildContext context = new BuildContext(c.path("pipeline").asBoolean(false), c.path("scm").asBoolean(false),
                facts);
        List<DimensionLevel> dimensions = new ArrayList<>();
        for (JsonNode d : root.path("dimensions")) {
            boolean dimensionInScope = d.path("inScope").asBoolean(true);
            List<SubDimensionLevel> subs = new ArrayList<>();
            for (JsonNode s : d.path("subDimensions")) {
                subs.add(new SubDimensionLevel(d.path("name").asText(), s.path("name").asText(), level(s.path("level")),
                        s.path("activities").asInt(), s.path("counted").asInt(), s.path("satisfied").asInt(),
                        s.path("inScope").asBoolean(dimensionInScope), level(s.path("target")),
                        level(s.path("evidenceCeiling"))));
            }
            dimensions.add(new DimensionLevel(d.path("name").asText(), level(d.path("level")), dimensionInScope, subs,
                    level(d.path("target")), level(d.path("evidenceCeiling"))));
        }
        List<ActivityResult> activities = new ArrayList<>();
        for (JsonNode a : root.path("activities")) {
            Activity activity = new Activity(a.path("uuid").asText(), a.path("name").asText(),
                    a.path("dimension").asText(), a.path("subDimension").asText(), a.path("level").asInt(), List.of());
            String wouldBe = a.path("wouldBe").asText("");
            activities.add(new ActivityResult(activity, ActivityStatus.ofKey(a.path("status").asText()),
                    a.path("reason").asText(""), strings(a.path("evidence")), a.path("requirement").asText(""),
                    a.path("declaration").asText(""), strings(a.path("notes")), strings(a.path("blockedBy")),
                    wouldBe.isEmpty() ? null : ActivityStatus.ofKey(wouldBe)));
        }
        List<Evidence> evidence = new ArrayList<>();
        root.path("evidence").forEach(e -> evidence.add(EvidenceJson.read(e)));
        List<UnreadableFile> unreadable = new ArrayList<>();
        root.path("unreadable").forEach(u -> unreadable.add(new UnreadableFile(u.path("file").asText(),
                u.path("error").asText())));
        List<IgnoredFile> ignored = new ArrayList<>();
        root.path("ignored").forEach(i -> ignored.add(new IgnoredFile(i.path("file").asText(),
                i.path("reason").asText())));
        List<DeclarationState> declarations = new ArrayList<>();
        for (JsonNode d : root.path("declarations")) {
            declarations.add(new DeclarationState(d.path("type").asText(), d.path("subject").asText(),
                    Json.text(d, "activity", null), d.path("by").asText(""), date(d.path("date")),
                    date(d.path("expires")), d.path("detail").asText(""),
                    Validity.valueOf(d.path("state").asText("valid").toUpperCase(java.util.Locale.ROOT).replace('-', '_')),
                    d.path("matched").asInt(0)));
        }
        JsonNode rs = root.path("ruleSet");
        return new Assessment(Instant.parse(root.path("createdAt").asText()), root.path("catalog").path("version").asText(""),
                root.path("catalog").path("source").asText(""), rs.path("name").asText(""), strings(rs.path("sources")),
                options, context, subject, level(root.path("overall").path("level")), dimensions, activities, evidence,
                unreadable, ignored, declarations, strings(root.path("stale")), level(root.path("overall").path("evidenceCeiling")),
                strings(root.path("warnings")));
    }

    /** The gate of a document; its gap list is the assessment's, as when it was written. */
    private static GateResult readGate(final JsonNode gate, final Assessment assessment) {
        if (gate.isMissingNode() || gate.isNull()) {
            return null;
        }
        List<RuleCheck> checks = new ArrayList<>();
        for (JsonNode c : gate.path("checks")) {
            checks.add(new RuleCheck(c.path("rule").asText(), Outcome.valueOf(c.path("outcome").asText()),
                    c.path("message").asText("")));
        }
        return new GateResult(Outcome.valueOf(gate.path("outcome").asText("PASS")), checks, GapList.of(assessment));
    }

    private static Integer level(final JsonNode n) {
        return n.isNumber() ? n.asInt() : null;
    }

    private static LocalDate date(final JsonNode n) {
        return n.isTextual() && !n.asText().isEmpty() ? LocalDate.parse(n.asText()) : null;
    }

    private static List<String> strings(final JsonNode n) {
        List<String> list = new ArrayList<>();
        n.forEach(v -> list.add(v.asText()));
        return list;
    }
}
