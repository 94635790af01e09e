package io.jenkins.plugins.dsomm.plugin;

import edu.hm.hafner.echarts.LineSeries;
import edu.hm.hafner.echarts.LinesChartModel;
import hudson.model.Item;
import hudson.model.Result;
import jenkins.model.Jenkins;
import org.htmlunit.Page;
import org.htmlunit.html.HtmlPage;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

import static io.jenkins.plugins.dsomm.plugin.DsommGateStepsTest.SAST;
import static io.jenkins.plugins.dsomm.plugin.DsommGateStepsTest.write;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a build and a job show: badge and report URLs with and without permission, the public badge and its own
 * permission, the remote API, the team progress download and the job trend (also when builds failed).
 */
@WithJenkins
class DsommWebTest {
    private JenkinsRule j;

    @BeforeEach
    void setUp(final JenkinsRule rule) {
        j = rule;
    }

    private WorkflowJob pipeline(final String script) throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class);
        job.setDefinition(new CpsFlowDefinition(script, true));
        return job;
    }

    private static String text(final Page page) {
        return page.getWebResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static int status(final JenkinsRule.WebClient client, final String url) throws Exception {
        return client.goTo(url, null).getWebResponse().getStatusCode();
    }

    @Test
    void badgeAndReportNeedItemReadAndThePublicBadgeItsOwnPermission() throws Exception {
        WorkflowJob job = pipeline("node {\n" + write("s.sarif", SAST) + "dsommGate pattern: 's.sarif'\n}");
        WorkflowRun run = j.buildAndAssertSuccess(job);
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ).everywhere().to("reader")
                .grant(Jenkins.READ).everywhere().to("nobody"));

        JenkinsRule.WebClient reader = j.createWebClient().login("reader");
        assertThat(text(reader.goTo(job.getUrl() + "dsomm/badge", "image/svg+xml"))).contains("DSOMM")
                .contains("level 0");
        assertThat(text(reader.goTo(run.getUrl() + "dsomm/badge?dimension=Implementation", "image/svg+xml")))
                .contains("DSOMM Implementation").contains("level 0");
        Page report = reader.goTo(run.getUrl() + "dsomm/report", "text/html");
        assertThat(report.getWebResponse().getResponseHeaderValue("Content-Security-Policy"))
                .startsWith("default-src 'none'");
        assertThat(text(report)).contains("DemoSAST");
        assertThat(text(reader.goTo("dsomm-badge/?job=" + job.getFullName(), "image/svg+xml")))
                .contains("level 0"); // Item/Read implies the badge permission

        JenkinsRule.WebClient nobody = j.createWebClient().login("nobody").withThrowExceptionOnFailingStatusCode(false);
        for (String url : List.of(job.getUrl() + "dsomm/badge", run.getUrl() + "dsomm/badge",
                run.getUrl() + "dsomm/report", run.getUrl() + "dsomm/", run.getUrl() + "dsomm/api/json")) {
            assertThat(status(nobody, url)).as(url).isEqualTo(404);
        }
        String hidden = text(nobody.goTo("dsomm-badge/?job=" + job.getFullName(), "image/svg+xml"));
        assertThat(hidden).contains("not found").doesNotContain("level");
        assertThat(text(nobody.goTo("dsomm-badge/?job=no-such-job", "image/svg+xml"))).isEqualTo(hidden);

        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ).everywhere().toEveryone()
                .grant(DsommPermissions.VIEW_BADGE).everywhere().toEveryone());
        JenkinsRule.WebClient anonymous = j.createWebClient().withThrowExceptionOnFailingStatusCode(false);
        assertThat(text(anonymous.goTo("dsomm-badge/?job=" + job.getFullName() + "&build=1&dimension=Implementation",
                "image/svg+xml"))).contains("DSOMM Implementation").contains("level 0");
        assertThat(text(anonymous.goTo("dsomm-badge/?job=" + job.getFullName() + "&build=2", "image/svg+xml")))
                .contains("no assessment");
        assertThat(status(anonymous, run.getUrl() + "dsomm/report")).isEqualTo(404);
        assertThat(status(anonymous, job.getUrl() + "dsomm/badge")).isEqualTo(404);
    }

    @Test
    void aBadgeRequestNamingTheCurrentETagGetsNotModified() throws Exception {
        WorkflowJob job = pipeline("node {\n" + write("s.sarif", SAST) + "dsommGate pattern: 's.sarif'\n}");
        WorkflowRun run = j.buildAndAssertSuccess(job);
        JenkinsRule.WebClient client = j.createWebClient();
        Page first = client.goTo(run.getUrl() + "dsomm/badge", "image/svg+xml");
        String etag = first.getWebResponse().getResponseHeaderValue("ETag");
        assertThat(etag).matches("\"[0-9a-f]{32}(--gzip)?\""); // Jetty marks the tag of a compressed answer

        client.addRequestHeader("If-None-Match", "\"other\", " + etag);
        Page again = client.goTo(run.getUrl() + "dsomm/badge", null);
        assertThat(again.getWebResponse().getStatusCode()).isEqualTo(304);
        assertThat(again.getWebResponse().getContentAsString()).isEmpty();
        client.removeRequestHeader("If-None-Match");
        client.addRequestHeader("If-None-Match", "\"stale\"");
        Page changed = client.goTo(run.getUrl() + "dsomm/badge?dimension=Implementation", "image/svg+xml");
        assertThat(changed.getWebResponse().getStatusCode()).isEqualTo(200);
        assertThat(text(changed)).contains("DSOMM Implementation");
    }

    @Test
    void anAnonymousBadgeRequestMakesJenkinsLoadAFewBuildsAtMost() throws Exception {
        WorkflowJob job = pipeline("node {\nif (currentBuild.number == 1) {\n" + write("s.sarif", SAST)
                + "dsommGate pattern: 's.sarif'\n}\n}");
        for (int i = 1; i <= PublicBadgeAction.LOOKBACK + 1; i++) {
            j.buildAndAssertSuccess(job);
        }
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ).everywhere().toEveryone());
        JenkinsRule.WebClient anonymous = j.createWebClient();
        // build 1 has the assessment, behind LOOKBACK newer builds without one: the public badge does not dig for it
        assertThat(text(anonymous.goTo("dsomm-badge/?job=" + job.getFullName(), "image/svg+xml")))
                .contains("no assessment");
        assertThat(text(anonymous.goTo("dsomm-badge/?job=" + job.getFullName() + "&build=1", "image/svg+xml")))
                .contains("level 0");
        assertThat(text(anonymous.goTo(job.getUrl() + "dsomm/badge", "image/svg+xml"))).contains("level 0");
    }

    @Test
    void theRemoteApiExportsTheSummary() throws Exception {
        WorkflowJob job = pipeline("node {\n" + write("s.sarif", SAST) + "dsommGate pattern: 's.sarif'\n}");
        WorkflowRun run = j.buildAndAssertSuccess(job);
        JenkinsRule.WebClient client = j.createWebClient();

        assertThat(text(client.goTo(run.getUrl() + "dsomm/api/json", "application/json")))
                .contains("\"outcome\":\"PASS\"").contains("\"overall\":0").contains("\"reports\":1")
                .contains("\"Implementation\":0").contains("\"high\":1");
        assertThat(text(client.goTo(run.getUrl() + "api/json?tree=actions[outcome,overall]", "application/json")))
                .contains("\"outcome\":\"PASS\"");
        assertThat(text(client.goTo(job.getUrl() + "dsomm/api/json", "application/json")))
                .contains("\"lastAssessment\":{").contains("\"outcome\":\"PASS\"");
    }

    @Test
    void pagesShowTheAssessmentAndTheTeamProgressCanBeDownloaded() throws Exception {
        WorkflowJob job = pipeline("node {\n" + write("s.sarif", SAST) + write(".dsomm.yml", "team: Payments\n")
                + "dsommGate pattern: 's.sarif'\n}");
        WorkflowRun run = j.buildAndAssertSuccess(job);
        JenkinsRule.WebClient client = j.createWebClient().withJavaScriptEnabled(false);

        HtmlPage build = client.getPage(run);
        assertThat(text(build)).contains("DSOMM level 0").contains("1 report");
        // the summary: one line per gate rule with its outcome (here the regression rule, which passes)
        assertThat(build.querySelectorAll(".dsomm-rules__rule")).singleElement()
                .satisfies(rule -> assertThat(rule.asNormalizedText())
                        .isEqualTo("No reference assessment: regression not checked"));
        HtmlPage dsomm = client.goTo(run.getUrl() + "dsomm/");
        assertThat(dsomm.asNormalizedText()).contains("Gate: PASS").contains("Activities").contains("DemoSAST")
                .contains("To reach the next level").contains("By an attestation in .dsomm.yml")
                .contains("Sub-dimensions: what carries each level");
        assertThat(dsomm.querySelector(".dsomm-radar").getAttributes().getNamedItem("data-model").getNodeValue())
                .startsWith("{\"dimensions\":[\"Build and Deployment\",\"Culture and Organization\"");
        // no inline script or style of ours (Content-Security-Policy): scripts come as adjuncts, styles as classes
        String ours = dsomm.querySelector(".dsomm-page").asXml() + build.querySelector(".dsomm-summary").asXml();
        assertThat(ours).doesNotContain("style=").doesNotContainPattern("<script(?![^>]*src=)");
        String progress = text(client.goTo(run.getUrl() + "dsomm/team-progress.yaml", "application/yaml"));
        assertThat(progress).startsWith("# DSOMM team progress of Payments").contains("progress:");
    }

    @Test
    void theJobTrendComesFromSummariesAndStaysWhenBuildsFailed() throws Exception {
        // every gate fails the build (level 0 < 5), build 4 fails before the gate
        WorkflowJob job = pipeline("node {\nif (currentBuild.number == 4) { error 'no gate this time' }\n"
                + write("s.sarif", SAST) + "dsommGate pattern: 's.sarif', minimumLevel: 5\n}");
        for (int i = 1; i <= 4; i++) {
            j.buildAndAssertStatus(Result.FAILURE, job);
        }
        assertThat(job.getLastSuccessfulBuild()).isNull();

        DsommJobAction action = job.getAction(DsommJobAction.class);
        assertThat(action).isNotNull();
        assertThat(job.getActions(DsommJobAction.class)).hasSize(1);
        assertThat(action.isTrendVisible()).isTrue();
        assertThat(Objects.requireNonNull(action.getLastAction()).getOwner().getNumber()).isEqualTo(3);

        LinesChartModel all = action.createLevelsModel("{}");
        assertThat(all.getDomainAxisLabels()).containsExactly("#1", "#2", "#3");
        assertThat(all.getBuildNumbers()).containsExactly(1, 2, 3);
        assertThat(all.getSeries()).extracting(LineSeries::getName)
                .containsExactly("Overall", "Build and Deployment", "Culture and Organization", "Implementation",
                        "Information Gathering", "Test and Verification");
        assertThat(all.getSeries().get(0).getData()).containsExactly(0, 0, 0);
        LinesChartModel two = action.createLevelsModel("{\"numberOfBuilds\":\"2\",\"buildAsDomain\":true}");
        assertThat(two.getBuildNumbers()).containsExactly(2, 3);
        LinesChartModel findings = action.createFindingsModel("not json");
        assertThat(findings.getSeries()).filteredOn(s -> s.getName().equals("high")).singleElement()
                .satisfies(s -> assertThat(s.getData()).containsExactly(1, 1, 1));

        String page = text(j.createWebClient().withJavaScriptEnabled(false).getPage(job));
        assertThat(page).contains("DSOMM levels");
    }

    @Test
    void aDimensionWithoutALevelIsAGapInTheTrendNeverAZero() throws Exception {
        // build 1 in the evidence-only view: no activity of Culture and Organization is assessed, so it has no level
        WorkflowJob job = pipeline("node {\n" + write("s.sarif", SAST) + "if (currentBuild.number == 1) {\n"
                + "dsommGate pattern: 's.sarif', view: 'evidence-only'\n} else {\ndsommGate pattern: 's.sarif'\n}\n}");
        j.buildAndAssertSuccess(job);
        j.buildAndAssertSuccess(job);
        assertThat(job.getBuildByNumber(1).getAction(DsommBuildAction.class).getDimensions())
                .containsEntry("Culture and Organization", null);

        LinesChartModel model = job.getAction(DsommJobAction.class).createLevelsModel("{}");
        assertThat(model.getSeries()).filteredOn(s -> s.getName().equals("Culture and Organization")).singleElement()
                .satisfies(s -> assertThat(s.getData()).containsExactly(null, 0));
    }

    @Test
    void aJobWithOnlyOneAssessmentHasTheActionButNoTrendYet() throws Exception {
        WorkflowJob job = pipeline("node {\n" + write("s.sarif", SAST) + "dsommGate pattern: 's.sarif'\n}");
        j.buildAndAssertSuccess(job);

        DsommJobAction action = job.getAction(DsommJobAction.class);
        assertThat(action).isNotNull();
        assertThat(job.getActions(DsommJobAction.class)).hasSize(1);
        assertThat(action.isTrendVisible()).isFalse();
        WorkflowJob without = pipeline("node { echo 'no DSOMM here' }");
        j.buildAndAssertSuccess(without);
        assertThat(without.getAction(DsommJobAction.class)).isNull();
    }
}
