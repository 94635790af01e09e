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
        String view = Sentences.view(current);
        if (overall != null && overall >= minimum) {
            return new RuleCheck(id(), Outcome.PASS, "Overall level " + overall + " meets the minimum " + minimum
                    + view);
        }
        if (overall == null) {
            return new RuleCheck(id(), outcome, "No activity counts (nothing in scope" + (current.options()
                    .evidenceOnly() ? ", or nothing verified" : "") + "), so there is no overall level; minimum "
                    + minimum + view);
        }
        List<String> parts = new ArrayList<>();
        for (Gap g : gaps.gaps()) {
            boolean inScope = current.dimension(g.dimension()).map(d -> d.inScope()).orElse(false);
            if (g.level() < minimum && inScope) {
                List<String> items = Sentences.items(GapList.itemsUpTo(current, g.dimension(), g.subDimension(),
                        minimum));
                parts.add(g.dimension() + " / " + g.subDimension() + " is at level " + g.level() + ": "
                        + String.join(", ", items));
            }
        }
        return new RuleCheck(id(), outcome, "Overall level is " + overall + ", minimum " + minimum + ": "
                + Sentences.list(parts) + view);
    }
}
