package io.jenkins.plugins.dsomm.render;

import io.jenkins.plugins.dsomm.assess.Assessment;
import io.jenkins.plugins.dsomm.assess.DimensionLevel;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One build in a trend: its label and levels. Small on purpose: trends are computed from summaries only.
 *
 * @param label      build label, for example {@code #12}
 * @param overall    overall level or null
 * @param dimensions level per dimension (null values allowed), in model order
 */
public record TrendPoint(String label, Integer overall, Map<String, Integer> dimensions) implements Serializable {
    public TrendPoint {
        dimensions = Collections.unmodifiableMap(new LinkedHashMap<>(dimensions));
    }

    public static TrendPoint of(final String label, final Assessment a) {
        Map<String, Integer> dims = new LinkedHashMap<>();
        for (DimensionLevel d : a.dimensions()) {
            dims.put(d.name(), d.level());
        }
        return new TrendPoint(label, a.overall(), dims);
    }
}
