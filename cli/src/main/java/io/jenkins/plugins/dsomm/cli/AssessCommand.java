package io.jenkins.plugins.dsomm.cli;

import io.jenkins.plugins.dsomm.assess.Assessment;
import io.jenkins.plugins.dsomm.assess.AssessmentOptions;
import io.jenkins.plugins.dsomm.assess.Assessor;
import io.jenkins.plugins.dsomm.assess.BuildContext;
import io.jenkins.plugins.dsomm.assess.CiEnvironment;
import io.jenkins.plugins.dsomm.assess.DeclarationState;
import io.jenkins.plugins.dsomm.assess.IgnoredFile;
import io.jenkins.plugins.dsomm.assess.UnreadableFile;
import io.jenkins.plugins.dsomm.attest.Declarations;
import io.jenkins.plugins.dsomm.attest.DeclarationsLoader;
import io.jenkins.plugins.dsomm.catalog.Catalog;
import io.jenkins.plugins.dsomm.catalog.CatalogLoader;
import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
import io.jenkins.plugins.dsomm.evidence.Severity;
import io.jenkins.plugins.dsomm.gate.Gate;
import io.jenkins.plugins.dsomm.kpi.BusinessContext;
import io.jenkins.plugins.dsomm.kpi.FindingSnapshot;
import io.jenkins.plugins.dsomm.kpi.KpiCalculator;
import io.jenkins.plugins.dsomm.kpi.Kpis;
import io.jenkins.plugins.dsomm.kpi.SlaTable;
import io.jenkins.plugins.dsomm.gate.GateResult;
import io.jenkins.plugins.dsomm.gate.Outcome;
import io.jenkins.plugins.dsomm.gate.Policy;
import io.jenkins.plugins.dsomm.ingest.FileOutcome;
import io.jenkins.plugins.dsomm.ingest.IngestResult;
import io.jenkins.plugins.dsomm.ingest.Ingestor;
import io.jenkins.plugins.dsomm.json.AssessmentDocument;
import io.jenkins.plugins.dsomm.json.AssessmentFormatException;
import io.jenkins.plugins.dsomm.json.AssessmentJson;
import io.jenkins.plugins.dsomm.json.History;
import io.jenkins.plugins.dsomm.mapping.RuleSet;
import io.jenkins.plugins.dsomm.mapping.RuleSetLoader;
import io.jenkins.plugins.dsomm.render.OutputFolder;
import io.jenkins.plugins.dsomm.render.TextSummary;
import io.jenkins.plugins.dsomm.render.TrendPoint;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code dsomm-gate assess}: reports in; assessment, gate decision and every output out. */
@Command(name = "assess", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Reads reports (files or folders), assesses them against DSOMM, evaluates the gate and "
                + "writes assessment.json, badge.svg, trend.svg, report.html, dsomm-activities.junit.xml and "
                + "team-progress.yaml into the output folder.",
                "Exit code: 0 pass, 1 unstable, 2 failure, 3 usage error or unreadable input (outputs are still "
                        + "written)."})
final class AssessCommand implements Callable<Integer> {
    /** Clock of the assessment; replaced in tests. */
    static Clock clock = Clock.systemDefaultZone();
    /** Environment of the assessment; replaced in tests. */
    static Map<String, String> environment = System.getenv();

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Report files or folders (read recursively).")
    private List<Path> paths = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = "dsomm-gate-report",
            description = "Output folder (default: ${DEFAULT-VALUE}).")
    private Path output;

    @Option(names = "--model", paramLabel = "FILE", description = "Upstream DSOMM model.yaml (v4) or generated.yaml (v3); default: the bundled DSOMM 4.3.1.")
    private Path model;

    @Option(names = {"--rules", "--mapping"}, paramLabel = "NAME|FILE", defaultValue = "standard",
            description = "Rule set: standard, extended, or a mapping file (default: ${DEFAULT-VALUE}).")
    private String rules;

    @Option(names = "--attestations", paramLabel = "FILE",
            description = "Attestation file (default: .dsomm.yml in the working directory, when present).")
    private Path attestations;

    @Option(names = "--min-level", paramLabel = "N", description = "Minimum overall level (0-5).")
    private Integer minLevel;

    @Option(names = "--min-dimension", paramLabel = "DIMENSION=N",
            description = "Minimum level of a dimension, repeatable: --min-dimension \"Test and Verification=2\".")
    private Map<String, Integer> minDimension = new LinkedHashMap<>();

    @Option(names = "--max-open", paramLabel = "SEVERITY=N",
            description = "Maximum open findings of a severity (critical, high, medium, low, info, unknown, total), "
                    + "repeatable: --max-open critical=0.")
    private Map<String, Integer> maxOpen = new LinkedHashMap<>();

    @Option(names = "--no-regression", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Fail on regression against the reference (default: on; --no-regression turns it off).")
    private boolean regression;

    @Option(names = "--level-outcome", paramLabel = "unstable|failure", defaultValue = "failure",
            description = "Outcome of a minimum-level violation (default: ${DEFAULT-VALUE}).")
    private String levelOutcome;

    @Option(names = "--regression-outcome", paramLabel = "unstable|failure", defaultValue = "unstable",
            description = "Outcome of a regression (default: ${DEFAULT-VALUE}).")
    private String regressionOutcome;

    @Option(names = "--threshold-outcome", paramLabel = "unstable|failure", defaultValue = "unstable",
            description = "Outcome of an exceeded finding threshold (default: ${DEFAULT-VALUE}).")
    private String thresholdOutcome;

    @Option(names = "--fail-on-sla", description = "Gate rule: no open finding past its SLA.")
    private boolean failOnSla;

    @Option(names = "--sla", paramLabel = "SEVERITY=DAYS",
            description = "SLA of a severity in days, repeatable (defaults: critical=7, high=30, medium=90, low=180).")
    private Map<String, Integer> slaDays = new LinkedHashMap<>();

    @Option(names = "--min-coverage", paramLabel = "KIND=PERCENT",
            description = "Gate rule: minimum share of the window's builds with evidence of a kind, repeatable: --min-coverage SBOM=80.")
    private Map<String, Integer> minCoverage = new LinkedHashMap<>();

    @Option(names = "--max-mttr", paramLabel = "SEVERITY=DAYS",
            description = "Gate rule: ceiling of the mean time to remediate a severity, repeatable: --max-mttr critical=7.")
    private Map<String, Double> maxMttr = new LinkedHashMap<>();

    @Option(names = "--kpi-outcome", paramLabel = "unstable|failure", defaultValue = "unstable",
            description = "Outcome of a violated KPI rule (default: ${DEFAULT-VALUE}).")
    private String kpiOutcome;

    @Option(names = "--coverage-window", paramLabel = "BUILDS", defaultValue = "30",
            description = "Builds (history and this one) over which scan coverage is measured (default: ${DEFAULT-VALUE}).")
    private int coverageWindow;

    @Option(names = "--external-facing", description = "Business context: the system is reachable from the internet (risk ×1.5).")
    private boolean externalFacing;

    @Option(names = "--personal-data", description = "Business context: the system holds personal data (risk ×1.3).")
    private boolean personalData;

    @Option(names = "--weight", paramLabel = "NAME=FACTOR", description = "Business context: a further risk multiplier, repeatable.")
    private Map<String, Double> weights = new LinkedHashMap<>();

    @Option(names = "--max-evidence-age", paramLabel = "DAYS",
            description = "Evidence older than DAYS does not count; evidence of the reference that young is carried over.")
    private Integer maxEvidenceAge;

    @Option(names = "--strict", description = "Activities nobody assesses count as not met; unverified prerequisites block.")
    private boolean strict;

    @Option(names = "--scope", paramLabel = "DIMENSION", description = "Dimensions counted for the overall level (repeatable; default: all).")
    private List<String> scope = new ArrayList<>();

    @Option(names = "--reference", paramLabel = "FILE", description = "Reference assessment.json (regression, carry-over).")
    private Path reference;

    @Option(names = "--history", paramLabel = "DIR",
            description = "Folder of earlier assessments for the trend; this assessment is added to it.")
    private Path history;

    @Option(names = "--team", paramLabel = "NAME", description = "Team name in team-progress.yaml (default: from .dsomm.yml, else Default).")
    private String team;

    @Option(names = "--pipeline", negatable = true, description = "Whether this runs in a CI pipeline (default: detected from CI variables).")
    private Boolean pipeline;

    @Option(names = "--scm", negatable = true, description = "Whether the build checked out from version control (default: a git work tree is detected).")
    private Boolean scm;

    @Option(names = "--fact", paramLabel = "NAME", description = "A further build fact (ephemeral-agent, timer-trigger, vulnerability-management...), repeatable.")
    private List<String> facts = new ArrayList<>();

    @Option(names = "--format", paramLabel = "ID", description = "Read every report in this format instead of detecting it.")
    private String format;

    @Option(names = "--job", paramLabel = "NAME", description = "Job or project name shown in the outputs.")
    private String job;

    @Option(names = "--build", paramLabel = "ID", description = "Build number or id shown in the outputs.")
    private String build;

    @Option(names = {"-q", "--quiet"}, description = "Print only the gate outcome and errors.")
    private boolean quiet;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Policy policy = policy();
        Catalog catalog = model == null ? CatalogLoader.bundled() : CatalogLoader.load(model);
        checkDimensions(catalog);
        RuleSetLoader loader = new RuleSetLoader(catalog);
        RuleSet ruleSet = RuleSetLoader.STANDARD.equals(rules) || RuleSetLoader.EXTENDED.equals(rules)
                ? loader.bundled(rules) : loader.load(Path.of(rules));
        if (history != null && Files.exists(history) && !Files.isDirectory(history)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--history " + history
                    + " is a file: a folder of earlier assessments is expected");
        }
        Path attestationFile = attestations != null ? attestations : Path.of(".dsomm.yml");
        if (attestations != null && !Files.isRegularFile(attestations)) {
            throw new CommandLine.ParameterException(spec.commandLine(), attestations + ": no such attestation file");
        }
        Declarations declarations = new DeclarationsLoader(catalog).load(attestationFile);

        boolean inputProblem = false;
        Progress progress = new Progress(err, quiet);
        IngestResult read = new Ingestor().read(paths, format, progress::done);
        progress.finish();
        List<UnreadableFile> unreadable = new ArrayList<>();
        for (FileOutcome f : read.errors()) {
            unreadable.add(new UnreadableFile(f.file(), f.error()));
            inputProblem = true;
        }

        Assessment referenceAssessment = null;
        FindingSnapshot referenceSnapshot = null;
        String referenceProblem = null;
        if (reference != null) {
            if (!Files.exists(reference)) {
                err.println("dsomm-gate: reference " + reference + " does not exist: regression not checked");
            }
            else {
                try {
                    AssessmentDocument doc = AssessmentJson.read(reference);
                    referenceAssessment = doc.assessment();
                    referenceSnapshot = doc.snapshot();
                }
                catch (AssessmentFormatException e) {
                    referenceProblem = e.getMessage();
                    err.println("dsomm-gate: " + TextSummary.safe(referenceProblem) + ": regression not checked");
                    inputProblem = true;
                }
            }
        }
        History past = History.read(history);
        for (String p : past.problems()) {
            err.println("dsomm-gate: history: " + TextSummary.safe(p) + ": skipped");
        }

        Instant now = clock.instant();
        ZoneId zone = clock.getZone();
        BuildContext context = CiEnvironment.detect(environment, Path.of(""), pipeline, scm, new HashSet<>(facts));
        Map<String, String> subject = new LinkedHashMap<>();
        if (job != null) {
            subject.put("job", job);
        }
        if (build != null) {
            subject.put("build", build);
        }
        String teamName = team != null ? team : declarations.team().isBlank() ? "Default" : declarations.team();
        subject.put("team", teamName);
        Assessment assessment = Assessor.of(catalog, ruleSet).at(now, zone).evidence(read.evidence())
                .unreadable(unreadable).ignored(read.unrecognised().stream()
                        .map(f -> new IgnoredFile(f.file(), f.error())).toList())
                .vex(read.vexSuppressions().stream().map(s -> DeclarationState.vex(s.statement().vulnerability(),
                        s.report(), s.statement().author(), s.statement().time() == null ? null
                                : LocalDate.ofInstant(s.statement().time(), ZoneOffset.UTC), s.statement().status(),
                        s.statement().reason(), s.findings())).toList())
                .declarations(declarations).context(context)
                .options(new AssessmentOptions(strict, maxEvidenceAge, scope)).reference(referenceAssessment)
                .subject(subject).assess();
        List<FindingSnapshot> snapshots = new ArrayList<>();
        past.documents().forEach(d -> snapshots.add(d.snapshot()));
        snapshots.add(FindingSnapshot.of(assessment.label(), assessment));
        BusinessContext business = externalFacing || personalData || !weights.isEmpty()
                ? new BusinessContext(externalFacing, personalData, weights) : declarations.business();
        Kpis kpis;
        try {
            Map<Severity, Integer> sla = new java.util.EnumMap<>(Severity.class);
            slaDays.forEach((k, v) -> sla.put(severity(k), v));
            kpis = new KpiCalculator(SlaTable.defaults().with(sla), coverageWindow, business)
                    .compute(snapshots, referenceSnapshot, assessment, now);
        }
        catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        GateResult gate = Gate.evaluate(policy, assessment, referenceAssessment, referenceProblem, kpis);

        List<TrendPoint> trend = new ArrayList<>();
        for (AssessmentDocument d : past.documents()) {
            trend.add(TrendPoint.of(trendLabel(d.assessment()), d.assessment()));
        }
        trend.add(TrendPoint.of(trendLabel(assessment), assessment));
        List<Path> written = OutputFolder.write(output, assessment, gate, kpis, trend, teamName,
                LocalDate.ofInstant(now, zone));
        if (history != null) {
            Files.createDirectories(history);
            Path copy = history.resolve("assessment-" + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                    .withZone(java.time.ZoneOffset.UTC).format(now) + ".json");
            Files.copy(output.resolve(OutputFolder.ASSESSMENT), copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }

        if (quiet) {
            out.println("Gate: " + gate.outcome());
            unreadable.forEach(u -> out.println("Unreadable: " + TextSummary.safe(u.error())));
        }
        else {
            TextSummary.lines(assessment, gate, kpis).forEach(out::println);
            out.println("Wrote " + written.size() + " files to " + output.toAbsolutePath().normalize());
        }
        return inputProblem ? DsommGateCommand.EXIT_USAGE : gate.outcome().exitCode();
    }

    /** The gate policy the options give; a value the policy refuses is a usage error. */
    private Policy policy() {
        try {
            Policy.Builder b = Policy.builder().minimumLevel(minLevel).levelOutcome(outcome(levelOutcome))
                    .regression(regression).regressionOutcome(outcome(regressionOutcome))
                    .thresholdOutcome(outcome(thresholdOutcome));
            minDimension.forEach(b::dimensionMinimum);
            maxOpen.forEach(b::maxOpen);
            b.sla(failOnSla).kpiOutcome(outcome(kpiOutcome));
            minCoverage.forEach((k, v) -> b.minCoverage(kind(k), v));
            maxMttr.forEach((k, v) -> b.maxMttrDays(severity(k), v));
            return b.build();
        }
        catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private void checkDimensions(final Catalog catalog) {
        List<String> named = new ArrayList<>(minDimension.keySet());
        named.addAll(scope);
        for (String d : named) {
            if (!catalog.dimensions().contains(d)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "unknown dimension '" + d + "'; DSOMM "
                        + catalog.version() + " has: " + String.join(", ", catalog.dimensions()));
            }
        }
    }

    private static String trendLabel(final Assessment a) {
        String b = a.subject().get("build");
        return b != null ? "#" + b : DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(java.time.ZoneOffset.UTC)
                .format(a.createdAt());
    }

    private EvidenceKind kind(final String value) {
        try {
            return EvidenceKind.valueOf(value.trim().toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "unknown evidence kind '" + value + "'");
        }
    }

    private Severity severity(final String value) {
        Severity s = Severity.parseKey(value);
        if (s == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "unknown severity '" + value
                    + "' (critical, high, medium, low, info, unknown)");
        }
        return s;
    }

    private Outcome outcome(final String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "unstable" -> Outcome.UNSTABLE;
            case "failure" -> Outcome.FAILURE;
            default -> throw new CommandLine.ParameterException(spec.commandLine(), "outcome must be unstable or failure: "
                    + value);
        };
    }

    /** Progress on long inputs: a line every 2 seconds once reading takes longer than that. */
    private static final class Progress {
        private final PrintWriter err;
        private final boolean quiet;
        private final long start = System.nanoTime();
        private long last = start;
        private int files;
        private boolean shown;

        Progress(final PrintWriter err, final boolean quiet) {
            this.err = err;
            this.quiet = quiet;
        }

        void done(final FileOutcome outcome) {
            files++;
            long now = System.nanoTime();
            if (!quiet && now - last > 2_000_000_000L) {
                err.println("dsomm-gate: read " + files + " files (" + TextSummary.safe(outcome.file()) + ")");
                err.flush();
                last = now;
                shown = true;
            }
        }

        void finish() {
            if (shown) {
                err.println("dsomm-gate: read " + files + " files in "
                        + (System.nanoTime() - start) / 1_000_000 + " ms");
            }
        }
    }
}
