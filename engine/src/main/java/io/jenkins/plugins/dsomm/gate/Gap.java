package io.jenkins.plugins.dsomm.gate;

import java.io.Serializable;
import java.util.List;

/**
 * What a counted sub-dimension lacks to reach its next level.
 *
 * @param dimension     dimension name
 * @param subDimension  sub-dimension name
 * @param level         its level now
 * @param target        the next level
 * @param limitsOverall whether it is at the overall level (raising the overall level needs it)
 * @param items         the activities missing, failed or blocked at the next level
 */
public record Gap(String dimension, String subDimension, int level, int target, boolean limitsOverall,
        List<GapItem> items) implements Serializable {
    public Gap {
        items = List.copyOf(items);
    }
}
