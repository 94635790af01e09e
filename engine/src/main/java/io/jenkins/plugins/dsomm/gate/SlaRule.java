package io.jenkins.plugins.dsomm.gate;

import io.jenkins.plugins.dsomm.kpi.SlaBreach;
import io.jenkins.plugins.dsomm.kpi.Stats;

import java.util.List;

/**
 * No open finding past its SLA: "2 findings past their SLA: CVE-2026-1 in lodash (HIGH, open 45 days, SLA 30
 * days), ...".
 *
 * @param outcome outcome when violated
 */
public record SlaRule(Outcome outcome) implements GateRule {
    @Override
    public String id() {
        return "sla";
    }

    @Override
    public RuleCheck check(final GateInput input) {
        if (input.kpis() == null) {
            return new RuleCheck(id(), Outcome.PASS, "SLA not checked: no KPIs were computed");
        }
        List<SlaBreach> breaches = input.kpis().slaBreaches();
        if (breaches.isEmpty()) {
            return new RuleCheck(id(), Outcome.PASS, "No open finding past its SLA");
        }
        List<String> named = breaches.stream().map(b -> b.label() + " (" + b.severity().name() + ", open "
                + Stats.days(b.ageHours()) + ", SLA " + Stats.days(b.slaHours()) + ")").toList();
        return new RuleCheck(id(), outcome, breaches.size() + " finding" + (breaches.size() == 1 ? "" : "s")
                + " past " + (breaches.size() == 1 ? "its" : "their") + " SLA: " + Sentences.list(named));
    }
}
