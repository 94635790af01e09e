package io.jenkins.plugins.dsomm.plugin;

import org.htmlunit.CollectingAlertHandler;
import org.htmlunit.Page;
import org.htmlunit.html.HtmlPage;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

import static io.jenkins.plugins.dsomm.plugin.DsommGateStepsTest.write;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hostile report, {@code .dsomm.yml} and build name through the plugin's pages (escape-by-default Jelly): the
 * build page, the DSOMM page, the engine's report, the job page with its trend, the badges, the remote API. No
 * script runs (alerts are collected with JavaScript on), no element of the payloads exists, their text is shown.
 * The engine's own hostile tests (HostileOutputsTest, HtmlReportBrowserTest) cover every renderer byte by byte.
 */
@WithJenkins
class DsommHostileTest {
    private static final String TOOL = "<script>alert('tool')</script>";
    private static final String RULE = "<img src=x onerror=alert('rule')>";
    private static final String VERSION = "\"><svg onload=alert('version')>";
    private static final String TEAM = "<b id=pwned onmouseover=alert('team')>team</b>";
    private static final String BROKEN_FILE = "<u id=pwned>broken.sarif";
    private static final String BUILD_NAME = "<i id=pwned onclick=alert('build')>#x</i>";
    private static final List<String> RAW = List.of("<script>alert(", "<img src=x", "<svg onload", "<b id=pwned",
            "<u id=pwned", "<i id=pwned");

    private static String json(final String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String sarif() {
        return "{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":" + json(TOOL) + ",\"version\":"
                + json(VERSION) + ",\"rules\":[{\"id\":" + json(RULE) + ",\"helpUri\":\"javascript:alert('uri')\"}]}},"
                + "\"results\":[{\"ruleId\":" + json(RULE) + ",\"level\":\"error\",\"message\":{\"text\":"
                + json(TOOL + RULE) + "},\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":"
                + json("src/" + RULE + ".js") + "}}}]}]}]}";
    }

    private static String text(final Page page) {
        return page.getWebResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static void assertNoPayloadMarkup(final String where, final String content) {
        for (String raw : RAW) {
            assertThat(content).as(where).doesNotContain(raw);
        }
    }

    private static void assertNoPayloadElement(final String where, final HtmlPage page) {
        assertThat(page.getElementById("pwned")).as(where).isNull();
        assertNoPayloadMarkup(where, text(page));
    }

    @Test
    void hostileTextIsShownAsTextOnEveryPage(final JenkinsRule j) throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class);
        job.setDefinition(new CpsFlowDefinition("node {\n" + write("h.sarif", sarif())
                + write(BROKEN_FILE, "{\"version\":") + write(".dsomm.yml", "team: " + json(TEAM) + "\n")
                + "dsommGate pattern: '*.sarif'\n}", true));
        WorkflowRun first = j.waitForCompletion(Objects.requireNonNull(job.scheduleBuild2(0)).waitForStart());
        WorkflowRun run = j.waitForCompletion(Objects.requireNonNull(job.scheduleBuild2(0)).waitForStart());
        first.setDisplayName(BUILD_NAME);
        run.setDisplayName(BUILD_NAME);
        // the build log is plain text: it holds report text as it is (the console page escapes it, below), and
        // names the file no format claims, with the reason
        j.assertLogContains(BROKEN_FILE + ": not a report format DSOMM Gate reads (", run);
        j.assertLogContains("[DSOMM Gate] h.sarif: sarif, " + TOOL, run);

        JenkinsRule.WebClient client = j.createWebClient().withThrowExceptionOnFailingStatusCode(false);
        CollectingAlertHandler alerts = new CollectingAlertHandler();
        client.setAlertHandler(alerts);
        client.getOptions().setThrowExceptionOnScriptError(false); // page scripts of other plugins are not at test

        HtmlPage console = client.goTo(run.getUrl() + "console");
        assertNoPayloadElement("console page", console);
        assertThat(console.asNormalizedText()).contains(TOOL);
        HtmlPage dsomm = client.goTo(run.getUrl() + "dsomm/");
        assertNoPayloadElement("dsomm page", dsomm);
        // the file that is no report is listed as ignored, with why, as text
        assertThat(dsomm.asNormalizedText()).contains(TOOL).contains("Ignored: " + BROKEN_FILE);
        assertNoPayloadElement("build page", client.getPage(run));
        assertNoPayloadElement("job page", client.getPage(job));
        assertNoPayloadElement("job dsomm page", client.goTo(job.getUrl() + "dsomm/"));

        Page report = client.goTo(run.getUrl() + "dsomm/report", "text/html");
        assertNoPayloadMarkup("report", text(report));
        assertThat(text(report)).contains("&lt;script&gt;alert(");

        for (String url : List.of(run.getUrl() + "dsomm/badge", job.getUrl() + "dsomm/badge",
                run.getUrl() + "dsomm/badge?dimension=%3Cscript%3Ealert(1)%3C/script%3E")) {
            String svg = text(client.goTo(url, "image/svg+xml"));
            assertNoPayloadMarkup(url, svg);
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            assertThat(factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)))
                    .getElementsByTagName("script").getLength()).as(url).isZero();
        }
        Page api = client.goTo(run.getUrl() + "dsomm/api/json", "application/json");
        assertThat(api.getWebResponse().getContentType()).isEqualTo("application/json");
        String progress = text(client.goTo(run.getUrl() + "dsomm/team-progress.yaml", "application/yaml"));
        assertThat(progress).contains(TEAM); // YAML, served as an attachment with nosniff: text, not markup

        assertThat(alerts.getCollectedAlerts()).isEmpty();
    }
}
