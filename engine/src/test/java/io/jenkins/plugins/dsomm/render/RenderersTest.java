package io.jenkins.plugins.dsomm.render;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.dsomm.TestData;
import io.jenkins.plugins.dsomm.assess.Assessment;
import io.jenkins.plugins.dsomm.assess.Assessor;
import io.jenkins.plugins.dsomm.context.BuildContext;
import io.jenkins.plugins.dsomm.attest.Declarations;
import io.jenkins.plugins.dsomm.attest.NotApplicable;
import io.jenkins.plugins.dsomm.catalog.Catalog;
import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
import io.jenkins.plugins.dsomm.evidence.Severity;
import io.jenkins.plugins.dsomm.gate.Gate;
import io.jenkins.plugins.dsomm.gate.GateResult;
import io.jenkins.plugins.dsomm.gate.Policy;
import io.jenkins.plugins.dsomm.yaml.Yaml;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RenderersTest {
    private static final Catalog CATALOG = TestData.testCatalog();

    static Assessment sample() {
        Declarations d = new Declarations("", "", List.of(), List.of(new NotApplicable(TestData.C2, "no secrets",
                "carol", null, null)), List.of());
        return Assessor.of(CATALOG, TestData.testRules(CATALOG)).at(TestData.NOW, ZoneOffset.UTC)
                .evidence(List.of(TestData.evidence("CodeQL", EvidenceKind.SAST, Severity.HIGH),
                        TestData.evidence("Trivy", EvidenceKind.SCA)))
                .context(new BuildContext(true, false, Set.of())).declarations(d)
                .subject(Map.of("job", "shop", "build", "5")).assess();
    }

    static Document xml(final String s) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void badgeShowsLevelInItsColourAndEscapesItsLabel() throws Exception {
        String svg = BadgeSvg.render(3);
        Document doc = xml(svg);
        assertThat(doc.getDocumentElement().getAttribute("aria-label")).isEqualTo("DSOMM: level 3");
        assertThat(doc.getDocumentElement().getAttribute("width")).isEqualTo("101");
        assertThat(svg).contains("fill=\"#a4a61d\"");
        assertThat(BadgeSvg.render(null)).contains("no level").contains(LevelColors.NONE);
        String hostile = BadgeSvg.render("<script>alert(1)</script>", 5);
        Document h = xml(hostile);
        assertThat(h.getElementsByTagName("script").getLength()).isZero();
        assertThat(h.getElementsByTagName("title").item(0).getTextContent())
                .isEqualTo("DSOMM <script>alert(1)</script>: level 5");
    }

    @Test
    void trendHasOneMarkerPerLevelAndGapsForMissingLevels() throws Exception {
        Map<String, Integer> d1 = new LinkedHashMap<>();
        d1.put("Build", 1);
        d1.put("Test", null);
        Map<String, Integer> d2 = new LinkedHashMap<>();
        d2.put("Build", 2);
        d2.put("Test", 1);
        List<TrendPoint> points = List.of(new TrendPoint("#1", 1, d1), new TrendPoint("#2<b>", 2, d2),
                new TrendPoint("#3", null, d2));
        String svg = TrendSvg.render(points);
        Document doc = xml(svg);
        // overall: 2 values; Build: 3; Test: 2
        assertThat(doc.getElementsByTagName("circle").getLength()).isEqualTo(7);
        assertThat(doc.getElementsByTagName("path").getLength()).isEqualTo(3);
        assertThat(doc.getDocumentElement().getAttribute("aria-label")).isEqualTo("DSOMM levels over 3 builds");
        assertThat(svg).contains("#2&lt;b&gt;").doesNotContain("#2<b>");
        assertThat(xml(TrendSvg.render(List.of())).getDocumentElement().getTextContent()).contains("No assessments yet");
    }

    @Test
    void junitHasOneTestCasePerAssessedActivity() throws Exception {
        Document doc = xml(JUnitXml.render(sample()));
        Element root = doc.getDocumentElement();
        // 8 activities, X1 not assessed: 7 cases; failures: A3 (failed), A4, B2 (missing); C2 skipped (n/a)
        assertThat(root.getAttribute("tests")).isEqualTo("7");
        assertThat(root.getAttribute("failures")).isEqualTo("3");
        assertThat(root.getAttribute("skipped")).isEqualTo("1");
        NodeList suites = doc.getElementsByTagName("testsuite");
        assertThat(suites.getLength()).isEqualTo(2);
        assertThat(((Element) suites.item(0)).getAttribute("name")).isEqualTo("DSOMM.Dim A");
        assertThat(((Element) suites.item(0)).getAttribute("tests")).isEqualTo("6");
        List<String> failures = new ArrayList<>();
        NodeList f = doc.getElementsByTagName("failure");
        for (int i = 0; i < f.getLength(); i++) {
            failures.add(((Element) f.item(i)).getAttribute("message"));
        }
        assertThat(failures).containsExactly("failed: open findings: 1 HIGH (CodeQL 1.0: 1)",
                "missing: no DAST evidence", "missing: no SBOM evidence with at least 1 component");
        Element skipped = (Element) doc.getElementsByTagName("skipped").item(0);
        assertThat(skipped.getAttribute("message")).isEqualTo("not applicable: no secrets");
        Element firstCase = (Element) doc.getElementsByTagName("testcase").item(0);
        assertThat(firstCase.getAttribute("classname")).isEqualTo("DSOMM.Dim A.Sub 1");
        assertThat(firstCase.getAttribute("name")).isEqualTo("L1 A1");
    }

    @Test
    void teamProgressListsSatisfiedActivitiesForTheTeam() throws Exception {
        String yaml = TeamProgressYaml.render(sample(), "Team: \"A\"\n- x", LocalDate.parse("2026-11-01"));
        JsonNode root = Yaml.mapper().readTree(yaml);
        JsonNode progress = root.get("progress");
        assertThat(progress.fieldNames()).toIterable().containsExactly(TestData.A1, TestData.A2, TestData.B1);
        assertThat(progress.get(TestData.A1).get("Team: \"A\"\n- x").get("Implemented").asText()).isEqualTo("2026-11-01");
        assertThat(yaml).startsWith("# DSOMM team progress of Team: \"A\" - x, written by DSOMM Gate");
    }

    @Test
    void htmlReportHasEverySectionAndNoScript() {
        Assessment a = sample();
        GateResult gate = Gate.evaluate(Policy.defaults().withMinimumLevel(2), a, null);
        String html = HtmlReport.render(a, gate, List.of(TrendPoint.of("#4", a), TrendPoint.of("#5", a)));
        assertThat(html).contains("<title>DSOMM assessment — shop #5</title>")
                .contains("Content-Security-Policy\" content=\"default-src 'none'")
                .contains("id=\"levels\"", "id=\"gate\"", "id=\"gaps\"", "id=\"matrix\"", "id=\"trend\"",
                        "id=\"activities\"", "id=\"evidence\"", "id=\"findings\"", "id=\"declarations\"")
                .contains("Gate: FAILURE")
                .doesNotContain("<script", "javascript:", " src=", "<link", "@import", "<iframe");
    }
}
