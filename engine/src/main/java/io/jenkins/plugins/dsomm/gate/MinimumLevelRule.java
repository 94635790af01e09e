package io.jenkins.plugins.dsomm.gate;

import io.jenkins.plugins.dsomm.assess.Assessment;

import java.util.ArrayList;
import java.util.List;

/**
 * The overall level must be at least {@code minimum}. The message names the activities that hold the
 * sub-dimensions below the minimum down.
 *
 * @param minimum level 0 to 5
 * @param outcome outcome when violated
 */
public record MinimumLevelRule(int minimum, Outcome outcome) implements GateRule {
    @Override
    public String id() {
        return "minimum-level";
    }

    @Override
    public RuleCheck check(final GateInput input) {
        Assessment current = input.current();
        GapList gaps = input.gaps();
        Integer overall = current.overall();
        if (overall != null && overall >= minimum) {
            return new RuleCheck(id(), Outcome.PASS, "Overall level " + overall + " meets the minimum " + minimum);
        }
        if (overall == null) {
            return new RuleCheck(id(), outcome, "No activity could be assessed, so there is no overall level; "
                    + "minimum " + minimum + ": add reports or attestations");
        }
        List<String> parts = new ArrayList<>();
        for (Gap g : gaps.gaps()) {
            if (g.level() < minimum && current.options().inScope(g.dimension())) {
                List<String> items = GapList.itemsUpTo(current, g.dimension(), g.subDimension(), minimum).stream()
                        .map(Sentences::item).toList();
                parts.add(g.dimension() + " / " + g.subDimension() + " is at level " + g.level() + ": "
                        + String.join(", ", items));
            }
        }
        return new RuleCheck(id(), outcome, "Overall level is " + overall + ", minimum " + minimum + ": "
                + Sentences.list(parts));
    }
}
