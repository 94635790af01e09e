package io.jenkins.plugins.dsomm.plugin;

import org.htmlunit.Page;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A restart keeps the action: the summary is in build.xml, the full assessment in a side file that is read lazily;
 * a corrupt or missing side file gives a message on the pages, never an exception.
 */
class DsommRestartTest {
    @RegisterExtension
    private final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    private static WorkflowRun firstBuild(final JenkinsRule j) {
        return Objects.requireNonNull(j.jenkins.getItemByFullName("app", WorkflowJob.class)).getBuildByNumber(1);
    }

    @Test
    void theActionSurvivesARestartAndABrokenSideFileIsReported() throws Throwable {
        sessions.then(j -> {
            WorkflowJob job = j.createProject(WorkflowJob.class, "app");
            job.setDefinition(new CpsFlowDefinition("node {\n" + DsommGateStepsTest.write("s.sarif",
                    DsommGateStepsTest.SAST) + "dsommGate pattern: 's.sarif'\n}", true));
            j.buildAndAssertSuccess(job);
        });
        sessions.then(j -> {
            WorkflowRun run = firstBuild(j);
            DsommBuildAction action = run.getAction(DsommBuildAction.class);
            assertThat(action).isNotNull();
            assertThat(action.getOutcome()).isEqualTo("PASS");
            assertThat(action.getDimensions()).containsEntry("Implementation", 0);
            assertThat(run.getAction(DsommBadgeAction.class).getLevel()).isEqualTo("0");
            String buildXml = Files.readString(run.getRootDir().toPath().resolve("build.xml"), StandardCharsets.UTF_8);
            // the activity matrix is in the side file only (the SARIF itself is in build.xml: the Pipeline script)
            assertThat(buildXml).contains("<outcome>PASS</outcome>")
                    .doesNotContain("Software Composition Analysis");
            assertThat(Files.readString(run.getRootDir().toPath().resolve(DsommBuildAction.FILE),
                    StandardCharsets.UTF_8)).contains("Software Composition Analysis");
            assertThat(action.getDocument()).isNotNull();
            Files.writeString(run.getRootDir().toPath().resolve(DsommBuildAction.FILE), "{ not json");
        });
        sessions.then(j -> {
            WorkflowRun run = firstBuild(j);
            DsommBuildAction action = run.getAction(DsommBuildAction.class);
            assertThat(action.getDocument()).isNull();
            assertThat(action.getLoadError()).startsWith(DsommBuildAction.FILE + " of app #1: not a DSOMM Gate assessment");
            JenkinsRule.WebClient client = j.createWebClient().withThrowExceptionOnFailingStatusCode(false);
            Page page = client.goTo(run.getUrl() + "dsomm/");
            assertThat(page.getWebResponse().getStatusCode()).isEqualTo(200);
            assertThat(page.getWebResponse().getContentAsString(StandardCharsets.UTF_8))
                    .contains("The full assessment cannot be shown: " + DsommBuildAction.FILE + " of app #1");
            Page report = client.goTo(run.getUrl() + "dsomm/report", null);
            assertThat(report.getWebResponse().getStatusCode()).isEqualTo(404);
            assertThat(report.getWebResponse().getContentAsString(StandardCharsets.UTF_8))
                    .startsWith("The DSOMM report of this build cannot be shown: ");
            assertThat(client.goTo(run.getUrl() + "dsomm/api/json", "application/json").getWebResponse()
                    .getContentAsString(StandardCharsets.UTF_8)).contains("\"outcome\":\"PASS\"");

            Files.delete(run.getRootDir().toPath().resolve(DsommBuildAction.FILE));
        });
        sessions.then(j -> {
            DsommBuildAction action = firstBuild(j).getAction(DsommBuildAction.class);
            assertThat(action.getDocument()).isNull();
            assertThat(action.getLoadError()).isEqualTo(DsommBuildAction.FILE + " of app #1 is missing: the full "
                    + "assessment of this build is not available (the summary is)");
        });
    }
}
