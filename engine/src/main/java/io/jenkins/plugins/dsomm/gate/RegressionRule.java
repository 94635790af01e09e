package io.jenkins.plugins.dsomm.gate;

import io.jenkins.plugins.dsomm.assess.ActivityResult;
import io.jenkins.plugins.dsomm.assess.Assessment;
import io.jenkins.plugins.dsomm.assess.DimensionLevel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * No regression against the reference: no level drop (overall, dimension) and no activity that was satisfied
 * and no longer is. No reference means no regression; a reference that could not be read means regression could
 * not be checked, which is reported with the rule's outcome (not a pass) and the reason.
 *
 * @param outcome outcome when violated
 */
public record RegressionRule(Outcome outcome) implements GateRule {
    @Override
    public String id() {
        return "no-regression";
    }

    @Override
    public RuleCheck check(final GateInput input) {
        Assessment current = input.current();
        Assessment reference = input.reference();
        if (reference == null && input.referenceProblem() != null) {
            return new RuleCheck(id(), outcome, "Regression not checked: the reference assessment could not be read: "
                    + input.referenceProblem());
        }
        if (reference == null) {
            return new RuleCheck(id(), Outcome.PASS, "No reference assessment: regression not checked");
        }
        List<String> drops = new ArrayList<>();
        if (dropped(reference.overall(), current.overall())) {
            drops.add("overall level " + reference.overall() + " → " + Sentences.level(current.overall()));
        }
        for (DimensionLevel before : reference.dimensions()) {
            Optional<DimensionLevel> now = current.dimension(before.name());
            Integer after = now.map(DimensionLevel::level).orElse(null);
            if (dropped(before.level(), after)) {
                drops.add(before.name() + " " + before.level() + " → " + Sentences.level(after));
            }
        }
        List<String> lost = new ArrayList<>();
        for (ActivityResult before : reference.activities()) {
            if (!before.status().satisfied()) {
                continue;
            }
            current.activity(before.uuid()).filter(a -> !a.status().satisfied()).ifPresent(a ->
                    lost.add(a.activity().name() + " (" + before.status().label() + " → " + a.status().label()
                            + ": " + a.reason() + ")"));
        }
        if (drops.isEmpty() && lost.isEmpty()) {
            return new RuleCheck(id(), Outcome.PASS, "No regression against " + reference.label());
        }
        StringBuilder b = new StringBuilder("Regression against ").append(reference.label()).append(": ");
        if (!drops.isEmpty()) {
            b.append(String.join(", ", drops));
        }
        if (!lost.isEmpty()) {
            b.append(drops.isEmpty() ? "" : "; ").append("no longer met: ").append(Sentences.list(lost));
        }
        return new RuleCheck(id(), outcome, b.toString());
    }

    private static boolean dropped(final Integer before, final Integer after) {
        return before != null && (after == null || after < before);
    }
}
