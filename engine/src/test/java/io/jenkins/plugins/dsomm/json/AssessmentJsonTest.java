package io.jenkins.plugins.dsomm.json;

import io.jenkins.plugins.dsomm.TestData;
import io.jenkins.plugins.dsomm.assess.ActivityStatus;
import io.jenkins.plugins.dsomm.assess.Assessment;
import io.jenkins.plugins.dsomm.assess.LevelView;
import io.jenkins.plugins.dsomm.assess.Assessor;
import io.jenkins.plugins.dsomm.assess.AssessmentOptions;
import io.jenkins.plugins.dsomm.assess.DeclarationState;
import io.jenkins.plugins.dsomm.assess.IgnoredFile;
import io.jenkins.plugins.dsomm.context.BuildContext;
import io.jenkins.plugins.dsomm.assess.UnreadableFile;
import io.jenkins.plugins.dsomm.attest.Attestation;
import io.jenkins.plugins.dsomm.attest.Declarations;
import io.jenkins.plugins.dsomm.attest.NotApplicable;
import io.jenkins.plugins.dsomm.attest.OutOfScope;
import io.jenkins.plugins.dsomm.attest.ProgressState;
import io.jenkins.plugins.dsomm.attest.Targets;
import io.jenkins.plugins.dsomm.catalog.Catalog;
import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
import io.jenkins.plugins.dsomm.evidence.Severity;
import io.jenkins.plugins.dsomm.gate.Gate;
import io.jenkins.plugins.dsomm.gate.GateResult;
import io.jenkins.plugins.dsomm.gate.Policy;
import io.jenkins.plugins.dsomm.kpi.SnapshotCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AssessmentJsonTest {
    private static final Catalog CATALOG = TestData.testCatalog();

    @TempDir
    Path dir;

    private static Assessment sample() {
        Declarations d = new Declarations(".dsomm.yml", "blue", List.of(new Attestation(TestData.X1, "alice",
                LocalDate.parse("2026-10-01"), LocalDate.parse("2027-10-01"), "https://wiki", "")), List.of(),
                List.of(), null, List.of(new OutOfScope(null, null, TestData.A4, "no web interface", "carol",
                        LocalDate.parse("2026-10-02"), null)), Targets.of(Map.of("Dim A", 3)), List.of(
                        new ProgressState(TestData.C2, "blue", "Started", 0.2, LocalDate.parse("2026-09-01"),
                                "team-progress.yaml")), List.of("team-progress.yaml: a warning"));
        return Assessor.of(CATALOG, TestData.testRules(CATALOG)).at(TestData.NOW, ZoneOffset.UTC)
                .evidence(List.of(TestData.evidence("CodeQL", EvidenceKind.SAST, Severity.HIGH, Severity.LOW),
                        TestData.sbom("Syft", 4)))
                .unreadable(List.of(new UnreadableFile("bad.json", "bad.json: truncated JSON")))
                .ignored(List.of(new IgnoredFile("reports/notes.txt", "neither JSON nor XML")))
                .vex(List.of(DeclarationState.vex("CVE-2021-44228", "grype.json", "Example Shop",
                        LocalDate.parse("2026-10-02"), "not_affected", "vulnerable_code_not_in_execute_path", 2)))
                .declarations(d).context(new BuildContext(true, true, Set.of("file:.gitignore")))
                .options(new AssessmentOptions(LevelView.DSOMM, 7, List.of(), Targets.of(Map.of("Dim B / Sub 3", 2))))
                .subject(Map.of("job", "app", "build", "12")).assess();
    }

    @Test
    void roundTripKeepsEverythingARunNeedsAsReference() {
        Assessment a = sample();
        GateResult gate = Gate.evaluate(Policy.defaults().withMinimumLevel(1), a, null);
        String json = AssessmentJson.toString(a, gate);
        AssessmentDocument doc = AssessmentJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                "assessment.json");
        assertThat(doc.schemaVersion()).isEqualTo(3);
        assertThat(doc.snapshot().size()).isEqualTo(2);
        assertThat(doc.snapshot().scanners()).containsExactly("codeql", "syft");
        assertThat(doc.kpis()).isNull();
        assertThat(doc.gate()).isEqualTo(gate);
        Assessment b = doc.assessment();
        assertThat(b.overall()).isEqualTo(a.overall());
        assertThat(b.dimensions()).isEqualTo(a.dimensions());
        assertThat(b.activities()).hasSameSizeAs(a.activities());
        for (int i = 0; i < a.activities().size(); i++) {
            assertThat(b.activities().get(i).status()).isEqualTo(a.activities().get(i).status());
            assertThat(b.activities().get(i).reason()).isEqualTo(a.activities().get(i).reason());
            assertThat(b.activities().get(i).notes()).isEqualTo(a.activities().get(i).notes());
            assertThat(b.activities().get(i).blockedBy()).isEqualTo(a.activities().get(i).blockedBy());
            assertThat(b.activities().get(i).wouldBe()).isEqualTo(a.activities().get(i).wouldBe());
        }
        assertThat(b.activity(TestData.A4).orElseThrow().status()).isEqualTo(ActivityStatus.OUT_OF_SCOPE);
        assertThat(b.evidenceCeiling()).isEqualTo(a.evidenceCeiling()).isEqualTo(1);
        assertThat(b.warnings()).containsExactly("team-progress.yaml: a warning");
        assertThat(b.evidence()).hasSize(2);
        assertThat(b.evidence().get(0).open()).isEqualTo(a.evidence().get(0).open());
        assertThat(b.evidence().get(0).findings()).isEqualTo(a.evidence().get(0).findings());
        assertThat(b.evidence().get(0).producedAt()).isEqualTo(a.evidence().get(0).producedAt());
        assertThat(b.unreadable()).isEqualTo(a.unreadable());
        assertThat(b.ignored()).containsExactly(new IgnoredFile("reports/notes.txt", "neither JSON nor XML"));
        assertThat(b.declarations()).isEqualTo(a.declarations());
        assertThat(b.declarations()).filteredOn(d -> d.type().equals("vex")).singleElement().satisfies(d -> {
            assertThat(d.subject()).isEqualTo("CVE-2021-44228 in grype.json");
            assertThat(d.detail()).isEqualTo("not_affected: vulnerable_code_not_in_execute_path");
            assertThat(d.matched()).isEqualTo(2);
        });
        assertThat(b.context()).isEqualTo(a.context());
        assertThat(b.options()).isEqualTo(a.options());
        assertThat(b.subject()).isEqualTo(a.subject());
        assertThat(b.label()).isEqualTo("app #12");
        // written again, the document is the same
        assertThat(AssessmentJson.toString(b, doc.gate())).isEqualTo(json);
    }

    @Test
    void schemaVersion1DocumentsAreStillRead() throws Exception {
        Assessment a = sample();
        var node = (com.fasterxml.jackson.databind.node.ObjectNode) Json.mapper().readTree(AssessmentJson.toString(a, null));
        node.remove("kpi");
        node.put("schemaVersion", 1);
        AssessmentDocument doc = AssessmentJson.read(new ByteArrayInputStream(node.toString()
                .getBytes(StandardCharsets.UTF_8)), "v1.json");
        assertThat(doc.schemaVersion()).isEqualTo(1);
        assertThat(doc.assessment().overall()).isEqualTo(a.overall());
        // the snapshot is rebuilt from the evidence's findings
        assertThat(doc.snapshot().size()).isEqualTo(2);
        assertThat(doc.snapshot().id(0)).isEqualTo(a.evidence().get(0).findings().get(0).id());
    }

    /**
     * Documents DSOMM Gate wrote with schema 2 (before every activity counted), by the 1.0.0 command line on the
     * test model: one made without strict mode (so in what is now the evidence-only view), one with strict mode and
     * the scope option.
     */
    @Test
    void schemaVersion2DocumentsAreReadInTheViewTheyWereMadeIn() {
        AssessmentDocument lenient = AssessmentJson.read(Path.of("src/test/resources/schema2/assessment-lenient.json"));
        assertThat(lenient.schemaVersion()).isEqualTo(2);
        Assessment a = lenient.assessment();
        assertThat(a.view()).isEqualTo(LevelView.EVIDENCE_ONLY);
        assertThat(a.overall()).isEqualTo(1);
        assertThat(a.dimension("Dim B").orElseThrow().level()).isEqualTo(5);
        assertThat(a.activity(TestData.X1).orElseThrow().status()).isEqualTo(ActivityStatus.UNVERIFIED);
        assertThat(a.activity(TestData.A1).orElseThrow().status()).isEqualTo(ActivityStatus.MET);
        assertThat(a.evidenceCeiling()).isNull();
        assertThat(a.options().targets().isEmpty()).isTrue();
        assertThat(a.label()).isEqualTo("app #41");
        assertThat(lenient.snapshot().size()).isEqualTo(6);

        AssessmentDocument strict = AssessmentJson.read(Path.of("src/test/resources/schema2/assessment-strict.json"));
        assertThat(strict.assessment().view()).isEqualTo(LevelView.DSOMM);
        assertThat(strict.assessment().dimension("Dim B").orElseThrow().inScope()).isFalse();
        assertThat(strict.assessment().subDimension("Dim B", "Sub 3").orElseThrow().inScope()).isFalse();
        assertThat(strict.assessment().options().scope()).containsExactly("Dim A");

        // as reference of this version's assessment of the same reports: no regression only for the upgrade
        Assessment now = Assessor.of(CATALOG, TestData.testRules(CATALOG)).at(TestData.NOW, ZoneOffset.UTC)
                .evidence(a.evidence()).context(a.context()).declarations(new Declarations(".dsomm.yml", "blue",
                        List.of(), List.of(new NotApplicable(TestData.C2, "no secrets are kept in this repository",
                                "", null, null)), List.of())).assess();
        assertThat(now.overall()).isZero();
        GateResult gate = Gate.evaluate(Policy.defaults(), now, a);
        assertThat(gate.checks()).singleElement().satisfies(c -> {
            assertThat(c.outcome()).isEqualTo(io.jenkins.plugins.dsomm.gate.Outcome.PASS);
            assertThat(c.message()).isEqualTo("No regression against app #41 (the reference was assessed in the "
                    + "evidence-only view, this build in the dsomm view: compared in the reference's; levels that "
                    + "differ for that reason, not a regression: overall 1 → 0; Dim B 5 → 0)");
        });
        AssessmentDocument history = AssessmentJson.readForHistory(Path.of(
                "src/test/resources/schema2/assessment-lenient.json"));
        assertThat(history.assessment().view()).isEqualTo(LevelView.EVIDENCE_ONLY);
        assertThat(history.assessment().evidence()).allSatisfy(e -> assertThat(e.findings()).isEmpty());
    }

    @Test
    void documentHasTheDocumentedTopLevelFields() throws Exception {
        var node = Json.mapper().readTree(AssessmentJson.toString(sample(), null));
        assertThat(node.fieldNames()).toIterable().containsExactly("schema", "schemaVersion", "createdAt", "subject",
                "catalog", "ruleSet", "options", "context", "overall", "coverage", "dimensions", "activities", "gate",
                "gaps", "unverifiedPrerequisites", "evidence", "unreadable", "ignored", "stale", "declarations", "warnings",
                "kpi");
        assertThat(node.path("options").toString()).isEqualTo("{\"view\":\"dsomm\",\"maxEvidenceAgeDays\":7,"
                + "\"scope\":[],\"targets\":{\"Dim A\":3,\"Dim B / Sub 3\":2}}");
        assertThat(node.path("overall").toString()).isEqualTo("{\"level\":1,\"evidenceCeiling\":1,\"target\":2,"
                + "\"view\":\"dsomm\",\"viewDescription\":\"levels as DSOMM defines them: every activity in scope "
                + "counts\",\"support\":{\"upTo\":2,\"statuses\":{\"met\":3,\"attested\":1,\"missing\":2},"
                + "\"sentence\":\"up to level 2: 3 by CI evidence, 1 attested, 2 missing\"}}");
        assertThat(node.path("coverage").toString()).isEqualTo("{\"activities\":8,\"assessed\":7,\"unverified\":0,"
                + "\"outOfScope\":1,\"counted\":7,\"statuses\":{\"met\":3,\"attested\":1,\"waived\":0,"
                + "\"not-applicable\":0,\"failed\":1,\"missing\":2,\"blocked\":0,\"unverified\":0,\"out-of-scope\":1}}");
        assertThat(node.path("dimensions").get(1).path("subDimensions").get(0).toString()).isEqualTo("{\"name\":"
                + "\"Sub 3\",\"level\":1,\"inScope\":true,\"target\":2,\"evidenceCeiling\":1,\"activities\":2,"
                + "\"counted\":2,\"satisfied\":1,\"support\":{\"upTo\":2,\"statuses\":{\"attested\":1,"
                + "\"missing\":1},\"sentence\":\"up to level 2: 1 attested, 1 missing\"}}");
        assertThat(node.path("activities").get(1).has("blockedBy")).as("only a blocked activity has it").isFalse();

        // a blocked activity names what blocks it and what it would be otherwise, and reads back so
        Assessment blocked = Assessor.of(CATALOG, TestData.testRules(CATALOG)).at(TestData.NOW, ZoneOffset.UTC)
                .evidence(List.of(TestData.evidence("Trivy", EvidenceKind.SCA))).assess();
        String json = AssessmentJson.toString(blocked, null);
        var a2 = Json.mapper().readTree(json).path("activities").get(1);
        assertThat(a2.path("status").asText()).isEqualTo("blocked");
        assertThat(a2.path("blockedBy").toString()).isEqualTo("[\"" + TestData.A1 + "\"]");
        assertThat(a2.path("wouldBe").asText()).isEqualTo("met");
        var back = AssessmentJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "b.json")
                .assessment().activity(TestData.A2).orElseThrow();
        assertThat(back.blockedBy()).containsExactly(TestData.A1);
        assertThat(back.wouldBe()).isEqualTo(ActivityStatus.MET);
        assertThat(node.path("evidence").get(0).path("findings").get(0).size()).isEqualTo(5);
    }

    @Test
    void historyDocumentsAreReadWithoutTheNamesOfTheirFindings() throws Exception {
        Assessment a = sample();
        GateResult gate = Gate.evaluate(Policy.defaults().withMinimumLevel(1), a, null);
        Path file = dir.resolve("assessment.json");
        Files.writeString(file, AssessmentJson.toString(a, gate));
        AssessmentDocument whole = AssessmentJson.read(file);
        AssessmentDocument doc = AssessmentJson.readForHistory(file);
        assertThat(doc.schemaVersion()).isEqualTo(3);
        assertThat(doc.gate()).isEqualTo(gate);
        assertThat(SnapshotCodec.encode(doc.snapshot())).isEqualTo(SnapshotCodec.encode(whole.snapshot()));
        assertThat(doc.snapshot().scanners()).containsExactly("codeql", "syft");
        assertThat(doc.snapshot().label()).isEqualTo("app #12");
        Assessment b = doc.assessment();
        assertThat(b.overall()).isEqualTo(a.overall());
        assertThat(b.dimensions()).isEqualTo(a.dimensions());
        assertThat(b.activities()).hasSameSizeAs(a.activities());
        assertThat(b.subject()).isEqualTo(a.subject());
        assertThat(b.createdAt()).isEqualTo(a.createdAt());
        assertThat(b.evidence()).extracting(Evidence::tool).containsExactly("CodeQL", "Syft");
        assertThat(b.evidence().get(0).open()).isEqualTo(a.evidence().get(0).open());
        assertThat(b.evidence().get(1).components()).isEqualTo(4);
        assertThat(a.evidence().get(0).findings()).hasSize(2);
        assertThat(b.evidence()).allSatisfy(e -> assertThat(e.findings()).isEmpty());

        // schema 1: no snapshot, made from the findings, which are dropped then
        var node = (com.fasterxml.jackson.databind.node.ObjectNode) Json.mapper().readTree(file.toFile());
        node.remove("kpi");
        node.put("schemaVersion", 1);
        Path v1 = dir.resolve("v1.json");
        Files.writeString(v1, node.toString());
        AssessmentDocument old = AssessmentJson.readForHistory(v1);
        assertThat(old.schemaVersion()).isEqualTo(1);
        assertThat(SnapshotCodec.encode(old.snapshot())).isEqualTo(SnapshotCodec.encode(whole.snapshot()));
        assertThat(old.assessment().evidence()).allSatisfy(e -> assertThat(e.findings()).isEmpty());
        assertThat(old.assessment().evidence().get(0).open().total()).isEqualTo(2);

        Files.writeString(v1, "{\"schema\":");
        assertThatThrownBy(() -> AssessmentJson.readForHistory(v1)).isInstanceOf(AssessmentFormatException.class)
                .hasMessageStartingWith(v1 + ": not a DSOMM Gate assessment: invalid JSON");
        assertThatThrownBy(() -> AssessmentJson.readForHistory(dir.resolve("gone.json")))
                .isInstanceOf(AssessmentFormatException.class).hasMessageStartingWith(dir.resolve("gone.json")
                        + ": cannot read: ");
        assertThatThrownBy(() -> AssessmentJson.readForHistory(v1, "side file of app #3"))
                .isInstanceOf(AssessmentFormatException.class)
                .hasMessageStartingWith("side file of app #3: not a DSOMM Gate assessment: invalid JSON");
        assertThatThrownBy(() -> AssessmentJson.readForHistory(dir.resolve("gone.json"), "side file of app #4"))
                .isInstanceOf(AssessmentFormatException.class).hasMessageStartingWith("side file of app #4: cannot read: ");
    }

    @Test
    void unreadableDocumentsGiveClearErrors() {
        assertThatThrownBy(() -> AssessmentJson.read(new ByteArrayInputStream("{".getBytes(StandardCharsets.UTF_8)),
                "ref.json")).isInstanceOf(AssessmentFormatException.class)
                .hasMessageStartingWith("ref.json: not a DSOMM Gate assessment: invalid JSON");
        assertThatThrownBy(() -> AssessmentJson.read(new ByteArrayInputStream("{\"a\":1}".getBytes(StandardCharsets.UTF_8)),
                "ref.json")).hasMessageStartingWith("ref.json: not a DSOMM Gate assessment (no \"schema\"");
        String newer = "{\"schema\":\"" + AssessmentJson.SCHEMA + "\",\"schemaVersion\":99}";
        assertThatThrownBy(() -> AssessmentJson.read(new ByteArrayInputStream(newer.getBytes(StandardCharsets.UTF_8)),
                "ref.json")).hasMessage("ref.json: assessment schema version 99 is not supported (this DSOMM Gate reads 1 to 3)");
        String corrupt = "{\"schema\":\"" + AssessmentJson.SCHEMA + "\",\"schemaVersion\":1,\"createdAt\":\"yesterday\"}";
        assertThatThrownBy(() -> AssessmentJson.read(new ByteArrayInputStream(corrupt.getBytes(StandardCharsets.UTF_8)),
                "ref.json")).hasMessageStartingWith("ref.json: corrupt assessment document: ");
    }
}
