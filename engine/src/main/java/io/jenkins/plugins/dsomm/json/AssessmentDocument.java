package io.jenkins.plugins.dsomm.json;

import io.jenkins.plugins.dsomm.assess.Assessment;
import io.jenkins.plugins.dsomm.gate.GateResult;

/**
 * An assessment document read back: the assessment, and the gate result it was written with (null when it has
 * none).
 *
 * @param schemaVersion schema version of the document
 * @param assessment    the assessment
 * @param gate          the gate result, or null
 */
public record AssessmentDocument(int schemaVersion, Assessment assessment, GateResult gate) {
}
