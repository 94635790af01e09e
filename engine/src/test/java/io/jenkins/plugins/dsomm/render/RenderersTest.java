package io.jenkins.plugins.dsomm.render;

import io.jenkins.plugins.dsomm.TestData;
import io.jenkins.plugins.dsomm.assess.Assessment;
import io.jenkins.plugins.dsomm.assess.AssessmentOptions;
import io.jenkins.plugins.dsomm.assess.Assessor;
import io.jenkins.plugins.dsomm.context.BuildContext;
import io.jenkins.plugins.dsomm.assess.LevelView;
import io.jenkins.plugins.dsomm.attest.Attestation;
import io.jenkins.plugins.dsomm.attest.Declarations;
import io.jenkins.plugins.dsomm.attest.NotApplicable;
import io.jenkins.plugins.dsomm.attest.ProgressDefinition;
import io.jenkins.plugins.dsomm.attest.Targets;
import io.jenkins.plugins.dsomm.catalog.Catalog;
import io.jenkins.plugins.dsomm.catalog.CatalogLoader;
import io.jenkins.plugins.dsomm.mapping.RuleSetLoader;
import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
import io.jenkins.plugins.dsomm.evidence.Severity;
import io.jenkins.plugins.dsomm.gate.Gate;
import io.jenkins.plugins.dsomm.gate.GateResult;
import io.jenkins.plugins.dsomm.gate.Policy;
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
        assertThat(BadgeSvg.render((Integer) null)).contains("no level").contains(LevelColors.NONE);
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
    void badgesOfTheEvidenceOnlyViewSaySo() throws Exception {
        Assessment a = Assessor.of(CATALOG, TestData.testRules(CATALOG)).at(TestData.NOW, ZoneOffset.UTC)
                .options(new AssessmentOptions(LevelView.EVIDENCE_ONLY, null, List.of(), Targets.none()))
                .evidence(List.of(TestData.evidence("Gitleaks", EvidenceKind.SECRETS))).assess();
        assertThat(xml(BadgeSvg.of(a)).getDocumentElement().getAttribute("aria-label"))
                .isEqualTo("DSOMM (evidence only): level 0");
        assertThat(xml(BadgeSvg.of(a, a.dimension("Dim B").orElseThrow())).getDocumentElement()
                .getAttribute("aria-label")).isEqualTo("DSOMM Dim B (evidence only): level 5");
        assertThat(xml(BadgeSvg.of(sample())).getDocumentElement().getAttribute("aria-label"))
                .isEqualTo("DSOMM: level 0");
        Assessment bundled = bundled(new AssessmentOptions(LevelView.EVIDENCE_ONLY, null, List.of(), Targets.none()));
        String radar = RadarSvg.render(bundled.dimensions(), bundled.view());
        assertThat(radar).contains("aria-label=\"Levels per dimension (evidence-only view)\"")
                .contains("evidence-only view: not DSOMM levels");
        assertThat(RadarSvg.render(bundled.dimensions())).doesNotContain("evidence-only");
    }

    /** An assessment of the bundled DSOMM (five dimensions, for the radar chart) with one SAST report. */
    private static Assessment bundled(final AssessmentOptions options) {
        Catalog dsomm = CatalogLoader.bundled();
        return Assessor.of(dsomm, new RuleSetLoader(dsomm).bundled(RuleSetLoader.STANDARD))
                .at(TestData.NOW, ZoneOffset.UTC).options(options)
                .evidence(List.of(TestData.evidence("CodeQL", EvidenceKind.SAST))).assess();
    }

    @Test
    void radarShowsTargetAgainstLevel() throws Exception {
        Assessment a = bundled(AssessmentOptions.defaults().withTargets(Targets.of(Map.of("Implementation", 2))));
        Document doc = xml(RadarSvg.render(a.dimensions(), a.view()));
        NodeList polygons = doc.getElementsByTagName("polygon");
        List<String> classes = new ArrayList<>();
        for (int i = 0; i < polygons.getLength(); i++) {
            classes.add(((Element) polygons.item(i)).getAttribute("class"));
        }
        assertThat(classes).containsExactly("", "", "", "", "", "level", "target");
        assertThat(doc.getDocumentElement().getTextContent()).contains("level 0 · target 2").contains("level 0")
                .contains("target");
        assertThat(RadarSvg.render(bundled(AssessmentOptions.defaults()).dimensions()))
                .doesNotContain("class=\"target\"");
    }

    @Test
    void junitHasOneTestCasePerActivityInScope() throws Exception {
        Document doc = xml(JUnitXml.render(sample()));
        Element root = doc.getDocumentElement();
        // 8 activities: failures A3 (failed), A4, B2 (missing); skipped C2 (n/a) and X1 (unverified)
        assertThat(root.getAttribute("tests")).isEqualTo("8");
        assertThat(root.getAttribute("failures")).isEqualTo("3");
        assertThat(root.getAttribute("skipped")).isEqualTo("2");
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
        List<String> skipped = new ArrayList<>();
        NodeList sk = doc.getElementsByTagName("skipped");
        for (int i = 0; i < sk.getLength(); i++) {
            skipped.add(((Element) sk.item(i)).getAttribute("message"));
        }
        assertThat(skipped).containsExactly("unverified: no rule, attestation or declaration speaks for it",
                "not applicable: no secrets");
        Element firstCase = (Element) doc.getElementsByTagName("testcase").item(0);
        assertThat(firstCase.getAttribute("classname")).isEqualTo("DSOMM.Dim A.Sub 1");
        assertThat(firstCase.getAttribute("name")).isEqualTo("L1 A1");
    }

    @Test
    void teamProgressWritesTheCumulativeStatesTheApplicationLoads() {
        String yaml = TeamProgressYaml.render(sample(), "Team: 'A'\n- x", LocalDate.parse("2026-11-02"));
        assertThat(yaml).isEqualTo("""
                # DSOMM team progress of Team: 'A'\\u000a- x, written by DSOMM Gate from the assessment of \
                2026-11-01T10:00:00Z
                # states: Started < Partly implemented < Fully implemented (the DSOMM application's default progress \
                definition)
                progress:
                  00000000-0000-4000-8000-0000000000a1:  # A1
                    'Team: ''A''\\u000a- x':
                      'Started': 2026-11-02
                      'Partly implemented': 2026-11-02
                      'Fully implemented': 2026-11-02
                  00000000-0000-4000-8000-0000000000a2:  # A2
                    'Team: ''A''\\u000a- x':
                      'Started': 2026-11-02
                      'Partly implemented': 2026-11-02
                      'Fully implemented': 2026-11-02
                  00000000-0000-4000-8000-0000000000b1:  # B1
                    'Team: ''A''\\u000a- x':
                      'Started': 2026-11-02
                      'Partly implemented': 2026-11-02
                      'Fully implemented': 2026-11-02
                """);
    }

    @Test
    void teamProgressUsesTheTeamsOwnStatesAndTheAttestationDate() throws Exception {
        Declarations d = new Declarations("", "", List.of(new Attestation(TestData.X1, "alice",
                LocalDate.parse("2026-10-03"), LocalDate.parse("2027-10-03"), "", "")), List.of(), List.of());
        Assessment a = Assessor.of(CATALOG, TestData.testRules(CATALOG)).at(TestData.NOW, ZoneOffset.UTC)
                .declarations(d).assess();
        ProgressDefinition own = ProgressDefinition.parse(new ByteArrayInputStream("""
                progressDefinition:
                  Nothing: {score: 0%}
                  Planned: {score: 10%}
                  Implemented: {score: 100%}
                """.getBytes(StandardCharsets.UTF_8)), "meta.yaml");
        assertThat(TeamProgressYaml.render(a, "Payments", LocalDate.parse("2026-11-01"), own)).isEqualTo("""
                # DSOMM team progress of Payments, written by DSOMM Gate from the assessment of 2026-11-01T10:00:00Z
                # states: Planned < Implemented (meta.yaml)
                progress:
                  00000000-0000-4000-8000-0000000000f1:  # X1
                    'Payments':
                      'Planned': 2026-10-03
                      'Implemented': 2026-10-03
                """);
        Assessment nothing = Assessor.of(CATALOG, TestData.testRules(CATALOG)).at(TestData.NOW, ZoneOffset.UTC)
                .assess();
        assertThat(TeamProgressYaml.render(nothing, "Payments", LocalDate.parse("2026-11-01"))).endsWith(
                "\nprogress: {}\n");
    }

    @Test
    void teamEvidenceCitesTheCiEvidenceOfEachMetActivityUnderAStableId() {
        Map<String, String> subject = new LinkedHashMap<>();
        subject.put("job", "shop");
        subject.put("build", "5");
        subject.put("url", "https://ci.example.com/job/shop/5/");
        Assessment a = Assessor.of(CATALOG, TestData.testRules(CATALOG)).at(TestData.NOW, ZoneOffset.UTC)
                .evidence(List.of(TestData.evidence("CodeQL", EvidenceKind.SAST))).subject(subject).assess();
        String yaml = TeamEvidenceYaml.render(a, "Payments", LocalDate.parse("2026-11-01"));
        String id = TeamEvidenceYaml.id("Payments", TestData.A1, "shop");
        assertThat(yaml).isEqualTo("""
                # DSOMM team evidence of Payments, written by DSOMM Gate from the assessment of 2026-11-01T10:00:00Z
                evidence:
                  00000000-0000-4000-8000-0000000000a1:  # A1
                    - id: %s
                      teams:
                        - 'Payments'
                      title: 'Shown by CI: SAST evidence: CodeQL 1.0 (codeql.json)'
                      evidenceRecorded: 2026-11-01
                      description: 'Assessed by DSOMM Gate (test rules, DSOMM 9.9.9-test) in shop #5: SAST evidence: \
                CodeQL 1.0 (codeql.json). Reports: CodeQL 1.0 (codeql.json). Rule: SAST evidence.'
                      attachment:
                        - type: link
                          externalLink: 'https://ci.example.com/job/shop/5/'
                  00000000-0000-4000-8000-0000000000a3:  # A3
                """.formatted(id) + yaml.substring(yaml.indexOf("    - id: ", yaml.indexOf("# A3"))));
        // the id depends on team, activity and source only: the next build's export replaces the entry
        subject.put("build", "6");
        Assessment next = Assessor.of(CATALOG, TestData.testRules(CATALOG)).at(TestData.NOW.plusSeconds(86_400),
                ZoneOffset.UTC).evidence(List.of(TestData.evidence("CodeQL", EvidenceKind.SAST))).subject(subject)
                .assess();
        assertThat(TeamEvidenceYaml.render(next, "Payments", LocalDate.parse("2026-11-02"))).contains("- id: " + id);
        assertThat(id).isNotEqualTo(TeamEvidenceYaml.id("Payments", TestData.A1, "other-job"))
                .isNotEqualTo(TeamEvidenceYaml.id("Platform", TestData.A1, "shop"))
                .isNotEqualTo(TeamEvidenceYaml.id("Payments", TestData.A3, "shop"))
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-3[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    }

    @Test
    void theReportAndTheDocumentSayWhatCarriesALevelAndWhichViewTheyShow() throws Exception {
        Assessment dsomm = bundled(AssessmentOptions.defaults().withTargets(Targets.of(Map.of("Implementation", 2))));
        String html = HtmlReport.render(dsomm, null, List.of());
        assertThat(html).contains("<th>Target</th><th>Ceiling</th><th>What carries it</th>")
                .contains("up to level 1: 1 missing, 5 unverified").contains("view: <b>dsomm</b>")
                .contains("up to level 2: 1 missing, 18 unverified") // Implementation: up to its target
                .contains("<small>evidence ceiling</small>").doesNotContain("id=\"view\"");
        Assessment evidenceOnly = bundled(new AssessmentOptions(LevelView.EVIDENCE_ONLY, null, List.of(),
                Targets.none()));
        assertThat(HtmlReport.render(evidenceOnly, null, List.of())).contains("<p class=\"view-warning\" id=\"view\">"
                + "<b>Evidence-only view.</b> evidence-only view: unverified activities are ignored, so these are not "
                + "DSOMM levels").contains("<small>overall (evidence only)</small>");
        var json = io.jenkins.plugins.dsomm.json.Json.mapper().readTree(
                io.jenkins.plugins.dsomm.json.AssessmentJson.toString(evidenceOnly, null));
        assertThat(json.path("overall").path("view").asText()).isEqualTo("evidence-only");
        assertThat(json.path("overall").path("viewDescription").asText()).isEqualTo(
                "evidence-only view: unverified activities are ignored, so these are not DSOMM levels");
        assertThat(json.path("options").path("view").asText()).isEqualTo("evidence-only");
        assertThat(TextSummary.lines(evidenceOnly, null).get(0)).contains("EVIDENCE-ONLY VIEW");
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
