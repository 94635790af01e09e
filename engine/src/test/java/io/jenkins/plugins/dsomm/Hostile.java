package io.jenkins.plugins.dsomm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.dsomm.yaml.Yaml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Hostile input for the escaping tests: strings that try to become markup, script, links, terminal escapes or
 * YAML/JSON structure in some output, written into a real SARIF log (tool, version, rule ids, messages, paths,
 * help URLs, even the file name) and a real {@code .dsomm.yml} (team, attestation, not-applicable and waiver
 * fields), for the activities of the bundled DSOMM model. Script payloads try to change the page title, add an
 * element with an id starting with {@code pwned} and fetch {@code <server>/p<N>}: a browser loading an output
 * must show none of that.
 */
public final class Hostile {
    /** Names the test activities use: the bundled DSOMM 4.3.1 model. */
    public static final String ATTESTED = "Conduction of simple threat modeling on technical level";
    public static final String NOT_APPLICABLE = "Simple Scan";
    public static final String WAIVED = "Treatment of defects with medium severity";
    /** The hostile SARIF file's name: markup in a file name. */
    public static final String SARIF_NAME = "scan-<img src=x id=pwned-file onerror=alert(1)>.sarif";
    /** An unreadable report with a hostile name and hostile content in its error. */
    public static final String BROKEN_NAME = "broken-<svg onload=alert(2)>.sarif";
    /** A file no format claims, whose keys end up in why it is ignored. */
    public static final String IGNORED_NAME = "notes-<img src=x onerror=alert(3)>.json";

    private Hostile() {
    }

    /** The payloads; {@code server} is the base URL scripts try to reach. */
    public static List<String> payloads(final String server) {
        List<String> p = new ArrayList<>();
        p.add("<script>document.title='PWNED';document.body.appendChild(document.createElement('i')).id='pwned-s1';"
                + "fetch('" + server + "/p1')</script>");
        p.add("\"><img src=x id=\"pwned-2\" onerror=\"document.title='PWNED';fetch('" + server + "/p2')\">");
        p.add("'><svg id='pwned-3' onload=\"fetch('" + server + "/p3')\"><script>fetch('" + server + "/p3s')</script></svg>");
        p.add("javascript:fetch('" + server + "/p4')//");
        p.add("</title></style></textarea><script>fetch('" + server + "/p5')</script><b id=pwned-5>");
        p.add("<iframe id=pwned-6 src=\"" + server + "/p6\"></iframe><img id=pwned-6i src=\"" + server + "/p6i\">");
        p.add("<link rel=stylesheet href=\"" + server + "/p7\"><style>body{background:url(" + server
                + "/p7b)}</style><meta http-equiv=refresh content=\"0;url=" + server + "/p7m\">");
        p.add("<base href=\"" + server + "/p8/\"><a id=pwned-8 href=\"javascript:fetch('" + server + "/p8j')\">x</a>");
        p.add("]]><![CDATA[<script>fetch('" + server + "/p9')</script>]]>--><!--");
        p.add("&lt;script&gt;fetch('" + server + "/p10')&lt;/script&gt; &amp; &#60;b id=pwned-10&#62;");
        p.add("{{7*7}} ${7*7} #{7*7} <%= 7*7 %>");
        p.add("line one\r\nGate: PASS\n[PASS] forged log line\u0085next\u2028sep\u2029para");
        p.add("\u001b[31mred\u001b[0m\u001b]0;terminal title\u0007\u001b[2J bell\u0007 nul\u0000 del\u007f c1\u009b");
        p.add("bidi \u202eevil\u202c \u2066isolate\u2069 \u200fmark");
        p.add("lone \ud800 surrogate \udfff and \ufffe \uffff non-characters");
        p.add("yaml: - ? & * ! | > ' \" % @ ` #comment\n--- \n... !!java.lang.Object &a *a key: {x: [y]}");
        p.add("quotes ' \" `backtick` \\ backslash \\\" escaped \\u0041");
        return p;
    }

    /** A SARIF log with every payload as tool, version, rule, message, path and help URL. */
    public static byte[] sarif(final String server) throws IOException {
        List<String> p = payloads(server);
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "Scanner " + p.get(1));
        driver.put("version", p.get(0));
        driver.put("informationUri", "javascript:fetch('" + server + "/tool')");
        ArrayNode rules = driver.putArray("rules");
        ArrayNode results = run.putArray("results");
        String[] levels = {"error", "warning", "note"};
        for (int i = 0; i < p.size(); i++) {
            String rule = "R" + i + p.get(i);
            rules.addObject().put("id", rule).put("helpUri", "javascript:fetch('" + server + "/help" + i + "')")
                    .putObject("shortDescription").put("text", p.get(i));
            ObjectNode r = results.addObject();
            r.put("ruleId", rule);
            r.put("level", levels[i % 3]);
            r.putObject("message").put("text", "message " + i + ": " + p.get(i));
            r.putArray("locations").addObject().putObject("physicalLocation").putObject("artifactLocation")
                    .put("uri", "src/" + i + "/" + p.get(i) + ".java");
        }
        return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(root); // lone surrogates escaped
    }

    /** A {@code .dsomm.yml} with payloads in every free-text field, and a waiver of the first hostile rule. */
    public static byte[] dsommYml(final String server) throws IOException {
        List<String> p = payloads(server);
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("version", 1);
        root.put("team", "Team " + p.get(1) + p.get(11));
        ObjectNode attestation = root.putArray("attestations").addObject();
        attestation.put("activity", ATTESTED);
        attestation.put("by", p.get(0));
        attestation.put("date", "2026-09-01");
        attestation.put("expires", "2027-09-01");
        attestation.put("evidence", "javascript:fetch('" + server + "/evidence')");
        attestation.put("note", p.get(4) + p.get(12));
        ObjectNode na = root.putArray("notApplicable").addObject();
        na.put("activity", NOT_APPLICABLE);
        na.put("reason", p.get(2) + p.get(13));
        na.put("by", p.get(15));
        ArrayNode waivers = root.putArray("waivers");
        ObjectNode activity = waivers.addObject();
        activity.put("activity", WAIVED);
        activity.put("reason", p.get(5) + p.get(8));
        activity.put("by", p.get(6));
        activity.put("expires", "2027-06-30");
        ObjectNode finding = waivers.addObject();
        finding.put("finding", "R9" + p.get(9));
        finding.put("reason", p.get(7) + p.get(14));
        finding.put("by", p.get(16));
        finding.put("expires", "2027-06-30");
        return Yaml.mapper().writeValueAsBytes(root);
    }

    /**
     * Writes {@value #SARIF_NAME}, {@value #BROKEN_NAME} (truncated, hostile text at the cut), {@value #IGNORED_NAME}
     * (no report: hostile keys) into {@code reports}
     * and {@code .dsomm.yml} into {@code dir}; returns the {@code .dsomm.yml}.
     */
    public static Path write(final Path reports, final Path dir, final String server) throws IOException {
        Files.createDirectories(reports);
        Files.write(reports.resolve(SARIF_NAME), sarif(server));
        Files.writeString(reports.resolve(BROKEN_NAME), "{\"version\":\"2.1.0\",\"runs\":[{\"tool\":<script>fetch('"
                + server + "/broken')</script>", StandardCharsets.UTF_8);
        Files.writeString(reports.resolve(IGNORED_NAME), "{\"<script>fetch('" + server + "/ignored')</script>\":1,"
                + "\"\\u202eevil\\u001b[31mred\":2}", StandardCharsets.UTF_8);
        return Files.write(dir.resolve(".dsomm.yml"), dsommYml(server));
    }
}
