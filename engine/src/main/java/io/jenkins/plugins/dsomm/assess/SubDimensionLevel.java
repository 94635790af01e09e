package io.jenkins.plugins.dsomm.assess;

import java.io.Serializable;

/**
 * The level of a sub-dimension: the highest L such that every counted activity of level ≤ L is satisfied (0 to
 * 5). Counted are the activities in scope (in the evidence-only view, without the unverified ones).
 *
 * @param dimension       dimension name
 * @param name            sub-dimension name
 * @param level           0 to 5; null when nothing of it counts (all out of scope, or in the evidence-only view
 *                        nothing verified)
 * @param activities      activities in the catalog
 * @param counted         activities that count for the level
 * @param satisfied       counted activities that are met, attested, waived or not applicable
 * @param inScope         whether any of its activities is in scope
 * @param target          the level aimed for, or null
 * @param evidenceCeiling the level it would have if every unverified activity were attested; null out of scope
 */
public record SubDimensionLevel(String dimension, String name, Integer level, int activities, int counted,
        int satisfied, boolean inScope, Integer target, Integer evidenceCeiling) implements Serializable {
    /** Whether it has a target and is at or above it. */
    public boolean atTarget() {
        return target == null || level != null && level >= target;
    }

    /** "Implementation / Application Hardening". */
    public String label() {
        return dimension + " / " + name;
    }
}
