package io.jenkins.plugins.dsomm.gate;

import io.jenkins.plugins.dsomm.assess.Assessment;
import io.jenkins.plugins.dsomm.kpi.Kpis;

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
        return evaluate(policy, current, reference, null);
    }

    /**
     * @param policy    the policy
     * @param current   this build's assessment
     * @param reference the assessment to compare with, or null
     * @param kpis      this build's KPIs, or null (KPI rules then report that they could not be checked)
     */
    public static GateResult evaluate(final Policy policy, final Assessment current, final Assessment reference,
            final Kpis kpis) {
        return evaluate(policy, current, reference, null, kpis);
    }

    /**
     * @param policy           the policy
     * @param current          this build's assessment
     * @param reference        the assessment to compare with, or null
     * @param referenceProblem why the reference to compare with could not be read (a corrupt or unreadable file,
     *                         named), or null: the regression rule then reports that it could not check, with its
     *                         configured outcome, instead of passing
     * @param kpis             this build's KPIs, or null (KPI rules then report that they could not be checked)
     */
    public static GateResult evaluate(final Policy policy, final Assessment current, final Assessment reference,
            final String referenceProblem, final Kpis kpis) {
        GapList gaps = GapList.of(current);
        GateInput input = new GateInput(current, reference, gaps, kpis, referenceProblem);
        List<RuleCheck> checks = new ArrayList<>();
        for (GateRule rule : policy.rules()) {
            checks.add(rule.check(input));
        }
        return GateResult.of(checks, gaps);
    }
}
