package io.jenkins.plugins.dsomm.gate;

import io.jenkins.plugins.dsomm.assess.Assessment;

import java.util.ArrayList;
import java.util.List;

/** Evaluates a {@link Policy} on an assessment: one {@link RuleCheck} per rule, the outcome is the worst. */
public final class Gate {
    private Gate() {
    }

    /**
     * @param policy    the policy
     * @param current   this build's assessment
     * @param reference the assessment to compare with, or null
     */
    public static GateResult evaluate(final Policy policy, final Assessment current, final Assessment reference) {
        GapList gaps = GapList.of(current);
        List<RuleCheck> checks = new ArrayList<>();
        for (GateRule rule : policy.rules()) {
            checks.add(rule.check(current, reference, gaps));
        }
        return GateResult.of(checks);
    }
}
