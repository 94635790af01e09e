package io.jenkins.plugins.dsomm.gate;

import java.io.Serializable;
import java.util.List;

/**
 * The gate decision: the worst outcome of its rules, what every rule found, and the gap list the rules named
 * their missing activities from (computed once per assessment, shown by every output).
 *
 * @param outcome the worst rule outcome (PASS when no rule is violated)
 * @param checks  every rule's result, in policy order
 * @param gaps    what each sub-dimension misses for its next level
 */
public record GateResult(Outcome outcome, List<RuleCheck> checks, GapList gaps) implements Serializable {
    public GateResult {
        checks = List.copyOf(checks);
    }

    public static GateResult of(final List<RuleCheck> checks, final GapList gaps) {
        Outcome worst = Outcome.PASS;
        for (RuleCheck c : checks) {
            worst = worst.worst(c.outcome());
        }
        return new GateResult(worst, checks, gaps);
    }

    /** The violated rules: one reason each. */
    public List<RuleCheck> violations() {
        return checks.stream().filter(RuleCheck::violated).toList();
    }
}
