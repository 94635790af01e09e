package io.jenkins.plugins.dsomm.gate;

import io.jenkins.plugins.dsomm.assess.Assessment;

/** One rule of the gate policy. */
public interface GateRule {
    /** Stable id, for example {@code minimum-level}. */
    String id();

    /**
     * Checks the assessment.
     *
     * @param current   the assessment of this build
     * @param reference the assessment to compare with, or null when there is none
     * @param gaps      what is missing per sub-dimension, to name it in messages
     */
    RuleCheck check(Assessment current, Assessment reference, GapList gaps);
}
