package io.jenkins.plugins.dsomm.json;

import io.jenkins.plugins.dsomm.TestData;
import io.jenkins.plugins.dsomm.assess.Assessment;
import io.jenkins.plugins.dsomm.assess.Assessor;
import io.jenkins.plugins.dsomm.assess.AssessmentOptions;
import io.jenkins.plugins.dsomm.assess.DeclarationState;
import io.jenkins.plugins.dsomm.assess.IgnoredFile;
import io.jenkins.plugins.dsomm.context.BuildContext;
import io.jenkins.plugins.dsomm.assess.UnreadableFile;
import io.jenkins.plugins.dsomm.attest.Attestation;
import io.jenkins.plugins.dsomm.attest.Declarations;
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
                LocalDate.parse("2026-10-01"), LocalDate.parse("2027-10-01"), "https://wiki", "")), List.of(), List.of());
        return Assessor.of(CATALOG, TestData.testRules(CATALOG)).at(TestData.NOW, ZoneOffset.UTC)
                .evidence(List.of(TestData.evidence("CodeQL", EvidenceKind.SAST, Severity.HIGH, Severity.LOW),
                        TestData.sbom("Syft", 4)))
                .unreadable(List.of(new UnreadableFile("bad.json", "bad.json: truncated JSON")))
                .ignored(List.of(new IgnoredFile("reports/notes.txt", "neither JSON nor XML")))
                .vex(List.of(DeclarationState.vex("CVE-2021-44228", "grype.json", "Example Shop",
                        LocalDate.parse("2026-10-02"), "not_affected", "vulnerable_code_not_in_execute_path", 2)))
                .declarations(d).context(new BuildContext(true, true, Set.of("file:.gitignore")))
                .options(new AssessmentOptions(false, 7, List.of()))
                .subject(Map.of("job", "app", "build", "12")).assess();
    }

    @Test
    void roundTripKeepsEverythingARunNeedsAsReference() {
        Assessment a = sample();
        GateResult gate = Gate.evaluate(Policy.defaults().withMinimumLevel(1), a, null);
        String json = AssessmentJson.toString(a, gate);
        AssessmentDocument doc = AssessmentJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                "assessment.json");
        assertThat(doc.schemaVersion()).isEqualTo(2);
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
        }
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

    @Test
    void documentHasTheDocumentedTopLevelFields() throws Exception {
        var node = Json.mapper().readTree(AssessmentJson.toString(sample(), null));
        assertThat(node.fieldNames()).toIterable().containsExactly("schema", "schemaVersion", "createdAt", "subject",
                "catalog", "ruleSet", "options", "context", "overall", "coverage", "dimensions", "activities", "gate",
                "gaps", "unverifiedPrerequisites", "evidence", "unreadable", "ignored", "stale", "declarations",
                "kpi");
        assertThat(node.path("coverage").toString()).isEqualTo(
                "{\"activities\":8,\"assessed\":8,\"notAssessed\":0,\"counted\":8}");
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
        assertThat(doc.schemaVersion()).isEqualTo(2);
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
                "ref.json")).hasMessage("ref.json: assessment schema version 99 is not supported (this DSOMM Gate reads 1 to 2)");
        String corrupt = "{\"schema\":\"" + AssessmentJson.SCHEMA + "\",\"schemaVersion\":1,\"createdAt\":\"yesterday\"}";
        assertThatThrownBy(() -> AssessmentJson.read(new ByteArrayInputStream(corrupt.getBytes(StandardCharsets.UTF_8)),
                "ref.json")).hasMessageStartingWith("ref.json: corrupt assessment document: ");
    }
}
