package io.jenkins.plugins.dsomm.gate;

import io.jenkins.plugins.dsomm.assess.Assessment;
import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.evidence.Severity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * At most {@code maximum} open findings of a severity (or of all severities when {@code severity} is null),
 * counted over all evidence after waivers.
 *
 * @param severity severity, or null for the total
 * @param maximum  findings allowed
 * @param outcome  outcome when exceeded
 */
public record FindingThresholdRule(Severity severity, int maximum, Outcome outcome) implements GateRule {
    @Override
    public String id() {
        return "max-open:" + (severity == null ? "total" : severity.key());
    }

    @Override
    public RuleCheck check(final GateInput input) {
        Assessment current = input.current();
        int total = 0;
        Map<String, Integer> byTool = new LinkedHashMap<>();
        for (Evidence e : current.evidence()) {
            int n = severity == null ? e.open().total() : e.open().get(severity);
            if (n > 0) {
                total += n;
                byTool.merge(e.toolLabel(), n, Integer::sum);
            }
        }
        String what = total + " open " + (severity == null ? "" : severity.name() + " ") + "finding"
                + (total == 1 ? "" : "s") + ", at most " + maximum + " allowed";
        if (total <= maximum) {
            return new RuleCheck(id(), Outcome.PASS, what);
        }
        List<String> parts = new ArrayList<>();
        byTool.forEach((tool, n) -> parts.add(tool + ": " + n));
        return new RuleCheck(id(), outcome, what + " (" + Sentences.list(parts) + ")");
    }
}
