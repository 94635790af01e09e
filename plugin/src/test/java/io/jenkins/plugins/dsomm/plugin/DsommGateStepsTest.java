package io.jenkins.plugins.dsomm.plugin;

import hudson.model.Label;
import hudson.model.Result;
import hudson.slaves.DumbSlave;
import hudson.tasks.junit.TestResultAction;
import io.jenkins.plugins.dsomm.assess.ActivityResult;
import io.jenkins.plugins.dsomm.assess.ActivityStatus;
import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.plugin.steps.GateStep;
import io.jenkins.plugins.dsomm.plugin.steps.RecordStep;
import org.jenkinsci.plugins.structs.describable.DescribableModel;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.graphanalysis.DepthFirstScanner;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.BuildWatcherExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Pipeline steps in a real Jenkins: recording and gating, the returned result, stage results, parallel branches,
 * regression against the previous build and against another job, stopping the Pipeline, JUnit results as TEST
 * evidence and activities published as test results, an agent. Expected levels and messages were computed with the
 * engine on the same reports (standard rules, bundled DSOMM 4.3.1): overall level 0, 21 activities assessed.
 */
@WithJenkins
class DsommGateStepsTest {
    /** A SARIF log of one SAST tool with one HIGH finding. */
    static final String SAST = "{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"DemoSAST\","
            + "\"version\":\"1.0\"}},\"results\":[{\"ruleId\":\"R1\",\"level\":\"error\",\"locations\":[{"
            + "\"physicalLocation\":{\"artifactLocation\":{\"uri\":\"src/a.js\"}}}]}]}]}";
    /** A SARIF log of a secret scanner without findings. */
    static final String SECRETS = "{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"gitleaks\","
            + "\"semanticVersion\":\"v8.18.0\"}},\"results\":[]}]}";
    /** Two passing unit tests. */
    static final String UNIT_TESTS = "<testsuite name=\"unit\" tests=\"2\" failures=\"0\" errors=\"0\" skipped=\"0\">"
            + "<testcase classname=\"a.B\" name=\"one\" time=\"0\"/><testcase classname=\"a.B\" name=\"two\" time=\"0\"/>"
            + "</testsuite>";
    /** The gate message below a minimum level of 2 for these reports. */
    static final String BELOW_MINIMUM = "Overall level is 0, minimum 2";

    @RegisterExtension
    private static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();

    private JenkinsRule j;

    @BeforeEach
    void setUp(final JenkinsRule rule) {
        j = rule;
    }

    /** A {@code writeFile} step with the content in a single-quoted Groovy string. */
    static String write(final String name, final String content) {
        return "writeFile file: '" + name + "', text: '"
                + content.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n") + "'\n";
    }

    private WorkflowJob pipeline(final String script) throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class);
        job.setDefinition(new CpsFlowDefinition(script, true));
        return job;
    }

    /** The stage results the steps left on their nodes. */
    static List<WarningAction> stageResults(final WorkflowRun run) {
        List<WarningAction> warnings = new ArrayList<>();
        for (FlowNode node : new DepthFirstScanner().allNodes(run.getExecution())) {
            WarningAction w = node.getPersistentAction(WarningAction.class);
            if (w != null) {
                warnings.add(w);
            }
        }
        return warnings;
    }

    @Test
    void recordAndGateReturnTheResultAndMarkTheStage() throws Exception {
        WorkflowJob job = pipeline("node {\n" + write("reports/sast.sarif", SAST)
                + write("reports/secrets.sarif", SECRETS)
                + "def n = dsommRecord pattern: 'reports/*.sarif'\n"
                + "echo \"recorded=${n}\"\n"
                + "def r = dsommGate minimumLevel: 2\n"
                + "echo \"level=${r.overall} outcome=${r.outcome} passed=${r.passed} reasons=${r.reasons.size()} "
                + "implementation=${r.levels.get('Implementation')} view=${r.view} ceiling=${r.evidenceCeiling} "
                + "target=${r.target}\"\n"
                + "}");
        WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, job);

        j.assertLogContains("recorded=2", run);
        j.assertLogContains("level=0 outcome=FAILURE passed=false reasons=1 implementation=0 view=dsomm ceiling=0 "
                + "target=null", run);
        j.assertLogContains("[FAILURE] " + BELOW_MINIMUM + ": ", run);
        j.assertLogContains("[PASS] No reference assessment: regression not checked", run);
        j.assertLogContains("no reference build with an assessment: regression not checked", run);
        DsommBuildAction action = run.getAction(DsommBuildAction.class);
        assertThat(action.getOverall()).isZero();
        assertThat(action.getOutcome()).isEqualTo("FAILURE");
        assertThat(action.getReports()).isEqualTo(2);
        assertThat(action.getAssessed()).isEqualTo(21);
        assertThat(action.getOpenFindings()).containsEntry("high", 1).containsEntry("critical", 0);
        assertThat(action.getReasons()).singleElement().asString().startsWith(BELOW_MINIMUM);
        assertThat(action.getDocument()).isNotNull();
        assertThat(action.getLoadError()).isNull();
        assertThat(run.getAction(DsommBadgeAction.class).getLevel()).isEqualTo("0");
        assertThat(stageResults(run)).singleElement().satisfies(w -> {
            assertThat(w.getResult()).isEqualTo(Result.FAILURE);
            assertThat(w.getMessage()).startsWith(BELOW_MINIMUM);
        });
    }

    @Test
    void dsommRecordReturnsTheNumberOfReportsReadNotOfTheToolsInThem() throws Exception {
        String twoTools = SAST.substring(0, SAST.length() - 2)
                + ",{\"tool\":{\"driver\":{\"name\":\"OtherSAST\"}},\"results\":[]}]}";
        WorkflowJob job = pipeline("node {\n" + write("reports/both.sarif", twoTools)
                + write("reports/notes.txt", "not a report")
                + "def n = dsommRecord pattern: 'reports/*'\n"
                + "echo \"recorded=${n}\"\n}");
        WorkflowRun run = j.buildAndAssertSuccess(job);
        j.assertLogContains("recorded=1", run); // one report of two tools; the text file is no report
        assertThat(run.getAction(DsommEvidenceAction.class).evidence().evidence()).hasSize(2);
    }

    @Test
    void anExplicitRuleSetIsNotReplacedByTheGlobalMappingOverride() throws Exception {
        DsommGlobalConfiguration.get().setMappingOverride("version: 1\nname: house-rules\nextends: standard\n");
        WorkflowJob job = pipeline("node {\n" + write("s.sarif", SAST)
                + "dsommGate pattern: 's.sarif'\n"
                + "dsommGate rules: 'standard'\n}");
        WorkflowRun run = j.buildAndAssertSuccess(job);
        j.assertLogContains("assessment (house-rules rules)", run); // empty rules: the global override
        j.assertLogContains("assessment (standard rules)", run); // rules: 'standard' means the bundled set
        assertThat(run.getAction(DsommBuildAction.class).getRuleSet()).isEqualTo("standard");
    }

    @Test
    void minimumLevelAloneWorks() throws Exception {
        WorkflowJob job = pipeline("node {\n dsommGate minimumLevel: 2\n}");
        WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, job);

        j.assertLogContains("Evidence: 0 reports, 0 open findings", run);
        j.assertLogContains("[FAILURE] " + BELOW_MINIMUM + ": ", run);
        assertThat(run.getAction(DsommBuildAction.class).getOutcome()).isEqualTo("FAILURE");
        assertThat(stageResults(run)).extracting(WarningAction::getResult).containsExactly(Result.FAILURE);
    }

    @Test
    void parallelBranchesLoseNoEvidence() throws Exception {
        StringBuilder branches = new StringBuilder("def b = [:]\n");
        List<String> files = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            branches.append("b['b").append(i).append("'] = {\n").append(write("p" + i + "/r.sarif", SAST))
                    .append("dsommRecord pattern: 'p").append(i).append("/*.sarif'\n}\n");
            files.add("p" + i + "/r.sarif");
        }
        WorkflowJob job = pipeline("node {\n" + branches + "parallel b\ndef r = dsommGate()\necho \"outcome=${r.outcome}\"\n}");
        WorkflowRun run = j.buildAndAssertSuccess(job);

        j.assertLogContains("outcome=PASS", run);
        assertThat(run.getAction(DsommEvidenceAction.class).evidence().evidence()).extracting(Evidence::sourceFile)
                .containsExactlyInAnyOrderElementsOf(files);
        DsommBuildAction action = run.getAction(DsommBuildAction.class);
        assertThat(action.getReports()).isEqualTo(8);
        assertThat(action.getOpenFindings()).containsEntry("high", 8);
    }

    @Test
    void aRegressionAgainstThePreviousBuildIsUnstableAndNamesTheActivity() throws Exception {
        WorkflowJob job = pipeline("node {\ndeleteDir()\nif (currentBuild.number == 1) {\n"
                + write("r/secrets.sarif", SECRETS) + "}\n" + write("r/sast.sarif", SAST)
                + "dsommGate pattern: 'r/*.sarif'\n}");
        WorkflowRun first = j.buildAndAssertSuccess(job);
        j.assertLogContains("no reference build with an assessment: regression not checked", first);

        WorkflowRun second = j.buildAndAssertStatus(Result.UNSTABLE, job);
        j.assertLogContains("reference build: " + first.getFullDisplayName(), second);
        j.assertLogContains("[UNSTABLE] Regression against ", second);
        j.assertLogContains("no longer met: Test for stored secrets in code", second);
        assertThat(second.getAction(DsommBuildAction.class).getOutcome()).isEqualTo("UNSTABLE");
        assertThat(stageResults(second)).extracting(WarningAction::getResult).containsExactly(Result.UNSTABLE);
    }

    @Test
    void aCorruptReferenceSideFileIsNotReplacedByAnOlderBuild() throws Exception {
        WorkflowJob job = pipeline("node {\ndeleteDir()\nif (currentBuild.number < 3) {\n"
                + write("r/secrets.sarif", SECRETS) + "}\n" + write("r/sast.sarif", SAST)
                + "dsommGate pattern: 'r/*.sarif'\n}");
        WorkflowRun first = j.buildAndAssertSuccess(job);
        WorkflowRun second = j.buildAndAssertSuccess(job);
        java.nio.file.Files.writeString(second.getRootDir().toPath().resolve(DsommBuildAction.FILE), "{\"schema\":");

        WorkflowRun third = j.buildAndAssertStatus(Result.UNSTABLE, job);
        j.assertLogContains("reference build " + second.getFullDisplayName() + ": " + DsommBuildAction.FILE + " of "
                + second.getFullDisplayName() + ": not a DSOMM Gate assessment: invalid JSON", third);
        j.assertLogContains("[UNSTABLE] Regression not checked: the reference assessment could not be read: "
                + DsommBuildAction.FILE + " of " + second.getFullDisplayName(), third);
        j.assertLogNotContains("reference build: " + first.getFullDisplayName(), third);
        assertThat(third.getAction(DsommBuildAction.class).getOutcome()).isEqualTo("UNSTABLE");
    }

    @Test
    void theReferenceCanBeAnotherJobsLastCompletedBuild() throws Exception {
        WorkflowJob main = pipeline("node {\n" + write("r/secrets.sarif", SECRETS) + write("r/sast.sarif", SAST)
                + "dsommGate pattern: 'r/*.sarif'\n}");
        WorkflowRun mainBuild = j.buildAndAssertSuccess(main);
        WorkflowJob branch = pipeline("node {\n" + write("r/sast.sarif", SAST)
                + "dsommGate pattern: 'r/*.sarif', referenceJob: '" + main.getFullName() + "'\n}");

        WorkflowRun run = j.buildAndAssertStatus(Result.UNSTABLE, branch);
        j.assertLogContains("reference build: " + mainBuild.getFullDisplayName(), run);
        j.assertLogContains("no longer met: Test for stored secrets in code", run);

        WorkflowJob orphan = pipeline("node {\n" + write("r/sast.sarif", SAST)
                + "dsommGate pattern: 'r/*.sarif', referenceJob: 'no-such-job'\n}");
        WorkflowRun unreferenced = j.buildAndAssertSuccess(orphan);
        j.assertLogContains("reference job 'no-such-job' not found (or not visible): no regression check",
                unreferenced);
    }

    @Test
    void stopOnFailureStopsThePipelineAfterRecordingTheResult() throws Exception {
        WorkflowJob job = pipeline("node {\ndsommGate minimumLevel: 2, stopOnFailure: true\necho 'after the gate'\n}");
        WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, job);

        j.assertLogContains("[DSOMM Gate] gate FAILURE: " + BELOW_MINIMUM, run);
        j.assertLogNotContains("after the gate", run);
        assertThat(run.getAction(DsommBuildAction.class).getOutcome()).isEqualTo("FAILURE");
    }

    @Test
    void junitResultsCountAsTestEvidenceAndActivitiesCanBePublishedAsTests() throws Exception {
        WorkflowJob job = pipeline("node {\n" + write("unit.xml", UNIT_TESTS)
                + "junit 'unit.xml'\n"
                + write("s.sarif", SAST)
                + "dsommGate pattern: 's.sarif', junitFile: 'out/dsomm-activities.junit.xml'\n"
                + "junit 'out/dsomm-activities.junit.xml'\n}");
        // the gate passes; the activities that are not met are failing test cases
        WorkflowRun run = j.buildAndAssertStatus(Result.UNSTABLE, job);

        DsommBuildAction action = run.getAction(DsommBuildAction.class);
        assertThat(action.getOutcome()).isEqualTo("PASS");
        assertThat(action.getReports()).isEqualTo(2);
        assertThat(Objects.requireNonNull(action.getDocument()).assessment().evidence())
                .filteredOn(e -> e.tool().equals("JUnit (junit plugin)"))
                .singleElement().extracting(Evidence::sourceFile).isEqualTo("2 tests, 0 failed, 0 skipped");
        j.assertLogContains("[DSOMM Gate] activities written as JUnit XML to out/dsomm-activities.junit.xml", run);
        // every activity in scope is a test case: unverified and not applicable ones are skipped, not failed
        List<ActivityResult> activities = Objects.requireNonNull(action.getDocument()).assessment().activities();
        TestResultAction tests = run.getAction(TestResultAction.class);
        assertThat(tests.getTotalCount()).isEqualTo(2 + activities.size());
        assertThat(tests.getSkipCount()).isEqualTo(activities.stream().filter(a -> a.status() == ActivityStatus.UNVERIFIED
                || a.status() == ActivityStatus.NOT_APPLICABLE).count());
        assertThat(tests.getFailCount()).isEqualTo(activities.stream().filter(a -> !a.status().satisfied()
                && a.status() != ActivityStatus.UNVERIFIED).count()).isPositive();
    }

    @Test
    void junitFileOutsideTheWorkspaceIsRefused() throws Exception {
        WorkflowJob job = pipeline("node {\ndsommGate junitFile: '../elsewhere.xml'\n}");
        WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, job);

        j.assertLogContains("junitFile '../elsewhere.xml' must be a path inside the workspace", run);
        assertThat(run.getAction(DsommBuildAction.class)).isNull();
    }

    @Test
    void stepsRunOnAnAgent() throws Exception {
        DumbSlave agent = j.createOnlineSlave(Label.get("remote"));
        // the agent is another JVM: its parsers are found by ServiceLoader through the remoting class loader
        WorkflowJob job = pipeline("node('remote') {\n" + write("r/sast.sarif", SAST) + write("s/secrets.sarif", SECRETS)
                + "dsommRecord pattern: 'r/*.sarif', format: 'sarif'\n"
                + "dsommRecord pattern: 's/*'\n"
                + "def r = dsommGate()\necho \"on=${env.NODE_NAME} outcome=${r.outcome}\"\n}");
        WorkflowRun run = j.buildAndAssertSuccess(job);

        j.assertLogContains("on=" + agent.getNodeName() + " outcome=PASS", run);
        j.assertLogContains("[DSOMM Gate] r/sast.sarif: sarif, DemoSAST 1.0 [SAST] 1 open", run);
        j.assertLogContains("[DSOMM Gate] s/secrets.sarif: sarif, gitleaks v8.18.0 [SECRETS] 0 open", run);
        assertThat(run.getAction(DsommBuildAction.class).getReports()).isEqualTo(2);
    }

    @Test
    void stepsKeepOnlyNonDefaultOptionsInTheirModel() throws Exception {
        GateStep gate = new GateStep();
        gate.setMinimumLevel(2);
        assertThat(DescribableModel.uninstantiate2_(gate).getArguments()).isEqualTo(Map.of("minimumLevel", 2));
        RecordStep record = new RecordStep("**/*.sarif");
        assertThat(DescribableModel.uninstantiate2_(record).getArguments()).isEqualTo(Map.of("pattern", "**/*.sarif"));

        GateStep parsed = DescribableModel.of(GateStep.class).instantiate(Map.of("minimumLevel", 3,
                "regression", false, "maxOpen", "critical=0"), null);
        assertThat(parsed.getMinimumLevel()).isEqualTo(3);
        assertThat(parsed.isRegression()).isFalse();
        assertThat(parsed.getMaxOpen()).isEqualTo("critical=0");
        assertThat(parsed.getCoverageWindow()).isEqualTo(30);
    }
}
