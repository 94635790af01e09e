package io.jenkins.plugins.dsomm.plugin;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Action;
import hudson.model.Computer;
import hudson.model.Job;
import hudson.model.Node;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.slaves.AbstractCloudSlave;
import hudson.slaves.EphemeralNode;
import hudson.tasks.test.AbstractTestResultAction;
import hudson.triggers.TimerTrigger;
import io.jenkins.plugins.dsomm.attest.DeclarationsLoader;
import io.jenkins.plugins.dsomm.context.BuildContext;
import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
import io.jenkins.plugins.dsomm.gate.GateResult;
import io.jenkins.plugins.dsomm.gate.Outcome;
import io.jenkins.plugins.dsomm.ingest.IngestedFile;
import io.jenkins.plugins.dsomm.ingest.IngestResult;
import io.jenkins.plugins.dsomm.ingest.ReportPatterns;
import io.jenkins.plugins.dsomm.json.AssessmentDocument;
import io.jenkins.plugins.dsomm.json.IngestJson;
import io.jenkins.plugins.dsomm.kpi.FindingSnapshot;
import io.jenkins.plugins.dsomm.mapping.RuleSetLoader;
import io.jenkins.plugins.dsomm.plugin.agent.ReadReports;
import io.jenkins.plugins.dsomm.plugin.agent.ReadWorkspaceInputs;
import io.jenkins.plugins.dsomm.render.TextSummary;
import io.jenkins.plugins.dsomm.run.AssessOption;
import io.jenkins.plugins.dsomm.run.AssessmentRequest;
import io.jenkins.plugins.dsomm.run.AssessmentRun;
import io.jenkins.plugins.dsomm.run.NamedInput;
import io.jenkins.plugins.dsomm.run.OptionValues;
import io.jenkins.plugins.dsomm.run.RequestException;
import io.jenkins.plugins.dsomm.run.RunResult;
import io.jenkins.plugins.util.ResultHandler;
import jenkins.model.Jenkins;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What {@code dsommRecord}, {@code dsommGate} and the freestyle publisher do, shared: parse reports on the agent,
 * hand the small evidence model to the engine's one entry point ({@link AssessmentRun}) on the controller, store
 * the result, set the build (and stage) result. No decision is made here and no step of the assessment is run
 * here: the engine reads, assesses, computes the KPIs and gates.
 */
public final class DsommGateRunner {
    /** Earlier builds looked at for the reference and the KPI history, at most. */
    static final int MAX_HISTORY = 100;

    private DsommGateRunner() {
    }

    /** Reads the reports a pattern selects, on the agent, and adds their evidence to the build. */
    public static IngestResult record(final Run<?, ?> run, final FilePath workspace, final String pattern,
            final String format, final TaskListener listener) throws IOException, InterruptedException {
        PrintStream log = listener.getLogger();
        try {
            ReportPatterns.of(pattern, null); // refused here, before anything reaches the agent
        }
        catch (IllegalArgumentException e) {
            throw new AbortException("[DSOMM Gate] " + e.getMessage());
        }
        IngestResult result = IngestJson.read(workspace.act(new ReadReports(pattern, format)), "the agent's reply");
        for (IngestedFile f : result.files()) {
            switch (f.status()) {
                case READ -> log.println("[DSOMM Gate] " + TextSummary.safe(f.file()) + ": " + f.format() + ", "
                        + String.join(", ", f.evidence().stream().map(e -> TextSummary.safe(e.toolLabel()) + " "
                        + e.kinds() + " " + e.open().total() + " open").toList()));
                case ERROR -> log.println("[DSOMM Gate] ERROR " + TextSummary.safe(f.error()));
                case UNRECOGNISED -> log.println("[DSOMM Gate] " + TextSummary.safe(f.file())
                        + ": not a report format DSOMM Gate reads (" + TextSummary.safe(f.error()) + "): ignored");
            }
        }
        if (result.files().isEmpty()) {
            log.println("[DSOMM Gate] no file matches '" + TextSummary.safe(pattern) + "'");
        }
        DsommEvidenceAction.of(run).add(result);
        return result;
    }

    /**
     * Assesses everything the build recorded and evaluates the gate: translates the step's options and what only
     * Jenkins knows (the workspace's inputs, the recorded evidence, the build's facts, the reference and earlier
     * builds) into an engine request, runs it, and shows the result (log, build action, build and stage result).
     */
    public static GateStepResult gate(final Run<?, ?> run, final FilePath workspace, final TaskListener listener,
            final GateSettings settings, final ResultHandler resultHandler, final boolean pipeline)
            throws IOException, InterruptedException {
        PrintStream log = listener.getLogger();
        DsommGlobalConfiguration global = DsommGlobalConfiguration.get();
        String junitFile = settings.getJunitFile().isBlank() ? "" : insideWorkspace(settings.getJunitFile());
        if (!settings.getPattern().isBlank()) {
            record(run, workspace, settings.getPattern(), settings.getFormat(), listener);
        }
        OptionValues values = settings.values(global);
        String rules = values.text(AssessOption.RULES);
        boolean bundledRules = RuleSetLoader.STANDARD.equals(rules) || RuleSetLoader.EXTENDED.equals(rules);
        boolean defaultAttestations = settings.getAttestations().isBlank();
        String attestations = defaultAttestations ? DeclarationsLoader.DEFAULT_FILE : settings.getAttestations();
        HashMap<String, String> inputs = workspace.act(new ReadWorkspaceInputs(attestations, !defaultAttestations,
                bundledRules ? "" : rules, settings.getModel(), settings.getTeamProgress(),
                settings.getProgressDefinition()));

        AssessmentRequest.Builder request = AssessmentRequest.builder(values)
                .recorded(DsommEvidenceAction.of(run).evidence())
                .model(input(inputs, ReadWorkspaceInputs.MODEL, settings.getModel(), global.getCatalogOverride(),
                        "global catalog override"))
                .rules(bundledRules ? globalMapping(settings, global)
                        : input(inputs, ReadWorkspaceInputs.RULES, rules, "", ""))
                .attestations(input(inputs, ReadWorkspaceInputs.ATTESTATIONS, attestations, "", ""),
                        defaultAttestations)
                .teamProgress(input(inputs, ReadWorkspaceInputs.TEAM_PROGRESS, settings.getTeamProgress(), "", ""))
                .progressDefinition(input(inputs, ReadWorkspaceInputs.PROGRESS_DEFINITION,
                        settings.getProgressDefinition(), "", ""))
                .context(new BuildContext(pipeline, Boolean.parseBoolean(inputs.get(ReadWorkspaceInputs.GIT))
                        || hasScmAction(run), facts(run, workspace, inputs)))
                .subject(run.getParent().getFullName(), Integer.toString(run.getNumber()))
                .buildUrl(Jenkins.get().getRootUrl() == null ? null : Jenkins.get().getRootUrl() + run.getUrl());
        testResults(run).ifPresent(request::evidence);
        References references = references(run, settings.getReferenceJob(), settings.getCoverageWindow(), log);
        request.reference(references.reference).referenceProblem(references.problem)
                .historySnapshots(references.history);
        RunResult result;
        try {
            result = AssessmentRun.execute(request.build());
        }
        catch (RequestException e) {
            throw new AbortException("[DSOMM Gate] " + e.getMessage());
        }

        result.warnings().forEach(w -> log.println("[DSOMM Gate] ERROR " + TextSummary.safe(w)));
        result.summary().forEach(line -> log.println("[DSOMM Gate] " + line));
        DsommBuildAction action = new DsommBuildAction(run, result.assessment(), result.gate(), result.kpis());
        synchronized (run) { // as junit does: the actions are in build.xml at once, a restart keeps them
            run.addOrReplaceAction(action);
            if (run.getAction(DsommBadgeAction.class) == null) {
                run.addAction(new DsommBadgeAction());
            }
            run.save();
        }
        AssessedJobs.markAssessed(run);
        if (!junitFile.isEmpty()) {
            workspace.child(junitFile).write(result.outputs().junitXml(), "UTF-8");
            log.println("[DSOMM Gate] activities written as JUnit XML to " + TextSummary.safe(junitFile));
        }
        GateResult gate = result.gate();
        GateStepResult stepResult = new GateStepResult(result.assessment(), gate,
                Jenkins.get().getRootUrl() == null ? "" : Jenkins.get().getRootUrl() + run.getUrl() + DsommBuildAction.URL);
        if (gate.outcome() != Outcome.PASS) {
            String message = String.join("; ", stepResult.getReasons());
            resultHandler.publishResult(gate.outcome() == Outcome.FAILURE ? Result.FAILURE : Result.UNSTABLE, message);
            if (settings.isStopOnFailure() && gate.outcome() == Outcome.FAILURE) {
                throw new AbortException("[DSOMM Gate] gate FAILURE: " + message);
            }
        }
        return stepResult;
    }

    /**
     * A text input the agent read from the workspace (or why it could not), else the global override, else none.
     */
    @CheckForNull
    private static NamedInput input(final Map<String, String> inputs, final String key, final String path,
            final String override, final String overrideName) {
        String error = inputs.get(ReadWorkspaceInputs.ERROR + key);
        if (error != null) {
            return NamedInput.unreadable(path, error);
        }
        if (inputs.containsKey(key)) {
            return NamedInput.text(path, inputs.get(key));
        }
        return override.isBlank() ? null : NamedInput.text(overrideName, override);
    }

    /**
     * The global mapping override stands in for the bundled rule set only when the step names none: a step's
     * explicit {@code rules: 'standard'} means the bundled standard set.
     */
    @CheckForNull
    private static NamedInput globalMapping(final GateSettings settings, final DsommGlobalConfiguration global) {
        return settings.getRules().isBlank() && !global.getMappingOverride().isBlank()
                ? NamedInput.text("global mapping override", global.getMappingOverride()) : null;
    }

    /** The facts the repository (read on the agent) and the run show; the step's own come with its options. */
    private static Set<String> facts(final Run<?, ?> run, final FilePath workspace, final Map<String, String> inputs) {
        Set<String> facts = new TreeSet<>();
        for (String f : inputs.getOrDefault(ReadWorkspaceInputs.FACTS, "").split(",")) {
            if (!f.isBlank()) {
                facts.add(f.trim());
            }
        }
        facts.addAll(buildFacts(run, workspace));
        return facts;
    }

    /** A relative path that stays inside the workspace (no absolute path, drive or {@code ..} segment). */
    static String insideWorkspace(final String path) throws AbortException {
        String p = path.trim().replace('\\', '/');
        boolean climbs = false;
        for (String segment : p.split("/")) {
            climbs |= segment.equals("..");
        }
        if (p.startsWith("/") || p.startsWith("~") || p.matches("^[A-Za-z]:.*") || climbs) {
            throw new AbortException("[DSOMM Gate] junitFile '" + TextSummary.safe(path)
                    + "' must be a path inside the workspace, relative to it");
        }
        return p;
    }

    /** Test results the junit plugin recorded in this build: TEST evidence, without findings. */
    private static java.util.Optional<Evidence> testResults(final Run<?, ?> run) {
        AbstractTestResultAction<?> tests = run.getAction(AbstractTestResultAction.class);
        if (tests == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(Evidence.builder().format("junit-plugin").tool("JUnit (junit plugin)")
                .kind(EvidenceKind.TEST).sourceFile(tests.getTotalCount() + " tests, " + tests.getFailCount()
                        + " failed, " + tests.getSkipCount() + " skipped").producedAt(Instant.now()).build());
    }

    private static boolean hasScmAction(final Run<?, ?> run) {
        for (Action a : run.getAllActions()) {
            String name = a.getClass().getName();
            if (name.equals("hudson.plugins.git.util.BuildData") || name.endsWith(".SCMRevisionAction")) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> buildFacts(final Run<?, ?> run, final FilePath workspace) {
        Set<String> facts = new TreeSet<>();
        if (run.getCause(TimerTrigger.TimerTriggerCause.class) != null) {
            facts.add("timer-trigger");
        }
        Computer computer = workspace.toComputer();
        Node node = computer == null ? null : computer.getNode();
        if (node instanceof EphemeralNode || node instanceof AbstractCloudSlave) {
            facts.add("ephemeral-agent");
        }
        for (Action a : run.getAllActions()) {
            if (a.getClass().getName().toLowerCase(java.util.Locale.ROOT).contains("dependencytrack")) {
                facts.add("vulnerability-management");
            }
        }
        return facts;
    }

    /**
     * The reference build's document and the KPI history (oldest first), from earlier builds' side files: the
     * reference is the newest earlier completed build (of this job, or the last completed build of
     * {@code referenceJob}) that has an assessment, whatever its result; the history holds the snapshots of up to
     * {@code window - 1} such builds. At most {@link #MAX_HISTORY} builds are looked at.
     */
    private static References references(final Run<?, ?> run, final String referenceJob, final int window,
            final PrintStream log) {
        References refs = new References();
        Run<?, ?> start = run.getPreviousCompletedBuild();
        if (!referenceJob.isBlank()) {
            Job<?, ?> job = Jenkins.get().getItemByFullName(referenceJob, Job.class);
            if (job == null) {
                log.println("[DSOMM Gate] reference job '" + TextSummary.safe(referenceJob)
                        + "' not found (or not visible): no regression check");
                start = null;
            }
            else {
                start = job.getLastCompletedBuild();
            }
        }
        int visited = 0;
        List<FindingSnapshot> newestFirst = new ArrayList<>();
        boolean searching = true; // for the reference: the newest earlier build with an assessment
        for (Run<?, ?> r = start; r != null && visited < MAX_HISTORY && (searching || newestFirst.size() < window - 1);
                r = r.getPreviousCompletedBuild(), visited++) {
            DsommBuildAction a = r.getAction(DsommBuildAction.class);
            if (a == null) {
                continue;
            }
            if (searching) {
                searching = false;
                refs.reference = a.getDocument();
                if (refs.reference == null) { // not an older build instead: a regression must not hide behind it
                    refs.problem = a.getLoadError();
                    log.println("[DSOMM Gate] reference build " + r.getFullDisplayName() + ": "
                            + TextSummary.safe(refs.problem));
                }
                else {
                    log.println("[DSOMM Gate] reference build: " + r.getFullDisplayName());
                }
            }
            if (newestFirst.size() < window - 1) {
                FindingSnapshot snapshot = a.getSnapshot(); // the reference's from its document, held above
                if (snapshot == null) {
                    log.println("[DSOMM Gate] " + r.getFullDisplayName() + ": " + TextSummary.safe(a.getLoadError())
                            + " (left out of the KPIs)");
                }
                else {
                    newestFirst.add(snapshot);
                }
            }
        }
        if (searching) {
            log.println("[DSOMM Gate] no reference build with an assessment: regression not checked");
        }
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            refs.history.add(newestFirst.get(i));
        }
        return refs;
    }

    /** The reference document and the snapshots of earlier builds. */
    private static final class References {
        @CheckForNull
        private AssessmentDocument reference;
        /** Why the reference build's assessment could not be read, or null. */
        @CheckForNull
        private String problem;
        private final List<FindingSnapshot> history = new ArrayList<>();
    }
}
