package io.jenkins.plugins.dsomm.gate;

import io.jenkins.plugins.dsomm.assess.Assessment;
import io.jenkins.plugins.dsomm.kpi.Kpis;

/**
 * What gate rules look at.
 *
 * @param current   the assessment of this build
 * @param reference the assessment to compare with, or null when there is none
 * @param gaps      what is missing per sub-dimension, to name it in messages
 * @param kpis      the build's KPIs, or null when they were not computed
 */
public record GateInput(Assessment current, Assessment reference, GapList gaps, Kpis kpis) {
}
