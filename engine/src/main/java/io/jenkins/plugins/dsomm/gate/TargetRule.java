package io.jenkins.plugins.dsomm.gate;

import io.jenkins.plugins.dsomm.assess.Assessment;
import io.jenkins.plugins.dsomm.assess.DimensionLevel;
import io.jenkins.plugins.dsomm.assess.SubDimensionLevel;

import java.util.ArrayList;
import java.util.List;

/**
 * Every sub-dimension in scope that has a target is at or above it: "Test and Verification / Consolidation is at
 * level 0, target 2: failed Treatment of defects with high or critical severity (…)". Asking for this rule
 * without any target set is a violation: there is nothing to be at.
 *
 * @param outcome outcome when violated
 */
public record TargetRule(Outcome outcome) implements GateRule {
    @Override
    public String id() {
        return "at-target";
    }

    @Override
    public RuleCheck check(final GateInput input) {
        Assessment current = input.current();
        List<String> below = new ArrayList<>();
        int targets = 0;
        for (DimensionLevel d : current.dimensions()) {
            for (SubDimensionLevel s : d.subDimensions()) {
                if (!s.inScope() || s.target() == null) {
                    continue;
                }
                targets++;
                if (!s.atTarget()) {
                    List<String> items = Sentences.items(GapList.itemsUpTo(current, d.name(), s.name(),
                            s.target()));
                    below.add(s.label() + " is at level " + Sentences.level(s.level()) + ", target " + s.target()
                            + (items.isEmpty() ? "" : ": " + String.join(", ", items)));
                }
            }
        }
        String view = Sentences.view(current);
        if (targets == 0) {
            return new RuleCheck(id(), outcome, "No target is set, so none can be met: set targets in .dsomm.yml "
                    + "(targets:) or as a gate option" + view);
        }
        if (below.isEmpty()) {
            return new RuleCheck(id(), Outcome.PASS, "Every sub-dimension in scope with a target is at it ("
                    + targets + (targets == 1 ? " target" : " targets") + ")" + view);
        }
        return new RuleCheck(id(), outcome, below.size() + " of " + targets + " sub-dimensions below target: "
                + Sentences.list(below) + view);
    }
}
