package io.jenkins.plugins.dsomm.gate;

import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
import io.jenkins.plugins.dsomm.evidence.Severity;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The gate policy: minimum levels, targets, regression, finding thresholds and KPI rules (SLA, scan coverage, MTTR),
 * each with the outcome it gives when violated (defaults: FAILURE for minimum levels, UNSTABLE for the others).
 * Built with {@link #builder()}; immutable.
 */
public final class Policy implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Integer minimumLevel;
    private final Map<String, Integer> dimensionMinimums;
    private final Outcome levelOutcome;
    private final boolean atTarget;
    private final boolean regression;
    private final Outcome regressionOutcome;
    private final Map<String, Integer> maxOpen;
    private final Outcome thresholdOutcome;
    private final boolean sla;
    private final Map<EvidenceKind, Integer> minCoveragePercent;
    private final Map<Severity, Double> maxMttrDays;
    private final Outcome kpiOutcome;

    private Policy(final Builder b) {
        check(b.minimumLevel, "minimum level");
        b.dimensionMinimums.forEach((d, l) -> check(l, "minimum level of " + d));
        b.maxOpen.forEach((k, v) -> {
            if (!"total".equals(k) && Severity.parseKey(k) == null) {
                throw new IllegalArgumentException("unknown severity '" + k
                        + "' (critical, high, medium, low, info, unknown or total)");
            }
            if (v == null || v < 0) {
                throw new IllegalArgumentException("maximum open " + k + " findings must be 0 or more: " + v);
            }
        });
        b.minCoveragePercent.forEach((k, v) -> {
            if (v == null || v < 0 || v > 100) {
                throw new IllegalArgumentException("minimum coverage of " + k + " must be 0 to 100 %: " + v);
            }
        });
        b.maxMttrDays.forEach((k, v) -> {
            if (v == null || v <= 0 || v.isNaN()) {
                throw new IllegalArgumentException("MTTR ceiling of " + k + " must be more than 0 days: " + v);
            }
        });
        minimumLevel = b.minimumLevel;
        dimensionMinimums = Collections.unmodifiableMap(new LinkedHashMap<>(b.dimensionMinimums));
        levelOutcome = b.levelOutcome;
        atTarget = b.atTarget;
        regression = b.regression;
        regressionOutcome = b.regressionOutcome;
        maxOpen = Collections.unmodifiableMap(new LinkedHashMap<>(b.maxOpen));
        thresholdOutcome = b.thresholdOutcome;
        sla = b.sla;
        minCoveragePercent = Collections.unmodifiableMap(new LinkedHashMap<>(b.minCoveragePercent));
        maxMttrDays = Collections.unmodifiableMap(new LinkedHashMap<>(b.maxMttrDays));
        kpiOutcome = b.kpiOutcome;
    }

    private static void check(final Integer level, final String what) {
        if (level != null && (level < 0 || level > 5)) {
            throw new IllegalArgumentException(what + " must be 0 to 5: " + level);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** No minimum, regression checked (UNSTABLE), no thresholds, no KPI rules. */
    public static Policy defaults() {
        return builder().build();
    }

    public Policy withMinimumLevel(final Integer level) {
        return toBuilder().minimumLevel(level).build();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.minimumLevel = minimumLevel;
        b.dimensionMinimums.putAll(dimensionMinimums);
        b.levelOutcome = levelOutcome;
        b.atTarget = atTarget;
        b.regression = regression;
        b.regressionOutcome = regressionOutcome;
        b.maxOpen.putAll(maxOpen);
        b.thresholdOutcome = thresholdOutcome;
        b.sla = sla;
        b.minCoveragePercent.putAll(minCoveragePercent);
        b.maxMttrDays.putAll(maxMttrDays);
        b.kpiOutcome = kpiOutcome;
        return b;
    }

    public Integer minimumLevel() {
        return minimumLevel;
    }

    public Map<String, Integer> dimensionMinimums() {
        return dimensionMinimums;
    }

    public Outcome levelOutcome() {
        return levelOutcome;
    }

    /** Whether every sub-dimension with a target must be at it (rule {@code at-target}, level outcome). */
    public boolean atTarget() {
        return atTarget;
    }

    public boolean regression() {
        return regression;
    }

    public Outcome regressionOutcome() {
        return regressionOutcome;
    }

    public Map<String, Integer> maxOpen() {
        return maxOpen;
    }

    public Outcome thresholdOutcome() {
        return thresholdOutcome;
    }

    public boolean sla() {
        return sla;
    }

    public Map<EvidenceKind, Integer> minCoveragePercent() {
        return minCoveragePercent;
    }

    public Map<Severity, Double> maxMttrDays() {
        return maxMttrDays;
    }

    public Outcome kpiOutcome() {
        return kpiOutcome;
    }

    /** The rules this policy checks, in order. */
    public List<GateRule> rules() {
        List<GateRule> rules = new ArrayList<>();
        if (minimumLevel != null) {
            rules.add(new MinimumLevelRule(minimumLevel, levelOutcome));
        }
        dimensionMinimums.forEach((d, l) -> rules.add(new DimensionMinimumRule(d, l, levelOutcome)));
        if (atTarget) {
            rules.add(new TargetRule(levelOutcome));
        }
        if (regression) {
            rules.add(new RegressionRule(regressionOutcome));
        }
        maxOpen.forEach((k, v) -> rules.add(new FindingThresholdRule("total".equals(k) ? null : Severity.parseKey(k),
                v, thresholdOutcome)));
        if (sla) {
            rules.add(new SlaRule(kpiOutcome));
        }
        minCoveragePercent.forEach((k, v) -> rules.add(new CoverageRule(k, v, kpiOutcome)));
        maxMttrDays.forEach((s, d) -> rules.add(new MttrRule(s, d, kpiOutcome)));
        return rules;
    }

    /** Builds a {@link Policy}. */
    public static final class Builder {
        private Integer minimumLevel;
        private final Map<String, Integer> dimensionMinimums = new LinkedHashMap<>();
        private Outcome levelOutcome = Outcome.FAILURE;
        private boolean atTarget;
        private boolean regression = true;
        private Outcome regressionOutcome = Outcome.UNSTABLE;
        private final Map<String, Integer> maxOpen = new LinkedHashMap<>();
        private Outcome thresholdOutcome = Outcome.UNSTABLE;
        private boolean sla;
        private final Map<EvidenceKind, Integer> minCoveragePercent = new LinkedHashMap<>();
        private final Map<Severity, Double> maxMttrDays = new LinkedHashMap<>();
        private Outcome kpiOutcome = Outcome.UNSTABLE;

        private Builder() {
        }

        public Builder minimumLevel(final Integer value) {
            minimumLevel = value;
            return this;
        }

        public Builder dimensionMinimum(final String dimension, final int level) {
            dimensionMinimums.put(dimension, level);
            return this;
        }

        public Builder levelOutcome(final Outcome value) {
            levelOutcome = value;
            return this;
        }

        /** Requires every sub-dimension with a target to be at it. */
        public Builder atTarget(final boolean value) {
            atTarget = value;
            return this;
        }

        public Builder regression(final boolean value) {
            regression = value;
            return this;
        }

        public Builder regressionOutcome(final Outcome value) {
            regressionOutcome = value;
            return this;
        }

        /** Maximum open findings of a severity key ({@code critical} … {@code unknown}) or {@code total}. */
        public Builder maxOpen(final String severity, final int maximum) {
            maxOpen.put(severity.toLowerCase(Locale.ROOT), maximum);
            return this;
        }

        public Builder thresholdOutcome(final Outcome value) {
            thresholdOutcome = value;
            return this;
        }

        /** No open finding past its SLA. */
        public Builder sla(final boolean value) {
            sla = value;
            return this;
        }

        /** Minimum share (percent) of the window's builds with evidence of the kind. */
        public Builder minCoverage(final EvidenceKind kind, final int percent) {
            minCoveragePercent.put(kind, percent);
            return this;
        }

        /** Ceiling of the mean time to remediate findings of a severity, in days. */
        public Builder maxMttrDays(final Severity severity, final double days) {
            maxMttrDays.put(severity, days);
            return this;
        }

        public Builder kpiOutcome(final Outcome value) {
            kpiOutcome = value;
            return this;
        }

        public Policy build() {
            return new Policy(this);
        }
    }
}
