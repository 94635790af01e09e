package io.jenkins.plugins.dsomm.attest;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What is at stake in a job or repository: it scales the risk score of its findings, so that jobs can be
 * compared and prioritised (DSOMM: external-facing systems ×1.5, systems holding personal data ×1.3).
 *
 * @param externalFacing reachable from the internet
 * @param personalData   holds personal data
 * @param weights        further named multipliers (for example {@code payment-data: 1.2})
 */
public record BusinessContext(boolean externalFacing, boolean personalData, Map<String, Double> weights)
        implements Serializable {
    public static final double EXTERNAL_FACING = 1.5;
    public static final double PERSONAL_DATA = 1.3;

    public BusinessContext {
        weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
        weights.forEach((k, v) -> {
            if (v == null || v <= 0 || v.isNaN() || v.isInfinite()) {
                throw new IllegalArgumentException("weight '" + k + "' must be a positive number: " + v);
            }
        });
    }

    public static BusinessContext none() {
        return new BusinessContext(false, false, Map.of());
    }

    /** The product of the multipliers that apply. */
    public double multiplier() {
        double m = (externalFacing ? EXTERNAL_FACING : 1) * (personalData ? PERSONAL_DATA : 1);
        for (double w : weights.values()) {
            m *= w;
        }
        return m;
    }
}
