package io.jenkins.plugins.dsomm.gate;

import java.io.Serializable;
import java.util.List;

/**
 * What a sub-dimension in scope lacks to reach the level it aims for: the next level, or its target when higher.
 *
 * @param dimension     dimension name
 * @param subDimension  sub-dimension name
 * @param level         its level now
 * @param target        the level aimed for here: the next level, or the declared target when that is higher
 * @param limitsOverall whether it is at the overall level (raising the overall level needs it)
 * @param items         the activities not satisfied up to {@code target}, prerequisites first, pipeline changes
 *                      before attestations
 * @param declaredTarget the sub-dimension's target, or null when it has none
 */
public record Gap(String dimension, String subDimension, int level, int target, boolean limitsOverall,
        List<GapItem> items, Integer declaredTarget) implements Serializable {
    public Gap {
        items = List.copyOf(items);
    }

    /** Whether {@link #target()} is the declared target (not just the next level). */
    public boolean byTarget() {
        return declaredTarget != null && declaredTarget == target;
    }

    /** Whether the sub-dimension has a target and is below it. */
    public boolean belowTarget() {
        return declaredTarget != null && level < declaredTarget;
    }

    /** The items a pipeline change can close. */
    public List<GapItem> pipeline() {
        return items.stream().filter(i -> i.actor() == GapActor.PIPELINE).toList();
    }

    /** The items only an attestation (or a declaration) can close. */
    public List<GapItem> attestation() {
        return items.stream().filter(i -> i.actor() == GapActor.ATTESTATION).toList();
    }
}
