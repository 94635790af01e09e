package io.jenkins.plugins.dsomm.render;

import io.jenkins.plugins.dsomm.run.Outputs;
import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.dsomm.CountingHttpServer;
import io.jenkins.plugins.dsomm.Hostile;
import io.jenkins.plugins.dsomm.assess.ActivityResult;
import io.jenkins.plugins.dsomm.assess.ActivityStatus;
import io.jenkins.plugins.dsomm.assess.Assessment;
import io.jenkins.plugins.dsomm.assess.DeclarationState;
import io.jenkins.plugins.dsomm.assess.DimensionLevel;
import io.jenkins.plugins.dsomm.assess.IgnoredFile;
import io.jenkins.plugins.dsomm.assess.UnreadableFile;
import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.evidence.Finding;
import io.jenkins.plugins.dsomm.gate.GateResult;
import io.jenkins.plugins.dsomm.gate.RuleCheck;
import io.jenkins.plugins.dsomm.json.Json;
import io.jenkins.plugins.dsomm.yaml.Yaml;
import io.jenkins.plugins.dsomm.kpi.Kpis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Escaping: a hostile SARIF log and a hostile {@code .dsomm.yml} (see {@link Hostile}), read through the real
 * ingestion path, assessed, gated with KPIs and a trend, then written into every output. Each output stays well
 * formed (XML, SVG and YAML and JSON are parsed back), carries the payloads only as text (no element, attribute or
 * link of theirs; only the renderer's own tags), and gives the original text back where it is data.
 */
class HostileOutputsTest {
    /** Tags the HTML report itself writes (the radar and trend charts included). */
    private static final Set<String> OWN_TAGS = Set.of("html", "head", "meta", "title", "style", "body", "header",
            "h1", "h2", "h3", "p", "span", "b", "i", "small", "strong", "div", "section", "table", "thead", "tbody",
            "tr", "th", "td", "ul", "li", "code", "a", "br", "details", "summary", "footer", "svg", "g", "polygon",
            "line", "circle", "text", "path", "polyline", "rect", "tspan", "defs", "lineargradient", "stop",
            "clippath");

    @TempDir
    static Path dir;
    static CountingHttpServer server;
    static Assessment assessment;
    static Assessment earlier;
    static GateResult gate;
    static Kpis kpis;
    static List<TrendPoint> trend;
    static Path out;
    static String team;

    /** The hostile inputs read, assessed and written into every output, as a build would. */
    @BeforeAll
    static void assessHostileInput() throws IOException {
        server = new CountingHttpServer();
        HostileRun run = HostileRun.of(dir, server.url());
        assessment = run.assessment();
        earlier = run.earlier();
        gate = run.gate();
        kpis = run.kpis();
        trend = run.trend();
        team = run.team();
        out = run.out();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Every string from the hostile input that reached the assessment. */
    static List<String> hostileStrings() {
        List<String> s = new ArrayList<>();
        for (Evidence e : assessment.evidence()) {
            s.add(e.tool());
            s.add(e.toolVersion());
            s.add(e.sourceFile());
            for (Finding f : e.findings()) {
                s.add(f.rule());
                s.add(f.title());
                s.add(f.location());
            }
        }
        for (DeclarationState d : assessment.declarations()) {
            s.add(d.subject());
            s.add(d.by());
            s.add(d.detail());
        }
        for (UnreadableFile u : assessment.unreadable()) {
            s.add(u.file());
            s.add(u.error());
        }
        for (IgnoredFile i : assessment.ignored()) {
            s.add(i.file());
            s.add(i.reason());
        }
        s.addAll(assessment.subject().values());
        s.removeIf(String::isEmpty);
        return s;
    }

    @Test
    void theHostileInputReachedTheAssessment() {
        Evidence sarif = assessment.evidence().get(0);
        assertThat(sarif.sourceFile()).isEqualTo(Hostile.SARIF_NAME);
        assertThat(sarif.findings()).hasSize(Hostile.payloads("x").size() - 1); // one waived
        assertThat(sarif.findings()).anySatisfy(f -> assertThat(f.title()).contains("<script>document.title='PWNED'"));
        assertThat(assessment.declarations()).hasSize(4);
        assertThat(assessment.unreadable()).singleElement().satisfies(u -> assertThat(u.file())
                .isEqualTo(Hostile.BROKEN_NAME));
        assertThat(assessment.ignored()).singleElement().satisfies(i -> {
            assertThat(i.file()).isEqualTo(Hostile.IGNORED_NAME);
            assertThat(i.reason()).startsWith("a JSON object with the keys <script>fetch('").contains("\u202eevil");
        });
        assertThat(assessment.activities()).anySatisfy(a -> {
            assertThat(a.status()).isEqualTo(ActivityStatus.ATTESTED);
            assertThat(a.reason() + a.declaration()).contains("<script>");
        });
        assertThat(kpis.slaBreaches()).isNotEmpty();
        assertThat(gate.checks()).extracting(RuleCheck::message).anySatisfy(m -> assertThat(m).contains("<"));
    }

    @Test
    void theHtmlReportHasOnlyItsOwnMarkupAndEveryPayloadAsText() throws IOException {
        String html = Files.readString(out.resolve(Outputs.REPORT), StandardCharsets.UTF_8);
        Set<String> tags = new TreeSet<>();
        Matcher m = Pattern.compile("<(/?)([A-Za-z!?][A-Za-z0-9-]*)").matcher(html);
        while (m.find()) {
            tags.add(m.group(2).toLowerCase(java.util.Locale.ROOT));
        }
        tags.remove("!doctype");
        assertThat(tags).isSubsetOf(OWN_TAGS);
        // every attribute value the report writes is double-quoted and escaped, so names and values tokenise exactly
        Matcher tag = Pattern.compile("<!DOCTYPE html>|</[A-Za-z][A-Za-z0-9-]*>|<[A-Za-z][A-Za-z0-9-]*"
                + "((?:\\s+[A-Za-z][A-Za-z0-9-]*(?:=\"[^\"<>]*\")?)*)\\s*/?>").matcher(html);
        int own = 0;
        int end = 0;
        while (tag.find(end)) {
            assertThat(html.substring(end, tag.start())).as("text before %s", tag.group()).doesNotContain("<", ">");
            end = tag.group().equals("<style>") ? html.indexOf("</style>", tag.end()) : tag.end(); // the fixed CSS
            own++;
            if (tag.group(1) == null) {
                continue;
            }
            Matcher attribute = Pattern.compile("([A-Za-z][A-Za-z0-9-]*)(?:=\"([^\"]*)\")?").matcher(tag.group(1));
            while (attribute.find()) {
                String name = attribute.group(1).toLowerCase(java.util.Locale.ROOT);
                assertThat(name).as("attribute of %s", tag.group()).isIn("lang", "charset", "http-equiv", "content",
                        "name", "class", "id", "href", "title", "style", "colspan", "open", "xmlns", "width", "height",
                        "viewbox", "role", "aria-label", "aria-hidden", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r",
                        "points", "fill", "stroke", "stroke-width", "stroke-dasharray", "opacity", "fill-opacity",
                        "font-size", "font-family", "text-anchor", "dominant-baseline", "transform", "textlength",
                        "text-rendering", "rx", "offset", "stop-color", "stop-opacity", "clip-path", "d",
                        "stroke-opacity", "stroke-linejoin", "font-weight");
                if (name.equals("href")) {
                    assertThat(attribute.group(2)).matches("#[a-z0-9-]+|https://dsomm\\.owasp\\.org/");
                }
                if (name.equals("style")) {
                    assertThat(attribute.group(2)).matches("background:#[0-9a-f]{6}");
                }
            }
        }
        assertThat(html.substring(end)).doesNotContain("<", ">");
        assertThat(own).isGreaterThan(1000);
        assertThat(html).contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                + "style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">");
        for (String s : hostileStrings()) {
            assertThat(html).as("escaped %s", s).contains(Markup.escape(s));
        }
        assertNoBadCharacters("report.html", html);
    }

    @Test
    void svgOutputsAreWellFormedAndCarryTheLabelsAsText() throws Exception {
        String trendSvg = Files.readString(out.resolve(Outputs.TREND), StandardCharsets.UTF_8);
        Document svg = parseXml(trendSvg);
        assertThat(svg.getDocumentElement().getLocalName()).isEqualTo("svg");
        assertOnlySvg(svg);
        String text = svg.getDocumentElement().getTextContent();
        for (TrendPoint t : trend) { // labels shortened to 11 characters and an ellipsis
            String label = t.label().length() > 12 ? t.label().substring(0, 11) + "\u2026" : t.label();
            assertThat(text).contains(Markup.xmlSafe(label));
        }
        List<String> p = Hostile.payloads(server.url());
        for (String payload : p) {
            String badge = BadgeSvg.render("DSOMM " + payload, payload, "#000\" onload=\"alert(1)");
            Document b = parseXml(badge);
            assertOnlySvg(b);
            assertThat(b.getElementsByTagNameNS("*", "title").item(0).getTextContent())
                    .isEqualTo(Markup.xmlSafe("DSOMM " + payload + ": " + payload));
            assertThat(badge).doesNotContain("onload=\"alert(1)");
        }
        List<DimensionLevel> dims = new ArrayList<>();
        for (int i = 0; i < p.size(); i++) {
            dims.add(new DimensionLevel(p.get(i), i % 6, true, List.of()));
        }
        Document radar = parseXml(RadarSvg.render(dims));
        assertOnlySvg(radar);
        for (String payload : p) {
            assertThat(radar.getDocumentElement().getTextContent()).contains(Markup.xmlSafe(payload).trim());
        }
        try (var files = Files.list(out)) {
            for (Path f : files.filter(x -> x.toString().endsWith(".svg")).toList()) {
                assertOnlySvg(parseXml(Files.readString(f, StandardCharsets.UTF_8)));
            }
        }
    }

    @Test
    void theJUnitXmlIsWellFormedAndGivesTheReasonsBack() throws Exception {
        Document junit = parseXml(Files.readString(out.resolve(Outputs.JUNIT), StandardCharsets.UTF_8));
        NodeList cases = junit.getElementsByTagName("testcase");
        Map<String, ActivityResult> byName = new LinkedHashMap<>();
        for (ActivityResult r : assessment.activities()) {
            byName.put("L" + r.activity().level() + " " + r.activity().name(), r);
        }
        int checked = 0;
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            ActivityResult r = byName.get(c.getAttribute("name"));
            assertThat(r).as(c.getAttribute("name")).isNotNull();
            NodeList failure = c.getElementsByTagName("failure");
            NodeList skipped = c.getElementsByTagName("skipped");
            if (failure.getLength() > 0) {
                assertThat(((Element) failure.item(0)).getAttribute("message"))
                        .isEqualTo(Markup.xmlSafe(r.status().label() + ": " + r.reason()));
            }
            else if (skipped.getLength() > 0 && r.status() == ActivityStatus.UNVERIFIED) {
                assertThat(((Element) skipped.item(0)).getAttribute("message")).isEqualTo(r.reason());
            }
            else if (skipped.getLength() > 0) {
                assertThat(((Element) skipped.item(0)).getAttribute("message"))
                        .isEqualTo(Markup.xmlSafe("not applicable: " + r.reason()));
                assertThat(r.reason()).contains("<svg id='pwned-3'");
                checked++;
            }
            else {
                assertThat(c.getElementsByTagName("system-out").item(0).getTextContent())
                        .isEqualTo(Markup.xmlSafe(r.status().label() + ": " + r.reason()));
                if (r.status() == ActivityStatus.ATTESTED || r.status() == ActivityStatus.WAIVED) {
                    assertThat(r.reason()).contains("<");
                    checked++;
                }
            }
        }
        assertThat(checked).isEqualTo(3);
        assertThat(junit.getElementsByTagName("script").getLength()).isZero();
    }

    @Test
    void theTeamProgressYamlParsesBackToTheTeamAndNothingElse() throws IOException {
        String yaml = Files.readString(out.resolve(Outputs.TEAM_PROGRESS), StandardCharsets.UTF_8);
        assertThat(yaml.lines().findFirst().orElseThrow()).startsWith("# DSOMM team progress of Team ");
        assertThat(yaml.lines().filter(l -> !l.startsWith("#")).findFirst().orElseThrow()).isEqualTo("progress:");
        JsonNode root = Yaml.mapper().readTree(yaml);
        assertThat(root.properties()).extracting(Map.Entry::getKey).containsExactly("progress");
        JsonNode progress = root.path("progress");
        assertThat(progress.size()).isEqualTo((int) assessment.activities().stream().filter(a -> a.status()
                == ActivityStatus.MET || a.status() == ActivityStatus.ATTESTED).count()).isPositive();
        for (Iterator<Map.Entry<String, JsonNode>> it = progress.fields(); it.hasNext();) {
            JsonNode byTeam = it.next().getValue();
            assertThat(byTeam.size()).isEqualTo(1);
            // line breaks and controls of the team name are made visible: it stays one single-quoted line
            assertThat(byTeam.fieldNames().next()).isEqualTo(YamlText.oneLine(team)).doesNotContain("\n", "\r");
            assertThat(byTeam.path(YamlText.oneLine(team)).fieldNames()).toIterable().containsExactly("Started",
                    "Partly implemented", "Fully implemented");
        }
    }

    @Test
    void theTeamEvidenceYamlParsesBackToEntriesOfTheTeam() throws IOException {
        JsonNode root = Yaml.mapper().readTree(out.resolve(Outputs.TEAM_EVIDENCE).toFile());
        assertThat(root.properties()).extracting(Map.Entry::getKey).containsExactly("evidence");
        JsonNode evidence = root.path("evidence");
        assertThat(evidence.size()).isEqualTo((int) assessment.count(ActivityStatus.MET)).isPositive();
        for (JsonNode entries : evidence) {
            assertThat(entries.size()).isEqualTo(1);
            JsonNode entry = entries.get(0);
            assertThat(entry.properties()).extracting(Map.Entry::getKey).containsExactly("id", "teams", "title",
                    "evidenceRecorded", "description");
            assertThat(entry.path("teams").get(0).asText()).isEqualTo(YamlText.oneLine(team));
            assertThat(entry.path("evidenceRecorded").asText()).isEqualTo("2026-11-01");
        }
    }

    @Test
    void theAssessmentJsonGivesEveryStringBack() throws IOException {
        JsonNode doc = Json.mapper().readTree(out.resolve(Outputs.ASSESSMENT).toFile());
        Evidence sarif = assessment.evidence().get(0);
        JsonNode e = doc.path("evidence").get(0);
        assertThat(e.path("tool").asText()).isEqualTo(sarif.tool());
        assertThat(e.path("toolVersion").asText()).isEqualTo(sarif.toolVersion());
        assertThat(e.path("sourceFile").asText()).isEqualTo(Hostile.SARIF_NAME);
        for (int i = 0; i < sarif.findings().size(); i++) {
            Finding f = sarif.findings().get(i);
            JsonNode j = e.path("findings").get(i);
            assertThat(List.of(j.get(2).asText(), j.get(3).asText(), j.get(4).asText()))
                    .containsExactly(f.rule(), f.title(), f.location());
        }
        for (int i = 0; i < assessment.declarations().size(); i++) {
            DeclarationState d = assessment.declarations().get(i);
            JsonNode j = doc.path("declarations").get(i);
            assertThat(List.of(j.path("subject").asText(), j.path("by").asText(), j.path("detail").asText()))
                    .containsExactly(d.subject(), d.by(), d.detail());
        }
        assertThat(doc.path("unreadable").get(0).path("error").asText()).isEqualTo(assessment.unreadable().get(0).error());
        assertThat(doc.path("ignored").get(0).path("file").asText()).isEqualTo(Hostile.IGNORED_NAME);
        assertThat(doc.path("ignored").get(0).path("reason").asText()).isEqualTo(assessment.ignored().get(0).reason());
        assertThat(doc.path("subject").path("job").asText()).isEqualTo(assessment.subject().get("job"));
        assertThat(doc.path("gate").path("checks").findValuesAsText("message"))
                .containsExactlyElementsOf(gate.checks().stream().map(RuleCheck::message).toList());
    }

    @Test
    void theConsoleSummaryShowsControlCharactersInsteadOfObeyingThem() {
        List<String> lines = TextSummary.lines(assessment, gate, kpis);
        for (String line : lines) {
            assertNoBadCharacters("console", line);
            assertThat(line).doesNotContain("\n").doesNotContain("\r").doesNotContain("\u001b");
        }
        String all = String.join("\n", lines);
        assertThat(all).contains("\\u001b[31mred").contains("\\u202eevil").contains("line one\\u000d\\u000aGate: PASS");
        assertThat(lines).filteredOn(l -> l.startsWith("Gate: ")).hasSize(1);
        assertThat(lines).filteredOn(l -> l.startsWith("Ignored: ")).singleElement().asString()
                .startsWith("Ignored: " + Hostile.IGNORED_NAME + ": not a report format DSOMM Gate reads (a JSON object "
                        + "with the keys <script>fetch('").contains("\\u202eevil\\u001b[31mred").doesNotContain("\u202e");
        assertThat(lines).noneMatch(l -> l.startsWith("[PASS] forged"));
    }

    /** Characters no output may carry raw: C0 controls but tab, DEL, C1, line separators, bidi controls. */
    static void assertNoBadCharacters(final String what, final String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c >= 0x7f && c <= 0x9f;
            boolean separator = c == '\u2028' || c == '\u2029';
            boolean bidi = c >= '\u202a' && c <= '\u202e' || c >= '\u2066' && c <= '\u2069' || c == '\u200e'
                    || c == '\u200f' || c == '\u061c';
            boolean loneSurrogate = Character.isHighSurrogate(c) && (i + 1 >= text.length()
                    || !Character.isLowSurrogate(text.charAt(i + 1)))
                    || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
            assertThat(control || separator || loneSurrogate || what.equals("console") && bidi)
                    .as("%s: character U+%04X at %d: ...%s...", what, (int) c, i,
                            text.substring(Math.max(0, i - 40), Math.min(text.length(), i + 40)))
                    .isFalse();
        }
    }

    static Document parseXml(final String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        javax.xml.parsers.DocumentBuilder b = f.newDocumentBuilder();
        b.setErrorHandler(null);
        return b.parse(new java.io.ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static void assertOnlySvg(final Document svg) {
        NodeList all = svg.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            assertThat(e.getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
            assertThat(e.getLocalName()).isIn("svg", "title", "g", "text", "rect", "linearGradient", "stop", "clipPath",
                    "line", "polygon", "polyline", "circle", "path", "tspan", "desc");
            for (int k = 0; k < e.getAttributes().getLength(); k++) {
                String name = e.getAttributes().item(k).getNodeName();
                String value = e.getAttributes().item(k).getNodeValue();
                assertThat(name).as("attribute of %s", e.getLocalName()).doesNotStartWithIgnoringCase("on")
                        .isNotEqualToIgnoringCase("href").isNotEqualToIgnoringCase("xlink:href");
                if (name.equals("fill") || name.equals("stroke") || name.equals("stop-color")) {
                    assertThat(value).matches("#[0-9a-fA-F]{3,8}|none|url\\(#[a-z]+\\)");
                }
            }
        }
    }
}
