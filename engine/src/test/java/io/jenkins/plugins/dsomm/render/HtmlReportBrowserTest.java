package io.jenkins.plugins.dsomm.render;

import io.jenkins.plugins.dsomm.run.Outputs;
import io.jenkins.plugins.dsomm.CountingHttpServer;
import io.jenkins.plugins.dsomm.Hostile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTML report of a hostile build in a real browser: headless Chromium ({@code /usr/bin/chromium}, or the
 * {@code CHROMIUM} environment variable) loads it with its Content-Security-Policy and once more with the policy
 * removed, so that escaping alone is what holds. Every payload tries to run script (change the title, add an
 * element with an id starting with {@code pwned}, fetch a URL of a local server that counts requests) or to load
 * something from that server without script. Afterwards the DOM Chromium dumps has the payloads as text, no
 * element of theirs, the report's own title, and the server saw no request. Without Chromium the test is skipped,
 * loudly.
 */
@Tag("slow") // left out of the quick profile (-Pquick), see CONTRIBUTING.md
class HtmlReportBrowserTest {
    private static final String CSP = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
            + "style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">";

    @TempDir
    static Path dir;
    static CountingHttpServer server;
    static HostileRun run;
    static Path chromium;

    @BeforeAll
    static void start() throws IOException {
        String configured = System.getenv("CHROMIUM");
        chromium = Path.of(configured == null || configured.isBlank() ? "/usr/bin/chromium" : configured);
        if (!Files.isExecutable(chromium)) {
            String why = "HtmlReportBrowserTest SKIPPED: no Chromium at " + chromium + " (install chromium or set CHROMIUM"
                    + " to a Chromium binary): the HTML report of hostile input was NOT checked in a browser";
            System.err.println(why);
            Assumptions.abort(why);
        }
        server = new CountingHttpServer();
        run = HostileRun.of(dir, server.url());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** Loads a page in headless Chromium, lets scripts, timers and requests run, and returns the DOM. */
    private static String dumpDom(final Path page) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(dir, "profile");
        Path dom = dir.resolve(page.getFileName() + ".dom.html");
        Path log = dir.resolve(page.getFileName() + ".chromium.log");
        Process p = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--virtual-time-budget=3000", "--dump-dom",
                page.toUri().toString())
                .redirectOutput(dom.toFile()).redirectError(log.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("Chromium finished").isTrue();
        assertThat(p.exitValue()).as("Chromium exit code; log: %s", Files.readString(log)).isZero();
        return Files.readString(dom, StandardCharsets.UTF_8);
    }

    /** How the DOM serialisation writes text: {@code & < >} escaped, quotes as they are. */
    private static String asDomText(final String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\u00a0", "&nbsp;");
    }

    private static void assertNothingRan(final String what, final String dom) {
        assertThat(dom).as(what).startsWith("<!DOCTYPE html>").contains("</html>");
        Matcher title = Pattern.compile("<title>(.*?)</title>", Pattern.DOTALL).matcher(dom);
        assertThat(title.find()).as(what).isTrue();
        // the report's own title, the payload in it as text; a script that ran would have made it "PWNED"
        assertThat(title.group(1)).as(what + ": the page title").startsWith("DSOMM assessment — job "
                + asDomText(Hostile.payloads(server.url()).get(0)) + " #7");
        assertThat(title.find()).as(what + ": a second title").isFalse();
        // the serialised DOM writes text with '<' and '>' escaped and attribute values double-quoted with '"'
        // escaped: every element and attribute tokenises exactly
        Matcher element = Pattern.compile("<([a-zA-Z][a-zA-Z0-9-]*)((?:\\s+[^\\s=/>\"]+(?:=\"[^\"]*\")?)*)\\s*/?>")
                .matcher(dom);
        int elements = 0;
        while (element.find()) {
            elements++;
            String name = element.group(1).toLowerCase(java.util.Locale.ROOT);
            assertThat(name).as(what + ": element").isNotIn("script", "iframe", "img", "link", "base", "object",
                    "embed", "form", "input", "textarea", "frame", "audio", "video", "source");
            Matcher attribute = Pattern.compile("([^\\s=/>\"]+)(?:=\"([^\"]*)\")?").matcher(element.group(2));
            while (attribute.find()) {
                String key = attribute.group(1).toLowerCase(java.util.Locale.ROOT);
                String value = attribute.group(2) == null ? "" : attribute.group(2);
                assertThat(key).as(what + ": attribute of <%s>", name).doesNotStartWith("on").isNotIn("src", "srcdoc");
                assertThat(key.equals("id") ? value : "").as(what + ": id of <%s>", name).doesNotStartWith("pwned");
                assertThat(key.equals("href") ? value : "#own").as(what + ": link").matches(
                        "#[a-z0-9-]+|https://dsomm\\.owasp\\.org/");
                assertThat(key.equals("http-equiv") ? value : "").as(what).isNotEqualToIgnoringCase("refresh");
            }
        }
        assertThat(elements).as(what + ": elements of the report").isGreaterThan(1000);
        assertThat(dom).as(what + ": style elements").containsOnlyOnce("<style>");
        List<String> payloads = Hostile.payloads(server.url());
        for (int i : new int[] {0, 1, 2, 5, 6, 7}) {
            assertThat(dom).as(what + ": payload %d shown as text", i).contains(asDomText(payloads.get(i)));
        }
        assertThat(dom).as(what).contains(asDomText(Hostile.SARIF_NAME)).contains(asDomText(Hostile.BROKEN_NAME));
    }

    @Test
    void theReportWithItsContentSecurityPolicyRunsNothingAndShowsThePayloadsAsText() throws Exception {
        Path page = run.out().resolve(Outputs.REPORT);
        assertThat(Files.readString(page)).contains(CSP);
        assertNothingRan("with CSP", dumpDom(page));
        assertThat(server.requests()).as("requests the page made").isEmpty();
    }

    @Test
    void escapingAloneHoldsWithoutTheContentSecurityPolicy() throws Exception {
        String html = Files.readString(run.out().resolve(Outputs.REPORT), StandardCharsets.UTF_8);
        assertThat(html).containsOnlyOnce(CSP);
        Path page = Files.writeString(dir.resolve("report-without-csp.html"), html.replace(CSP, ""),
                StandardCharsets.UTF_8);
        String dom = dumpDom(page);
        assertThat(dom).doesNotContain("Content-Security-Policy");
        assertNothingRan("without CSP", dom);
        assertThat(server.requests()).as("requests the page made").isEmpty();
    }

    @Test
    void theChecksWouldSeeScriptThatRan() throws Exception {
        // the same payloads NOT escaped, against a server of its own: the checks above can fail
        try (CountingHttpServer own = new CountingHttpServer()) {
            List<String> payloads = Hostile.payloads(own.url());
            String page = "<!DOCTYPE html><html><head><title>DSOMM assessment</title></head><body><p>" + payloads.get(0)
                    + "</p><p>" + payloads.get(1) + "</p></body></html>";
            String dom = dumpDom(Files.writeString(dir.resolve("unescaped.html"), page, StandardCharsets.UTF_8));
            assertThat(dom).contains("<title>PWNED</title>").containsPattern("<i id=\"pwned-s1\"")
                    .containsPattern("<img [^>]*id=\"pwned-2\"");
            assertThat(own.requests()).contains("GET /p1", "GET /p2");
        }
    }
}
