package io.jenkins.plugins.dsomm.assess;

import java.io.Serializable;

/**
 * The level of a sub-dimension: the highest L such that every counted activity of level ≤ L is satisfied
 * (0 to 5); null when no activity of it is counted.
 *
 * @param dimension  dimension name
 * @param name       sub-dimension name
 * @param level      0 to 5, or null when it does not count
 * @param activities activities in the catalog
 * @param counted    activities that count for the level (assessed ones; all of them in strict mode)
 * @param satisfied  counted activities that are satisfied
 */
public record SubDimensionLevel(String dimension, String name, Integer level, int activities, int counted,
        int satisfied) implements Serializable {
}
