package io.jenkins.plugins.dsomm.assess;

import java.io.Serializable;
import java.util.List;

/**
 * The level of a dimension: the lowest level of its sub-dimensions in scope; null when none counts.
 *
 * @param name            dimension name
 * @param level           0 to 5, or null
 * @param inScope         whether it counts for the overall level (some activity of it is in scope)
 * @param subDimensions   its sub-dimensions in model order
 * @param target          the lowest target of its sub-dimensions in scope, or null when none has one
 * @param evidenceCeiling the lowest evidence ceiling of its sub-dimensions in scope, or null
 */
public record DimensionLevel(String name, Integer level, boolean inScope, List<SubDimensionLevel> subDimensions,
        Integer target, Integer evidenceCeiling) implements Serializable {
    public DimensionLevel {
        subDimensions = List.copyOf(subDimensions);
    }

    /** A dimension without target or ceiling (as schema 1 and 2 documents have it). */
    public DimensionLevel(final String name, final Integer level, final boolean inScope,
            final List<SubDimensionLevel> subDimensions) {
        this(name, level, inScope, subDimensions, null, null);
    }

    public int activities() {
        return subDimensions.stream().mapToInt(SubDimensionLevel::activities).sum();
    }

    public int counted() {
        return subDimensions.stream().mapToInt(SubDimensionLevel::counted).sum();
    }

    public int satisfied() {
        return subDimensions.stream().mapToInt(SubDimensionLevel::satisfied).sum();
    }

    /** Whether every sub-dimension in scope is at or above its target. */
    public boolean atTarget() {
        return subDimensions.stream().filter(SubDimensionLevel::inScope).allMatch(SubDimensionLevel::atTarget);
    }
}
