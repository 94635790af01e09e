package io.jenkins.plugins.dsomm.gate;

/** One rule of the gate policy. */
public interface GateRule {
    /** Stable id, for example {@code minimum-level}. */
    String id();

    /** Checks the assessment. */
    RuleCheck check(GateInput input);
}
