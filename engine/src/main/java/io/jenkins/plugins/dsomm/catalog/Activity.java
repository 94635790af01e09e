package io.jenkins.plugins.dsomm.catalog;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * One DSOMM activity: the facts DSOMM Gate needs, without the upstream prose.
 *
 * @param uuid         DSOMM identifier (a UUID, except for two upstream quirks such as {@code ...-medium})
 * @param name         activity name
 * @param dimension    dimension name, for example {@code Test and Verification}
 * @param subDimension sub-dimension name, for example {@code Static depth for applications}
 * @param level        maturity level 1 to 5
 * @param dependsOn    uuids of the activities this one depends on
 */
public record Activity(String uuid, String name, String dimension, String subDimension, int level,
        List<String> dependsOn) implements Serializable {
    public Activity {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dimension, "dimension");
        Objects.requireNonNull(subDimension, "subDimension");
        if (level < 1 || level > 5) {
            throw new IllegalArgumentException("level of " + name + " must be 1 to 5: " + level);
        }
        dependsOn = List.copyOf(dependsOn);
    }
}
