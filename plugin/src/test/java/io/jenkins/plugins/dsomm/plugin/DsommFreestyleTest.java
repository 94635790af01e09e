package io.jenkins.plugins.dsomm.plugin;

import hudson.Launcher;
import hudson.model.AbstractBuild;
import hudson.model.BuildListener;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import hudson.slaves.DumbSlave;
import hudson.tasks.junit.JUnitResultArchiver;
import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.plugin.steps.DsommGatePublisher;
import jenkins.tasks.SimpleBuildStep;
import org.jenkinsci.plugins.structs.SymbolLookup;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.TestBuilder;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

import java.io.IOException;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/** The freestyle publisher (on an agent, after the junit publisher), its form, and the global configuration form. */
@WithJenkins
class DsommFreestyleTest {
    private JenkinsRule j;

    @BeforeEach
    void setUp(final JenkinsRule rule) {
        j = rule;
    }

    /** Writes files into the workspace, wherever the build runs. */
    private static TestBuilder writing(final String... nameAndContent) {
        return new TestBuilder() {
            @Override
            public boolean perform(final AbstractBuild<?, ?> build, final Launcher launcher,
                    final BuildListener listener) throws IOException, InterruptedException {
                for (int i = 0; i < nameAndContent.length; i += 2) {
                    Objects.requireNonNull(build.getWorkspace()).child(nameAndContent[i])
                            .write(nameAndContent[i + 1], "UTF-8");
                }
                return true;
            }
        };
    }

    @Test
    void publisherAssessesOnAnAgentWithTheJunitResultsOfTheBuild() throws Exception {
        DumbSlave agent = j.createOnlineSlave();
        FreeStyleProject project = j.createFreeStyleProject();
        project.setAssignedNode(agent);
        project.getBuildersList().add(writing("out/sast.sarif", DsommGateStepsTest.SAST,
                "out/unit.xml", DsommGateStepsTest.UNIT_TESTS));
        project.getPublishersList().add(new JUnitResultArchiver("out/unit.xml"));
        DsommGatePublisher publisher = new DsommGatePublisher();
        publisher.setPattern("out/*.sarif");
        project.getPublishersList().add(publisher);

        FreeStyleBuild build = j.buildAndAssertSuccess(project);

        assertThat(build.getBuiltOn()).isEqualTo(agent);
        DsommBuildAction action = build.getAction(DsommBuildAction.class);
        assertThat(action.getOutcome()).isEqualTo("PASS");
        assertThat(action.getReports()).isEqualTo(2);
        assertThat(Objects.requireNonNull(action.getDocument()).assessment().evidence()).extracting(Evidence::tool)
                .containsExactlyInAnyOrder("DemoSAST", "JUnit (junit plugin)");
    }

    @Test
    void thePublisherIsForFreestyleJobsOnlyPipelineHasOneGateStep() throws Exception {
        assertThat(SimpleBuildStep.class.isAssignableFrom(DsommGatePublisher.class)).isFalse();
        assertThat(SymbolLookup.getSymbolValue(DsommGatePublisher.Descriptor.class)).isEmpty();
        WorkflowJob job = j.createProject(WorkflowJob.class);
        job.setDefinition(new CpsFlowDefinition("node { step([$class: 'DsommGatePublisher']) }", true));
        WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, job);
        j.assertLogContains("DsommGatePublisher", run); // not a step Pipeline can run
        assertThat(run.getAction(DsommBuildAction.class)).isNull();
    }

    @Test
    void publisherSetsTheBuildResultAsConfigured() throws Exception {
        FreeStyleProject project = j.createFreeStyleProject();
        DsommGatePublisher publisher = new DsommGatePublisher();
        publisher.setMinimumLevel(2);
        publisher.setLevelOutcome("UNSTABLE");
        project.getPublishersList().add(publisher);

        FreeStyleBuild build = j.buildAndAssertStatus(Result.UNSTABLE, project);
        j.assertLogContains("[UNSTABLE] " + DsommGateStepsTest.BELOW_MINIMUM + ": ", build);
        assertThat(build.getAction(DsommBuildAction.class).getOutcome()).isEqualTo("UNSTABLE");
    }

    @Test
    void publisherFormKeepsEveryOption() throws Exception {
        DsommGatePublisher publisher = new DsommGatePublisher();
        publisher.setPattern("**/*.sarif");
        publisher.setFormat("sarif");
        publisher.setMinimumLevel(2);
        publisher.setDimensionMinimums("Implementation=1");
        publisher.setMaxOpen("critical=0, high=5");
        publisher.setRegression(false);
        publisher.setReferenceJob("app/main");
        publisher.setLevelOutcome("UNSTABLE");
        publisher.setRegressionOutcome("FAILURE");
        publisher.setThresholdOutcome("FAILURE");
        publisher.setKpiOutcome("FAILURE");
        publisher.setMaxEvidenceAge(7);
        publisher.setStrict(true);
        publisher.setRules("extended");
        publisher.setModel("dsomm/model.yaml");
        publisher.setAttestations("security/dsomm.yml");
        publisher.setScope("Implementation, Test and Verification");
        publisher.setStopOnFailure(true);
        publisher.setFailOnSla(true);
        publisher.setSla("critical=3");
        publisher.setMinCoverage("SAST=100");
        publisher.setMaxMttr("critical=7");
        publisher.setCoverageWindow(10);
        publisher.setExternalFacing(true);
        publisher.setPersonalData(true);
        publisher.setTeam("Payments");
        publisher.setJunitFile("dsomm.junit.xml");
        publisher.setFacts("vulnerability-management");

        DsommGatePublisher after = j.configRoundtrip(publisher);

        j.assertEqualDataBoundBeans(publisher, after);
    }

    @Test
    void globalConfigurationFormKeepsEveryOption() throws Exception {
        DsommGlobalConfiguration global = DsommGlobalConfiguration.get();
        global.setMinimumLevel(1);
        global.setDimensionMinimums("Implementation=1");
        global.setMaxOpen("critical=0");
        global.setLevelOutcome("UNSTABLE");
        global.setRegressionOutcome("FAILURE");
        global.setThresholdOutcome("FAILURE");
        global.setRules("extended");
        global.setMappingOverride("extends: standard");

        j.configRoundtrip();

        DsommGlobalConfiguration after = DsommGlobalConfiguration.get();
        assertThat(after.getMinimumLevel()).isEqualTo(1);
        assertThat(after.getDimensionMinimums()).isEqualTo("Implementation=1");
        assertThat(after.getMaxOpen()).isEqualTo("critical=0");
        assertThat(after.getLevelOutcome()).isEqualTo("UNSTABLE");
        assertThat(after.getRegressionOutcome()).isEqualTo("FAILURE");
        assertThat(after.getThresholdOutcome()).isEqualTo("FAILURE");
        assertThat(after.getRules()).isEqualTo("extended");
        assertThat(after.getMappingOverride()).isEqualTo("extends: standard");
        assertThat(after.getCatalogOverride()).isEmpty();
    }
}
