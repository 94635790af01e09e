package io.jenkins.plugins.dsomm.gate;

import io.jenkins.plugins.dsomm.assess.Assessment;
import io.jenkins.plugins.dsomm.kpi.Kpis;

/**
 * What gate rules look at.
 *
 * @param current          the assessment of this build
 * @param reference        the assessment to compare with, or null when there is none
 * @param gaps             what is missing per sub-dimension, to name it in messages
 * @param kpis             the build's KPIs, or null when they were not computed
 * @param referenceProblem why the reference that should have been compared with could not be read (naming the
 *                         file), or null; then {@code reference} is null and regression is not checked
 */
public record GateInput(Assessment current, Assessment reference, GapList gaps, Kpis kpis, String referenceProblem) {
}
