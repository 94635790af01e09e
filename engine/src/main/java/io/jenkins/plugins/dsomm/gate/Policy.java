package io.jenkins.plugins.dsomm.gate;

import io.jenkins.plugins.dsomm.evidence.Severity;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The gate policy: minimum levels, regression, finding thresholds, each with the outcome it gives when violated
 * (defaults: FAILURE for minimum levels, UNSTABLE for regression and thresholds).
 *
 * @param minimumLevel      minimum overall level, or null for none
 * @param dimensionMinimums minimum level per dimension name
 * @param levelOutcome      outcome of a minimum-level violation (overall and per dimension)
 * @param regression        whether a regression against the reference violates the gate
 * @param regressionOutcome outcome of a regression
 * @param maxOpen           maximum open findings per severity key ({@code critical} ... {@code unknown}, or
 *                          {@code total})
 * @param thresholdOutcome  outcome of an exceeded threshold
 */
public record Policy(Integer minimumLevel, Map<String, Integer> dimensionMinimums, Outcome levelOutcome,
        boolean regression, Outcome regressionOutcome, Map<String, Integer> maxOpen, Outcome thresholdOutcome)
        implements Serializable {
    public Policy {
        dimensionMinimums = Collections.unmodifiableMap(new LinkedHashMap<>(dimensionMinimums));
        maxOpen = Collections.unmodifiableMap(new LinkedHashMap<>(maxOpen));
        check(minimumLevel, "minimum level");
        dimensionMinimums.forEach((d, l) -> check(l, "minimum level of " + d));
        maxOpen.forEach((k, v) -> {
            if (!"total".equals(k) && Severity.parseKey(k) == null) {
                throw new IllegalArgumentException("unknown severity '" + k
                        + "' (critical, high, medium, low, info, unknown or total)");
            }
            if (v == null || v < 0) {
                throw new IllegalArgumentException("maximum open " + k + " findings must be 0 or more: " + v);
            }
        });
    }

    private static void check(final Integer level, final String what) {
        if (level != null && (level < 0 || level > 5)) {
            throw new IllegalArgumentException(what + " must be 0 to 5: " + level);
        }
    }

    /** No minimum, regression checked (UNSTABLE), no thresholds. */
    public static Policy defaults() {
        return new Policy(null, Map.of(), Outcome.FAILURE, true, Outcome.UNSTABLE, Map.of(), Outcome.UNSTABLE);
    }

    public Policy withMinimumLevel(final Integer level) {
        return new Policy(level, dimensionMinimums, levelOutcome, regression, regressionOutcome, maxOpen,
                thresholdOutcome);
    }

    /** The rules this policy checks, in order. */
    public List<GateRule> rules() {
        List<GateRule> rules = new ArrayList<>();
        if (minimumLevel != null) {
            rules.add(new MinimumLevelRule(minimumLevel, levelOutcome));
        }
        dimensionMinimums.forEach((d, l) -> rules.add(new DimensionMinimumRule(d, l, levelOutcome)));
        if (regression) {
            rules.add(new RegressionRule(regressionOutcome));
        }
        maxOpen.forEach((k, v) -> rules.add(new FindingThresholdRule("total".equals(k) ? null : Severity.parseKey(k),
                v, thresholdOutcome)));
        return rules;
    }
}
