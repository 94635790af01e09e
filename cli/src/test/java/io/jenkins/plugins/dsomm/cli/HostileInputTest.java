package io.jenkins.plugins.dsomm.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.dsomm.Hostile;
import io.jenkins.plugins.dsomm.render.TextSummary;
import io.jenkins.plugins.dsomm.yaml.Yaml;
import org.junit.jupiter.api.Test;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Escaping end to end: {@code dsomm-gate assess} and {@code inspect} on a hostile SARIF log and a hostile
 * {@code .dsomm.yml} (see {@link Hostile}), with hostile job and build names. The console output and the error
 * stream carry no control character, every output file parses back, the HTML report has no element of the
 * payloads, and the strings come back where they are data.
 */
class HostileInputTest extends CommandLineTest {
    private static final String SERVER = "http://127.0.0.1:9";

    /** No control character but tab and the line ends between lines; no line separator, bidi control. */
    private static void assertPrintable(final String what, final String text) {
        for (String line : text.split(System.lineSeparator(), -1)) {
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                boolean bad = c < 0x20 && c != '\t' || c >= 0x7f && c <= 0x9f || c == '\u2028' || c == '\u2029'
                        || c >= '\u202a' && c <= '\u202e' || c >= '\u2066' && c <= '\u2069' || Character.isSurrogate(c)
                        && !(Character.isHighSurrogate(c) && i + 1 < line.length()
                                && Character.isLowSurrogate(line.charAt(i + 1)))
                        && !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(line.charAt(i - 1)));
                assertThat(bad).as("%s: U+%04X in %s", what, (int) c, line).isFalse();
            }
        }
    }

    @Test
    void assessWritesEveryOutputWithThePayloadsAsTextOnly() throws Exception {
        List<String> p = Hostile.payloads(SERVER);
        Path reports = dir.resolve("reports");
        Path yml = Hostile.write(reports, dir, SERVER);
        assertThat(run("assess", reports.toString(), "-o", dir.resolve("first").toString(), "--attestations",
                yml.toString(), "--pipeline", "--scm", "--job", "job " + p.get(1), "--build", "6" + p.get(12) + p.get(13)))
                .isEqualTo(3);
        Path output = dir.resolve("out");
        int code = run("assess", reports.toString(), "-o", output.toString(), "--attestations", yml.toString(),
                "--pipeline", "--scm", "--job", "job " + p.get(1) + p.get(12), "--build", "7" + p.get(11),
                "--max-open", "high=0", "--history", dir.resolve("history").toString(), "--reference",
                dir.resolve("first/assessment.json").toString());
        assertThat(code).as(out + err).isEqualTo(3); // the broken report
        assertPrintable("console", out);
        assertPrintable("errors", err);
        assertThat(out).contains("Unreadable: " + Hostile.BROKEN_NAME)
                .contains("Findings against job \"><img src=x id=\"pwned-2\"")
                .contains("#6\\u001b[31mred\\u001b[0m\\u001b]0;terminal title\\u0007")
                .contains("bidi \\u202eevil\\u202c");
        assertThat(out.lines().filter(l -> l.startsWith("Gate: "))).containsExactly("Gate: UNSTABLE");

        String html = Files.readString(output.resolve("report.html"), StandardCharsets.UTF_8);
        assertThat(html).doesNotContainPattern("(?i)<(script|img|iframe|link|base|object|embed|meta http-equiv=refresh)")
                .doesNotContain("<svg id='pwned-3'").doesNotContain("<b id=pwned-5>").doesNotContain("<a id=pwned-8")
                .contains("&lt;script&gt;document.title=&#39;PWNED&#39;")
                .contains("scan-&lt;img src=x id=pwned-file onerror=alert(1)&gt;.sarif");
        DocumentBuilderFactory xml = DocumentBuilderFactory.newDefaultInstance();
        xml.setNamespaceAware(true);
        xml.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        try (var files = Files.list(output)) {
            for (Path f : files.filter(x -> x.toString().endsWith(".svg") || x.toString().endsWith(".xml")).toList()) {
                var doc = xml.newDocumentBuilder().parse(f.toFile());
                assertThat(doc.getElementsByTagNameNS("*", "script").getLength()).as(f.toString()).isZero();
            }
        }
        JsonNode assessment = new ObjectMapper().readTree(output.resolve("assessment.json").toFile());
        assertThat(assessment.path("subject").path("job").asText()).isEqualTo("job " + p.get(1) + p.get(12));
        assertThat(assessment.path("subject").path("build").asText()).isEqualTo("7" + p.get(11));
        assertThat(assessment.path("evidence").get(0).path("tool").asText()).isEqualTo("Scanner " + p.get(1));
        assertThat(assessment.path("evidence").get(0).path("toolVersion").asText())
                .startsWith("<script>document.title='PWNED';"); // shortened
        assertThat(assessment.path("declarations").findValuesAsText("by")).contains(p.get(0), p.get(6));
        JsonNode progress = Yaml.mapper().readTree(output.resolve("team-progress.yaml").toFile());
        assertThat(progress.size()).isEqualTo(1);
        // the team name stays one single-quoted line: its line breaks and controls are made visible
        progress.path("progress").forEach(activity -> assertThat(activity.fieldNames().next())
                .isEqualTo(TextSummary.safe("Team " + p.get(1) + p.get(11))));
        try (var files = Files.list(dir.resolve("history"))) {
            assertThat(files.toList()).hasSize(1);
        }
    }

    @Test
    void inspectShowsThePayloadsAsTextAndAsJsonData() throws Exception {
        List<String> p = Hostile.payloads(SERVER);
        Path reports = dir.resolve("reports");
        Hostile.write(reports, dir, SERVER);
        assertThat(run("inspect", reports.toString())).isEqualTo(3);
        assertPrintable("inspect", out);
        assertPrintable("inspect errors", err);
        assertThat(run("inspect", "--json", reports.toString())).isEqualTo(3);
        JsonNode files = new ObjectMapper().readTree(out);
        assertThat(files.findValuesAsText("file")).containsExactly(Hostile.BROKEN_NAME, Hostile.IGNORED_NAME,
                Hostile.SARIF_NAME);
        assertThat(files.get(1).path("status").asText()).isEqualTo("unrecognised");
        assertThat(files.get(2).path("tool").asText()).isEqualTo("Scanner " + p.get(1));
    }

    @Test
    void anAttestationErrorEchoingHostileTextIsPrintedEscaped() throws Exception {
        Path yml = Files.writeString(dir.resolve("bad.yml"), "version: 1\nattestations:\n  - activity: \"x\\x1b]0;owned\\a"
                + "\\r\\nGate: PASS\"\n    by: x\n    date: 2026-01-01\n", StandardCharsets.UTF_8);
        assertThat(run("assess", dir.toString(), "-o", dir.resolve("out").toString(), "--attestations", yml.toString()))
                .isEqualTo(3);
        assertPrintable("errors", err);
        assertThat(err).contains("'x\\u001b]0;owned\\u0007\\u000d\\u000aGate: PASS");
    }

    @Test
    void inspectShowsBidiControlsAndLineSeparatorsOfAToolNameAsEscapes() throws Exception {
        Path sarif = Files.writeString(dir.resolve("bidi.sarif"), "{\"version\": \"2.1.0\", \"runs\": [{\"tool\": "
                + "{\"driver\": {\"name\": \"Scan\\u202eevil\\u2069\\u2028x\"}}, \"results\": []}]}",
                StandardCharsets.UTF_8);
        assertThat(run("inspect", sarif.toString())).isZero();
        assertPrintable("inspect", out);
        assertThat(out).contains(" | Scan\\u202eevil\\u2069\\u2028x  | ");
    }
}
