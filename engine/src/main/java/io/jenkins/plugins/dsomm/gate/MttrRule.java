package io.jenkins.plugins.dsomm.gate;

import io.jenkins.plugins.dsomm.evidence.Severity;
import io.jenkins.plugins.dsomm.kpi.Stats;

/**
 * The mean time to remediate findings of a severity stays under a ceiling: "mean time to remediate HIGH findings
 * is 12.5 days over 8 remediated, ceiling 7 days". Nothing remediated yet passes.
 *
 * @param severity severity
 * @param maxDays  ceiling in days
 * @param outcome  outcome when violated
 */
public record MttrRule(Severity severity, double maxDays, Outcome outcome) implements GateRule {
    @Override
    public String id() {
        return "mttr:" + severity.key();
    }

    @Override
    public RuleCheck check(final GateInput input) {
        if (input.kpis() == null) {
            return new RuleCheck(id(), Outcome.PASS, "MTTR not checked: no KPIs were computed");
        }
        Stats s = input.kpis().remediation().getOrDefault(severity, Stats.EMPTY);
        String ceiling = Stats.days(maxDays * 24);
        if (s.count() == 0) {
            return new RuleCheck(id(), Outcome.PASS, "No " + severity.name() + " finding remediated in the history yet"
                    + " (ceiling " + ceiling + ")");
        }
        String what = "Mean time to remediate " + severity.name() + " findings is " + Stats.days(s.mean()) + " over "
                + s.count() + " remediated, ceiling " + ceiling;
        return new RuleCheck(id(), s.mean() <= maxDays * 24 ? Outcome.PASS : outcome, what);
    }
}
