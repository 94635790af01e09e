package io.jenkins.plugins.dsomm.mapping;

import io.jenkins.plugins.dsomm.context.BuildContext;
import io.jenkins.plugins.dsomm.evidence.Evidence;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The rule that assesses one activity: all its conditions must hold. A presence condition that does not hold
 * makes the activity MISSING; otherwise a quality condition that does not hold makes it FAILED.
 *
 * @param activity    uuid of the activity
 * @param source      where the rule comes from: a rule set name or a file
 * @param conditions  the conditions, all of which must hold
 * @param description what satisfies the rule, in words; generated from the conditions when not given
 */
public record ActivityRule(String activity, String source, List<Condition> conditions, String description) {
    public ActivityRule {
        if (conditions.isEmpty()) {
            throw new IllegalArgumentException("a rule needs at least one condition");
        }
        conditions = List.copyOf(conditions);
        if (description == null || description.isBlank()) {
            description = String.join(", and ", conditions.stream().map(Condition::describe).toList());
        }
    }

    /** Applies the rule. */
    public RuleResult evaluate(final List<Evidence> evidence, final BuildContext context) {
        List<String> missing = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        List<String> met = new ArrayList<>();
        Set<Evidence> used = new LinkedHashSet<>();
        for (Condition c : conditions) {
            Condition.Result r = c.test(evidence, context);
            used.addAll(r.used());
            if (r.holds()) {
                met.add(r.reason());
            }
            else if (c.presence()) {
                missing.add(r.reason());
            }
            else {
                failed.add(r.reason());
            }
        }
        List<String> labels = EvidenceCondition.labels(new ArrayList<>(used));
        if (!missing.isEmpty()) {
            return new RuleResult(Verdict.MISSING, String.join("; ", missing), labels);
        }
        if (!failed.isEmpty()) {
            return new RuleResult(Verdict.FAILED, String.join("; ", failed), labels);
        }
        return new RuleResult(Verdict.MET, String.join("; ", met), labels);
    }
}
