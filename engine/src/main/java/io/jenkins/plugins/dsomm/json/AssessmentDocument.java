package io.jenkins.plugins.dsomm.json;

import io.jenkins.plugins.dsomm.assess.Assessment;
import io.jenkins.plugins.dsomm.gate.GateResult;
import io.jenkins.plugins.dsomm.kpi.FindingSnapshot;
import io.jenkins.plugins.dsomm.kpi.Kpis;

/**
 * An assessment document read back.
 *
 * @param schemaVersion schema version of the document
 * @param assessment    the assessment
 * @param gate          the gate result, or null
 * @param snapshot      the compact finding snapshot (from the evidence for schema 1 documents)
 * @param kpis          the KPIs it was written with, or null
 */
public record AssessmentDocument(int schemaVersion, Assessment assessment, GateResult gate, FindingSnapshot snapshot,
        Kpis kpis) {
}
