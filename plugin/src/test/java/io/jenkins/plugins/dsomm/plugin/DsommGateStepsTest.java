package io.jenkins.plugins.dsomm.plugin;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Item;
import hudson.model.Result;
import hudson.slaves.DumbSlave;
import io.jenkins.plugins.dsomm.plugin.steps.DsommGatePublisher;
import jenkins.model.Jenkins;
import org.htmlunit.Page;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plugin in a real Jenkins: steps, parallel branches, regression between builds, freestyle, an agent, badge
 * and report URLs with and without permission. Runs where the Jenkins repository is reachable (-Pjenkins).
 */
@WithJenkins
class DsommGateStepsTest {
    /** A SARIF log of one SAST tool with one HIGH finding. */
    static final String SAST = "{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"DemoSAST\",\"version\":\"1.0\"}},"
            + "\"results\":[{\"ruleId\":\"R1\",\"level\":\"error\",\"locations\":[{\"physicalLocation\":{\"artifactLocation\":"
            + "{\"uri\":\"src/a.js\"}}}]}]}]}";
    /** A SARIF log of a secret scanner without findings. */
    static final String SECRETS = "{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"gitleaks\","
            + "\"semanticVersion\":\"v8.18.0\"}},\"results\":[]}]}";

    private JenkinsRule j;

    @BeforeEach
    void setUp(final JenkinsRule rule) {
        j = rule;
    }

    private static String write(final String name, final String content) {
        return "writeFile file: '" + name + "', text: '" + content.replace("'", "\\'") + "'\n";
    }

    private WorkflowJob pipeline(final String script) throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class);
        job.setDefinition(new CpsFlowDefinition(script, true));
        return job;
    }

    @Test
    void recordAndGateInAPipelineReturnTheResult() throws Exception {
        WorkflowJob job = pipeline("node {\n" + write("reports/sast.sarif", SAST) + write("reports/secrets.sarif", SECRETS)
                + "dsommRecord pattern: 'reports/*.sarif'\n"
                + "def r = dsommGate minimumLevel: 2\n"
                + "echo \"level=${r.overall} outcome=${r.outcome} passed=${r.passed} reasons=${r.reasons.size()}\"\n"
                + "}");
        WorkflowRun run = j.assertBuildStatus(Result.FAILURE, job.scheduleBuild2(0));
        j.assertLogContains("level=0 outcome=FAILURE passed=false reasons=1", run);
        j.assertLogContains("[DSOMM Gate] [FAILURE] Overall level is 0, minimum 2", run);
        DsommBuildAction action = run.getAction(DsommBuildAction.class);
        assertThat(action.getOverall()).isZero();
        assertThat(action.getReports()).isEqualTo(2);
        assertThat(action.getDocument()).isNotNull();
        assertThat(run.getAction(DsommBadgeAction.class).getLevel()).isEqualTo("0");
    }

    @Test
    void minimumLevelAloneWorks() throws Exception {
        WorkflowJob job = pipeline("node { dsommGate minimumLevel: 2 }");
        j.assertBuildStatus(Result.FAILURE, job.scheduleBuild2(0));
    }

    @Test
    void parallelBranchesLoseNoEvidence() throws Exception {
        StringBuilder branches = new StringBuilder("def b = [:]\n");
        for (int i = 0; i < 8; i++) {
            branches.append("b['b").append(i).append("'] = { ").append(write("p" + i + "/r.sarif", SAST))
                    .append(" dsommRecord pattern: 'p").append(i).append("/*.sarif' }\n");
        }
        WorkflowJob job = pipeline("node {\n" + branches + "parallel b\n dsommGate()\n}");
        WorkflowRun run = j.buildAndAssertSuccess(job);
        assertThat(run.getAction(DsommEvidenceAction.class).evidence().evidence()).hasSize(8);
        assertThat(run.getAction(DsommBuildAction.class).getReports()).isEqualTo(8);
    }

    @Test
    void regressionBetweenTwoBuildsIsUnstableAndNamesTheActivity() throws Exception {
        WorkflowJob job = pipeline("node {\n if (currentBuild.number == 1) {\n" + write("r/secrets.sarif", SECRETS)
                + " } else { sh 'rm -f r/secrets.sarif' }\n" + write("r/sast.sarif", SAST)
                + " dsommGate pattern: 'r/*.sarif'\n}");
        j.buildAndAssertSuccess(job);
        WorkflowRun second = j.assertBuildStatus(Result.UNSTABLE, job.scheduleBuild2(0));
        j.assertLogContains("no longer met: Test for stored secrets in code", second);
    }

    @Test
    void freestylePublisherOnAnAgent() throws Exception {
        DumbSlave agent = j.createOnlineSlave();
        FreeStyleProject project = j.createFreeStyleProject();
        project.setAssignedNode(agent);
        project.getBuildersList().add(new org.jvnet.hudson.test.TestBuilder() {
            @Override
            public boolean perform(final hudson.model.AbstractBuild<?, ?> build, final hudson.Launcher launcher,
                    final hudson.model.BuildListener listener) throws java.io.IOException, InterruptedException {
                build.getWorkspace().child("out/sast.sarif").write(SAST, "UTF-8");
                return true;
            }
        });
        DsommGatePublisher publisher = new DsommGatePublisher();
        publisher.setPattern("out/*.sarif");
        project.getPublishersList().add(publisher);
        FreeStyleBuild build = j.buildAndAssertSuccess(project);
        assertThat(build.getAction(DsommBuildAction.class).getReports()).isEqualTo(1);
    }

    @Test
    void badgeAndReportNeedReadPermissionAndThePublicBadgeItsOwn() throws Exception {
        WorkflowJob job = pipeline("node {\n" + write("s.sarif", SAST) + "dsommGate pattern: 's.sarif'\n}");
        j.buildAndAssertSuccess(job);
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ).everywhere().to("reader")
                .grant(Jenkins.READ).everywhere().to("nobody"));
        JenkinsRule.WebClient reader = j.createWebClient().login("reader");
        Page badge = reader.goTo(job.getUrl() + "dsomm/badge", "image/svg+xml");
        assertThat(badge.getWebResponse().getContentAsString(StandardCharsets.UTF_8)).contains("DSOMM").contains("level");
        Page report = reader.goTo(job.getUrl() + "1/dsomm/report", "text/html");
        assertThat(report.getWebResponse().getResponseHeaderValue("Content-Security-Policy")).startsWith("default-src 'none'");

        JenkinsRule.WebClient nobody = j.createWebClient().login("nobody");
        nobody.setThrowExceptionOnFailingStatusCode(false);
        assertThat(nobody.goTo(job.getUrl() + "dsomm/badge", null).getWebResponse().getStatusCode()).isEqualTo(404);
        Page hidden = nobody.goTo("dsomm-badge/?job=" + job.getFullName(), "image/svg+xml");
        assertThat(hidden.getWebResponse().getContentAsString(StandardCharsets.UTF_8)).contains("not found");

        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ).everywhere().toEveryone()
                .grant(DsommPermissions.VIEW_BADGE).everywhere().toEveryone());
        Page open = j.createWebClient().goTo("dsomm-badge/?job=" + job.getFullName(), "image/svg+xml");
        assertThat(open.getWebResponse().getContentAsString(StandardCharsets.UTF_8)).contains("level");
    }

    @Test
    void remoteApiExportsTheSummary() throws Exception {
        WorkflowJob job = pipeline("node {\n" + write("s.sarif", SAST) + "dsommGate pattern: 's.sarif'\n}");
        WorkflowRun run = j.buildAndAssertSuccess(job);
        String json = j.createWebClient().goTo(run.getUrl() + "dsomm/api/json", "application/json")
                .getWebResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(json).contains("\"outcome\":\"PASS\"").contains("\"dimensions\"");
    }
}
