package io.jenkins.plugins.dsomm.gate;

import io.jenkins.plugins.dsomm.assess.Assessment;
import io.jenkins.plugins.dsomm.assess.DimensionLevel;

import java.util.List;
import java.util.Optional;

/**
 * A dimension's level must be at least {@code minimum}: "Test and Verification is at level 1, minimum 2: missing
 * Simple Scan (no DAST evidence)".
 *
 * @param dimension dimension name
 * @param minimum   level 0 to 5
 * @param outcome   outcome when violated
 */
public record DimensionMinimumRule(String dimension, int minimum, Outcome outcome) implements GateRule {
    @Override
    public String id() {
        return "minimum-level:" + dimension;
    }

    @Override
    public RuleCheck check(final GateInput input) {
        Assessment current = input.current();
        Optional<DimensionLevel> d = current.dimension(dimension);
        if (d.isEmpty()) {
            return new RuleCheck(id(), outcome, "Dimension '" + dimension + "' is not in DSOMM "
                    + current.catalogVersion() + ": minimum " + minimum + " cannot be met");
        }
        Integer level = d.get().level();
        String view = Sentences.view(current);
        if (level != null && level >= minimum) {
            return new RuleCheck(id(), Outcome.PASS, dimension + " is at level " + level + ", minimum " + minimum
                    + view);
        }
        if (level == null) {
            return new RuleCheck(id(), outcome, dimension + (d.get().inScope() ? " has no activity that counts"
                    : " is out of scope") + ", minimum " + minimum + view);
        }
        List<String> parts = Sentences.items(GapList.itemsUpTo(current, dimension, null, minimum));
        return new RuleCheck(id(), outcome, dimension + " is at level " + level + ", minimum " + minimum + ": "
                + Sentences.list(parts) + view);
    }
}
