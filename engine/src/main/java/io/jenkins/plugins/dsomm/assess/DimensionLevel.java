package io.jenkins.plugins.dsomm.assess;

import java.io.Serializable;
import java.util.List;

/**
 * The level of a dimension: the lowest level of its counted sub-dimensions; null when none counts.
 *
 * @param name          dimension name
 * @param level         0 to 5, or null
 * @param inScope       whether it counts for the overall level
 * @param subDimensions its sub-dimensions in model order
 */
public record DimensionLevel(String name, Integer level, boolean inScope, List<SubDimensionLevel> subDimensions)
        implements Serializable {
    public DimensionLevel {
        subDimensions = List.copyOf(subDimensions);
    }

    public int activities() {
        return subDimensions.stream().mapToInt(SubDimensionLevel::activities).sum();
    }

    public int counted() {
        return subDimensions.stream().mapToInt(SubDimensionLevel::counted).sum();
    }
}
