package io.jenkins.plugins.dsomm.assess;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What carries a level: the statuses of the activities in scope up to the level that matters next (the next level,
 * or the target when that is higher). "up to level 2: 6 by CI evidence, 2 attested, 14 unverified" says how much
 * of a level is shown by CI, how much rests on people's word, and what nobody has spoken for yet.
 *
 * @param upTo   the highest activity level counted
 * @param counts activities per status, in scope and of level ≤ {@code upTo}
 */
public record LevelSupport(int upTo, Map<ActivityStatus, Integer> counts) implements Serializable {
    public LevelSupport {
        EnumMap<ActivityStatus, Integer> copy = new EnumMap<>(ActivityStatus.class);
        copy.putAll(counts);
        counts = Collections.unmodifiableMap(copy);
    }

    /** The level that matters after {@code level}: the next one, or the target when higher; 5 at most. */
    public static int goal(final Integer level, final Integer target) {
        int next = level == null ? 5 : Math.min(level + 1, 5);
        return target != null && target > next ? target : next;
    }

    /**
     * The support of a sub-dimension, a dimension ({@code subDimension} null) or everything ({@code dimension}
     * null) with its level and target.
     */
    public static LevelSupport of(final Assessment a, final String dimension, final String subDimension,
            final Integer level, final Integer target) {
        int upTo = goal(level, target);
        EnumMap<ActivityStatus, Integer> counts = new EnumMap<>(ActivityStatus.class);
        for (ActivityResult r : a.activities()) {
            if (!r.status().inScope() || r.activity().level() > upTo
                    || dimension != null && !r.activity().dimension().equals(dimension)
                    || subDimension != null && !r.activity().subDimension().equals(subDimension)) {
                continue;
            }
            counts.merge(r.status(), 1, Integer::sum);
        }
        return new LevelSupport(upTo, counts);
    }

    public static LevelSupport of(final Assessment a, final SubDimensionLevel s) {
        return of(a, s.dimension(), s.name(), s.level(), s.target());
    }

    public static LevelSupport of(final Assessment a, final DimensionLevel d) {
        return of(a, d.name(), null, d.level(), d.target());
    }

    /** The support of the overall level. */
    public static LevelSupport overall(final Assessment a) {
        return of(a, null, null, a.overall(), a.overallTarget());
    }

    public int get(final ActivityStatus status) {
        return counts.getOrDefault(status, 0);
    }

    /** "up to level 2: 6 by CI evidence, 2 attested, 1 not applicable, 1 failed, 14 unverified". */
    public String sentence() {
        List<String> parts = new ArrayList<>();
        for (ActivityStatus s : ActivityStatus.values()) {
            int n = get(s);
            if (n > 0) {
                parts.add(n + " " + (s == ActivityStatus.MET ? "by CI evidence" : s.label()));
            }
        }
        return "up to level " + upTo + ": " + (parts.isEmpty() ? "no activity in scope" : String.join(", ", parts));
    }
}
