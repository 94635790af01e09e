package io.jenkins.plugins.dsomm.gate;

import java.io.Serializable;
import java.util.List;

/**
 * The gate decision: the worst outcome of its rules, and what every rule found.
 *
 * @param outcome the worst rule outcome (PASS when no rule is violated)
 * @param checks  every rule's result, in policy order
 */
public record GateResult(Outcome outcome, List<RuleCheck> checks) implements Serializable {
    public GateResult {
        checks = List.copyOf(checks);
    }

    public static GateResult of(final List<RuleCheck> checks) {
        Outcome worst = Outcome.PASS;
        for (RuleCheck c : checks) {
            worst = worst.worst(c.outcome());
        }
        return new GateResult(worst, checks);
    }

    /** The violated rules: one reason each. */
    public List<RuleCheck> violations() {
        return checks.stream().filter(RuleCheck::violated).toList();
    }
}
