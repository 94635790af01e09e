package io.jenkins.plugins.dsomm.gate;

import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
import io.jenkins.plugins.dsomm.kpi.Coverage;

/**
 * Scan coverage: at least {@code minPercent} % of the window's builds carried evidence of the kind: "SBOM evidence
 * in 40% of the last 10 builds, minimum 80%".
 *
 * @param kind       evidence kind
 * @param minPercent minimum share, percent
 * @param outcome    outcome when violated
 */
public record CoverageRule(EvidenceKind kind, int minPercent, Outcome outcome) implements GateRule {
    @Override
    public String id() {
        return "coverage:" + kind.name();
    }

    @Override
    public RuleCheck check(final GateInput input) {
        if (input.kpis() == null) {
            return new RuleCheck(id(), Outcome.PASS, kind + " coverage not checked: no KPIs were computed");
        }
        Coverage c = input.kpis().coverage().getOrDefault(kind, new Coverage(0, 0));
        String what = kind + " evidence in " + c.percent() + " of the last " + c.builds() + " build"
                + (c.builds() == 1 ? "" : "s") + " (" + c.withKind() + "), minimum " + minPercent + "%";
        return new RuleCheck(id(), c.share() * 100 + 1e-9 >= minPercent ? Outcome.PASS : outcome, what);
    }
}
