package io.jenkins.plugins.dsomm.plugin;

import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

/** A restart keeps the action; a corrupt side file gives a message, not an exception. */
class DsommRestartTest {
    @RegisterExtension
    private final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    @Test
    void actionSurvivesARestartAndACorruptSideFileIsReported() throws Throwable {
        sessions.then(j -> {
            WorkflowJob job = j.createProject(WorkflowJob.class, "app");
            job.setDefinition(new CpsFlowDefinition("node { writeFile file: 's.sarif', text: '"
                    + DsommGateStepsTest.SAST + "'\n dsommGate pattern: 's.sarif' }", true));
            j.buildAndAssertSuccess(job);
        });
        sessions.then(j -> {
            WorkflowRun run = j.jenkins.getItemByFullName("app", WorkflowJob.class).getBuildByNumber(1);
            DsommBuildAction action = run.getAction(DsommBuildAction.class);
            assertThat(action).isNotNull();
            assertThat(action.getDocument()).isNotNull();
            Files.writeString(run.getRootDir().toPath().resolve(DsommBuildAction.FILE), "{ not json");
        });
        sessions.then(j -> {
            WorkflowRun run = j.jenkins.getItemByFullName("app", WorkflowJob.class).getBuildByNumber(1);
            DsommBuildAction action = run.getAction(DsommBuildAction.class);
            assertThat(action.getDocument()).isNull();
            assertThat(action.getLoadError()).contains("not a DSOMM Gate assessment");
            j.createWebClient().goTo(run.getUrl() + "dsomm/");
        });
    }
}
