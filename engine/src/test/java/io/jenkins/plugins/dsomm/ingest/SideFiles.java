package io.jenkins.plugins.dsomm.ingest;

import io.jenkins.plugins.dsomm.TestData;
import io.jenkins.plugins.dsomm.assess.Assessment;
import io.jenkins.plugins.dsomm.assess.Assessor;
import io.jenkins.plugins.dsomm.context.BuildContext;
import io.jenkins.plugins.dsomm.catalog.Catalog;
import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
import io.jenkins.plugins.dsomm.evidence.Severity;
import io.jenkins.plugins.dsomm.gate.Gate;
import io.jenkins.plugins.dsomm.gate.Policy;
import io.jenkins.plugins.dsomm.json.AssessmentJson;
import io.jenkins.plugins.dsomm.json.IngestJson;
import io.jenkins.plugins.dsomm.kpi.FindingSnapshot;
import io.jenkins.plugins.dsomm.kpi.KpiCalculator;
import io.jenkins.plugins.dsomm.kpi.Kpis;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Real side files, as DSOMM Gate writes them: an assessment document and evidence sent from an agent. */
public final class SideFiles {
    private SideFiles() {
    }

    private static List<Evidence> evidenceList() {
        return List.of(TestData.evidence("CodeQL", EvidenceKind.SAST, Severity.HIGH, Severity.LOW),
                TestData.evidence("Trivy", EvidenceKind.SCA, Severity.CRITICAL), TestData.sbom("Syft", 3));
    }

    /** An assessment document of the test model, with its gate and KPIs. */
    public static String assessment() {
        Catalog catalog = TestData.testCatalog();
        Assessment a = Assessor.of(catalog, TestData.testRules(catalog)).at(TestData.NOW, ZoneOffset.UTC)
                .evidence(evidenceList()).context(new BuildContext(true, true, Set.of()))
                .subject(Map.of("job", "app", "build", "7")).assess();
        Kpis kpis = new KpiCalculator().compute(List.of(FindingSnapshot.of(a.label(), a)), null, a, TestData.NOW);
        return AssessmentJson.toString(a, Gate.evaluate(Policy.defaults(), a, null, kpis), kpis);
    }

    /** Evidence of three reports as an agent sends it to the controller. */
    public static String evidence() {
        return IngestJson.write(new IngestResult(List.of(
                new IngestedFile("codeql.sarif", IngestedFile.Status.READ, "sarif", evidenceList().subList(0, 2), null),
                new IngestedFile("broken.json", IngestedFile.Status.ERROR, "sarif", List.of(), "broken.json: truncated"),
                new IngestedFile("notes.txt", IngestedFile.Status.UNRECOGNISED, null, List.of(), "not a report"))));
    }
}
