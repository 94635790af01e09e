package io.jenkins.plugins.dsomm.run;

import io.jenkins.plugins.dsomm.assess.Assessment;
import io.jenkins.plugins.dsomm.assess.AssessmentOptions;
import io.jenkins.plugins.dsomm.assess.Assessor;
import io.jenkins.plugins.dsomm.assess.DeclarationState;
import io.jenkins.plugins.dsomm.assess.IgnoredFile;
import io.jenkins.plugins.dsomm.assess.LevelView;
import io.jenkins.plugins.dsomm.assess.UnreadableFile;
import io.jenkins.plugins.dsomm.attest.BusinessContext;
import io.jenkins.plugins.dsomm.attest.Declarations;
import io.jenkins.plugins.dsomm.attest.DeclarationsException;
import io.jenkins.plugins.dsomm.attest.DeclarationsLoader;
import io.jenkins.plugins.dsomm.attest.ProgressDefinition;
import io.jenkins.plugins.dsomm.attest.Targets;
import io.jenkins.plugins.dsomm.attest.TeamProgressImport;
import io.jenkins.plugins.dsomm.catalog.Catalog;
import io.jenkins.plugins.dsomm.catalog.CatalogException;
import io.jenkins.plugins.dsomm.catalog.CatalogLoader;
import io.jenkins.plugins.dsomm.context.BuildContext;
import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
import io.jenkins.plugins.dsomm.evidence.Severity;
import io.jenkins.plugins.dsomm.gate.Gate;
import io.jenkins.plugins.dsomm.gate.GateResult;
import io.jenkins.plugins.dsomm.gate.Policy;
import io.jenkins.plugins.dsomm.ingest.IngestedFile;
import io.jenkins.plugins.dsomm.ingest.IngestResult;
import io.jenkins.plugins.dsomm.ingest.Ingestor;
import io.jenkins.plugins.dsomm.json.AssessmentDocument;
import io.jenkins.plugins.dsomm.json.AssessmentFormatException;
import io.jenkins.plugins.dsomm.json.AssessmentJson;
import io.jenkins.plugins.dsomm.json.History;
import io.jenkins.plugins.dsomm.kpi.FindingSnapshot;
import io.jenkins.plugins.dsomm.kpi.KpiCalculator;
import io.jenkins.plugins.dsomm.kpi.Kpis;
import io.jenkins.plugins.dsomm.kpi.SlaTable;
import io.jenkins.plugins.dsomm.mapping.MappingException;
import io.jenkins.plugins.dsomm.mapping.RuleSet;
import io.jenkins.plugins.dsomm.mapping.RuleSetLoader;
import io.jenkins.plugins.dsomm.render.TrendPoint;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static io.jenkins.plugins.dsomm.run.AssessOption.AT_TARGET;
import static io.jenkins.plugins.dsomm.run.AssessOption.COVERAGE_WINDOW;
import static io.jenkins.plugins.dsomm.run.AssessOption.DIMENSION_MINIMUMS;
import static io.jenkins.plugins.dsomm.run.AssessOption.EXTERNAL_FACING;
import static io.jenkins.plugins.dsomm.run.AssessOption.FACTS;
import static io.jenkins.plugins.dsomm.run.AssessOption.FAIL_ON_SLA;
import static io.jenkins.plugins.dsomm.run.AssessOption.FORMAT;
import static io.jenkins.plugins.dsomm.run.AssessOption.KPI_OUTCOME;
import static io.jenkins.plugins.dsomm.run.AssessOption.LEVEL_OUTCOME;
import static io.jenkins.plugins.dsomm.run.AssessOption.MAX_EVIDENCE_AGE;
import static io.jenkins.plugins.dsomm.run.AssessOption.MAX_MTTR;
import static io.jenkins.plugins.dsomm.run.AssessOption.MAX_OPEN;
import static io.jenkins.plugins.dsomm.run.AssessOption.MINIMUM_LEVEL;
import static io.jenkins.plugins.dsomm.run.AssessOption.MIN_COVERAGE;
import static io.jenkins.plugins.dsomm.run.AssessOption.PERSONAL_DATA;
import static io.jenkins.plugins.dsomm.run.AssessOption.REGRESSION;
import static io.jenkins.plugins.dsomm.run.AssessOption.REGRESSION_OUTCOME;
import static io.jenkins.plugins.dsomm.run.AssessOption.RULES;
import static io.jenkins.plugins.dsomm.run.AssessOption.SCOPE;
import static io.jenkins.plugins.dsomm.run.AssessOption.SLA;
import static io.jenkins.plugins.dsomm.run.AssessOption.STRICT;
import static io.jenkins.plugins.dsomm.run.AssessOption.TARGETS;
import static io.jenkins.plugins.dsomm.run.AssessOption.TEAM_PROGRESS;
import static io.jenkins.plugins.dsomm.run.AssessOption.VIEW;
import static io.jenkins.plugins.dsomm.run.AssessOption.TEAM;
import static io.jenkins.plugins.dsomm.run.AssessOption.THRESHOLD_OUTCOME;
import static io.jenkins.plugins.dsomm.run.AssessOption.WEIGHTS;

/**
 * The one way an assessment runs, end to end, for the command line and the Jenkins plugin alike: read the option
 * values into a policy; load the catalog, the mapping and the declarations; read the reports (unless they were
 * recorded before); read the reference and the history; assess; compute the KPIs; evaluate the gate. The adapters
 * translate their users' options into an {@link AssessmentRequest} and show the {@link RunResult}; they make no
 * decision and run no step of their own.
 */
public final class AssessmentRun {
    private static final DateTimeFormatter TREND_TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm")
            .withZone(ZoneOffset.UTC);

    private final AssessmentRequest request;
    private final OptionValues options;
    private static final String STRICT_IGNORED = "deprecated option: ";
    private final List<String> warnings = new ArrayList<>();
    private final List<UnreadableFile> unreadable = new ArrayList<>();
    private boolean inputProblem;
    /** Why the reference file could not be read, or null. */
    private String referenceProblem;

    private AssessmentRun(final AssessmentRequest request) {
        this.request = request;
        this.options = request.options;
    }

    /**
     * Runs the request.
     *
     * @throws RequestException when an option value, the model or the mapping is invalid (nothing is assessed)
     */
    public static RunResult execute(final AssessmentRequest request) {
        return new AssessmentRun(request).run();
    }

    /**
     * Checks option values as a run would read them, without running anything (for form validation).
     *
     * @throws RequestException naming the first invalid value
     */
    static void checkOptions(final OptionValues values) {
        AssessmentRun run = new AssessmentRun(AssessmentRequest.builder(values).build());
        valid(run::policy);
        run.assessmentOptions();
        valid(() -> new KpiCalculator(SlaTable.defaults().with(run.slaDays()), run.coverageWindow(),
                run.business(Declarations.none())));
    }

    private RunResult run() {
        Policy policy = valid(this::policy);
        Catalog catalog = catalog();
        checkDimensions(catalog);
        RuleSet ruleSet = ruleSet(catalog);
        AssessmentOptions assessmentOptions = assessmentOptions();
        checkTargets(assessmentOptions.targets(), catalog);
        ProgressDefinition progressDefinition = progressDefinition();
        Declarations file = declarations(catalog);
        String team = !options.text(TEAM).isEmpty() ? options.text(TEAM)
                : !file.team().isBlank() ? file.team() : AssessmentRequest.DEFAULT_TEAM;
        Declarations declarations = imported(file, catalog, progressDefinition);

        IngestResult read = request.reportPaths.isEmpty() ? request.recorded
                : new Ingestor().read(request.reportPaths, emptyToNull(options.text(FORMAT)), request.progress);
        List<Evidence> evidence = new ArrayList<>(read.evidence());
        evidence.addAll(request.moreEvidence);
        for (IngestedFile f : read.errors()) {
            unreadable.add(new UnreadableFile(f.file(), f.error()));
            inputProblem = true;
        }
        AssessmentDocument reference = reference();
        List<AssessmentDocument> history = history();

        Instant now = request.clock.instant();
        Map<String, String> subject = new LinkedHashMap<>();
        if (request.job != null) {
            subject.put("job", request.job);
        }
        if (request.build != null) {
            subject.put("build", request.build);
        }
        subject.put("team", team);
        if (request.buildUrl != null && !request.buildUrl.isBlank()) {
            subject.put("url", request.buildUrl);
        }
        Set<String> facts = new TreeSet<>(request.context.facts());
        facts.addAll(options.list(FACTS));
        BuildContext context = new BuildContext(request.context.pipeline(), request.context.scm(), facts);
        Assessment assessment = Assessor.of(catalog, ruleSet).at(now, request.clock.getZone()).evidence(evidence)
                .unreadable(unreadable).ignored(ignored(read)).vex(vex(read)).declarations(declarations)
                .context(context)
                .options(assessmentOptions).reference(reference == null ? null : reference.assessment())
                .subject(subject).assess();

        List<FindingSnapshot> snapshots = new ArrayList<>(request.historySnapshots);
        history.forEach(d -> snapshots.add(d.snapshot()));
        snapshots.add(FindingSnapshot.of(assessment.label(), assessment));
        Kpis kpis = valid(() -> new KpiCalculator(SlaTable.defaults().with(slaDays()), coverageWindow(),
                business(declarations)).compute(snapshots, reference == null ? null : reference.snapshot(),
                assessment, now));
        GateResult gate = Gate.evaluate(policy, assessment, reference == null ? null : reference.assessment(),
                request.referenceProblem != null ? request.referenceProblem : referenceProblem, kpis);

        List<TrendPoint> trend = new ArrayList<>();
        history.forEach(d -> trend.add(TrendPoint.of(trendLabel(d.assessment()), d.assessment())));
        trend.add(TrendPoint.of(trendLabel(assessment), assessment));
        if (request.referenceProblem != null) {
            inputProblem = true;
        }
        return new RunResult(assessment, kpis, gate, trend, team, LocalDate.ofInstant(now, request.clock.getZone()),
                request.reportPaths.isEmpty() ? List.of() : read.files(), warnings, inputProblem,
                progressDefinition);
    }

    /** The files the reading ignored (found by folder or pattern, recognised by no parser), with the reason. */
    private static List<IgnoredFile> ignored(final IngestResult read) {
        return read.unrecognised().stream().map(f -> new IgnoredFile(f.file(), f.error())).toList();
    }

    /** The VEX statements that suppressed findings of other reports, as declarations. */
    private static List<DeclarationState> vex(final IngestResult read) {
        return read.vexSuppressions().stream().map(s -> DeclarationState.vex(s.statement().vulnerability(),
                s.report(), s.statement().author(), s.statement().time() == null ? null
                        : LocalDate.ofInstant(s.statement().time(), ZoneOffset.UTC), s.statement().status(),
                s.statement().reason(), s.findings())).toList();
    }

    /** The gate policy the option values give. */
    private Policy policy() {
        Policy.Builder b = Policy.builder().minimumLevel(options.integer(MINIMUM_LEVEL))
                .levelOutcome(options.outcome(LEVEL_OUTCOME)).regression(options.bool(REGRESSION))
                .regressionOutcome(options.outcome(REGRESSION_OUTCOME))
                .thresholdOutcome(options.outcome(THRESHOLD_OUTCOME)).sla(options.bool(FAIL_ON_SLA))
                .kpiOutcome(options.outcome(KPI_OUTCOME)).atTarget(options.bool(AT_TARGET));
        options.integerPairs(DIMENSION_MINIMUMS).forEach(b::dimensionMinimum);
        options.integerPairs(MAX_OPEN).forEach(b::maxOpen);
        options.integerPairs(MIN_COVERAGE).forEach((k, v) -> b.minCoverage(kind(k), v));
        options.numberPairs(MAX_MTTR).forEach((k, v) -> b.maxMttrDays(severity(MAX_MTTR, k), v));
        return b.build();
    }

    /**
     * The view, evidence age, scope and targets the option values give. {@code strict} has no effect any more: a
     * warning says so.
     */
    private AssessmentOptions assessmentOptions() {
        if (options.bool(STRICT) && warnings.stream().noneMatch(w -> w.startsWith(STRICT_IGNORED))) {
            warnings.add(STRICT_IGNORED + options.nameOf(STRICT) + " has no effect: every activity in scope counts "
                    + "in every assessment now (give " + options.nameOf(VIEW) + " evidence-only for the old default)");
        }
        return valid(() -> new AssessmentOptions(LevelView.ofKey(options.text(VIEW)),
                options.integer(MAX_EVIDENCE_AGE), options.list(SCOPE), Targets.of(options.integerPairs(TARGETS))));
    }

    /** Targets that name nothing of the catalog are refused, naming them. */
    private void checkTargets(final Targets targets, final Catalog catalog) {
        List<String> unknown = targets.unknownIn(catalog);
        if (!unknown.isEmpty()) {
            throw new RequestException(options.nameOf(TARGETS) + ": not in DSOMM " + catalog.version() + ": "
                    + String.join(", ", unknown) + " (name overall, a dimension, or 'dimension / sub-dimension'; "
                    + "dimensions: " + String.join(", ", catalog.dimensions()) + ")", null);
        }
    }

    /** The progress definition given, or null; one that cannot be read stops the run (it names the file). */
    private ProgressDefinition progressDefinition() {
        NamedInput in = request.progressDefinition;
        if (in == null) {
            return null;
        }
        try (InputStream stream = in.open()) {
            return ProgressDefinition.parse(stream, in.name());
        }
        catch (IOException | DeclarationsException e) {
            throw new RequestException(e.getMessage(), e);
        }
    }

    /**
     * The declarations with the team's progress of a DSOMM application file, when one is given. A file that cannot
     * be read, or is no team progress file, is unreadable input: it imports nothing, the rest still counts.
     */
    private Declarations imported(final Declarations declarations, final Catalog catalog,
            final ProgressDefinition definition) {
        NamedInput in = request.teamProgress;
        if (in == null) {
            return declarations;
        }
        String team = !options.text(TEAM).isEmpty() ? options.text(TEAM) : declarations.team();
        if (team.isBlank()) {
            throw new RequestException(options.nameOf(TEAM_PROGRESS) + " needs the team whose progress counts: give "
                    + options.nameOf(TEAM) + ", or team: in the attestation file", null);
        }
        try (InputStream stream = in.open()) {
            return declarations.with(new TeamProgressImport(catalog).parse(stream, in.name(), team, definition));
        }
        catch (IOException | DeclarationsException e) {
            String problem = e instanceof DeclarationsException || in.problem() != null ? e.getMessage()
                    : in.name() + ": " + e.getMessage();
            unreadable.add(new UnreadableFile(in.name(), problem));
            warnings.add(problem + " (nothing of it is imported)");
            inputProblem = true;
            return declarations;
        }
    }

    private Map<Severity, Integer> slaDays() {
        Map<Severity, Integer> sla = new EnumMap<>(Severity.class);
        options.integerPairs(SLA).forEach((k, v) -> sla.put(severity(SLA, k), v));
        return sla;
    }

    private int coverageWindow() {
        Integer window = options.integer(COVERAGE_WINDOW);
        return window == null ? KpiCalculator.DEFAULT_WINDOW : window;
    }

    /** The options' business context when they set one, else the attestation file's. */
    private BusinessContext business(final Declarations declarations) {
        boolean external = options.bool(EXTERNAL_FACING);
        boolean personal = options.bool(PERSONAL_DATA);
        Map<String, Double> weights = options.numberPairs(WEIGHTS);
        return external || personal || !weights.isEmpty() ? new BusinessContext(external, personal, weights)
                : declarations.business();
    }

    private EvidenceKind kind(final String value) {
        try {
            return EvidenceKind.valueOf(value.trim().toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException e) {
            throw options.problem(MIN_COVERAGE, "unknown evidence kind '" + value + "'");
        }
    }

    private Severity severity(final AssessOption option, final String value) {
        Severity s = Severity.parseKey(value);
        if (s == null) {
            throw options.problem(option, "unknown severity '" + value + "' (critical, high, medium, low, info, "
                    + "unknown)");
        }
        return s;
    }

    private Catalog catalog() {
        if (request.model == null) {
            return CatalogLoader.bundled();
        }
        try (InputStream in = request.model.open()) {
            return CatalogLoader.load(in, request.model.name());
        }
        catch (IOException | CatalogException e) {
            throw new RequestException(e.getMessage(), e);
        }
    }

    private void checkDimensions(final Catalog catalog) {
        String unknown = unknownDimension(options, catalog);
        if (unknown != null) {
            throw new RequestException(unknown, null);
        }
    }

    /** Why a dimension the options name is not in the catalog, or null when all are. */
    static String unknownDimension(final OptionValues options, final Catalog catalog) {
        List<String> named = new ArrayList<>(valid(() -> options.pairs(DIMENSION_MINIMUMS)).keySet());
        named.addAll(options.list(SCOPE));
        for (String d : named) {
            if (!catalog.dimensions().contains(d)) {
                return "unknown dimension '" + d + "'; DSOMM " + catalog.version() + " has: "
                        + String.join(", ", catalog.dimensions());
            }
        }
        return null;
    }

    private RuleSet ruleSet(final Catalog catalog) {
        RuleSetLoader loader = new RuleSetLoader(catalog);
        try {
            if (request.rules != null) {
                try (InputStream in = request.rules.open()) {
                    return loader.parse(in, request.rules.name());
                }
            }
            String name = options.text(RULES);
            if (!RuleSetLoader.STANDARD.equals(name) && !RuleSetLoader.EXTENDED.equals(name)) {
                throw new RequestException("rules '" + name + "': neither " + RuleSetLoader.STANDARD + " nor "
                        + RuleSetLoader.EXTENDED + ", and no mapping file was given", null);
            }
            return loader.bundled(name);
        }
        catch (IOException | MappingException e) {
            throw new RequestException(e.getMessage(), e);
        }
    }

    /** The declarations; a file that cannot be read is unreadable input, and declares nothing. */
    private Declarations declarations(final Catalog catalog) {
        NamedInput in = request.attestations;
        if (in == null || in.isMissing() && request.attestationsOptional) {
            return Declarations.none();
        }
        try (InputStream stream = in.open()) {
            return new DeclarationsLoader(catalog).parse(stream, in.name());
        }
        catch (IOException | DeclarationsException e) {
            String problem = e instanceof DeclarationsException || in.problem() != null ? e.getMessage()
                    : in.name() + ": " + e.getMessage();
            unreadable.add(new UnreadableFile(in.name(), problem));
            warnings.add(problem + " (its declarations do not count)");
            inputProblem = true;
            return Declarations.none();
        }
    }

    /** The reference given, or read from its file; an unreadable file is reported and compared with nothing. */
    private AssessmentDocument reference() {
        if (request.reference != null || request.referenceFile == null) {
            return request.reference;
        }
        if (!Files.exists(request.referenceFile)) {
            warnings.add("reference " + request.referenceFile + " does not exist: regression not checked");
            return null;
        }
        try {
            return AssessmentJson.read(request.referenceFile);
        }
        catch (AssessmentFormatException e) {
            referenceProblem = e.getMessage();
            warnings.add(referenceProblem + ": regression not checked");
            inputProblem = true;
            return null;
        }
    }

    private List<AssessmentDocument> history() {
        List<AssessmentDocument> docs = new ArrayList<>(request.history);
        if (request.historyFolder != null) {
            History past = History.read(request.historyFolder);
            past.problems().forEach(p -> warnings.add("history: " + p + ": skipped"));
            docs.addAll(past.documents());
        }
        return docs;
    }

    /** The label of an assessment in a trend: its build, else its time. */
    static String trendLabel(final Assessment a) {
        String b = a.subject().get("build");
        return b != null ? "#" + b : TREND_TIME.format(a.createdAt());
    }

    private static String emptyToNull(final String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** A value of the options' domain objects, whose invalid values are a request that cannot run. */
    private static <T> T valid(final java.util.function.Supplier<T> value) {
        try {
            return value.get();
        }
        catch (IllegalArgumentException e) {
            throw new RequestException(e.getMessage(), e);
        }
    }
}
