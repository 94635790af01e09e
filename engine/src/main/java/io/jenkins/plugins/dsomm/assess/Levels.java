package io.jenkins.plugins.dsomm.assess;

import io.jenkins.plugins.dsomm.attest.Targets;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Levels from activity statuses (docs/assessment.md): a sub-dimension is at the highest L such that every counted
 * activity of level ≤ L is satisfied; a dimension at the lowest of its sub-dimensions in scope; overall at the
 * lowest of the dimensions in scope. Each activity brings its own place in the model (dimension, sub-dimension,
 * level), so the same statuses can be levelled on another model's structure (model upgrades).
 */
public final class Levels {
    private Levels() {
    }

    /** Whether an activity of this status counts for a level in the view. */
    public static boolean counts(final ActivityStatus status, final LevelView view) {
        return status.inScope() && (view.countsUnverified() || status != ActivityStatus.UNVERIFIED);
    }

    /** The level of one sub-dimension's activities; null when none counts. */
    public static Integer level(final List<ActivityResult> activities, final LevelView view) {
        int counted = 0;
        int lowestUnsatisfied = 6;
        for (ActivityResult r : activities) {
            if (!counts(r.status(), view)) {
                continue;
            }
            counted++;
            if (!r.status().satisfied()) {
                lowestUnsatisfied = Math.min(lowestUnsatisfied, r.activity().level());
            }
        }
        return counted == 0 ? null : lowestUnsatisfied - 1;
    }

    /** Activities by dimension and sub-dimension, in the order they come. */
    public static Map<String, Map<String, List<ActivityResult>>> tree(final List<ActivityResult> activities) {
        Map<String, Map<String, List<ActivityResult>>> tree = new LinkedHashMap<>();
        for (ActivityResult r : activities) {
            tree.computeIfAbsent(r.activity().dimension(), d -> new LinkedHashMap<>())
                    .computeIfAbsent(r.activity().subDimension(), s -> new ArrayList<>()).add(r);
        }
        return tree;
    }

    /**
     * The levels of every dimension and sub-dimension.
     *
     * @param activities every activity's result, in model order
     * @param view       which activities count
     * @param targets    the levels aimed for
     * @param ceiling    the results if every unverified activity were attested (same activities), or null for no
     *                   ceiling
     */
    public static List<DimensionLevel> of(final List<ActivityResult> activities, final LevelView view,
            final Targets targets, final List<ActivityResult> ceiling) {
        Map<String, Map<String, List<ActivityResult>>> ceilingTree = ceiling == null ? Map.of() : tree(ceiling);
        List<DimensionLevel> dimensions = new ArrayList<>();
        for (Map.Entry<String, Map<String, List<ActivityResult>>> d : tree(activities).entrySet()) {
            List<SubDimensionLevel> subs = new ArrayList<>();
            for (Map.Entry<String, List<ActivityResult>> s : d.getValue().entrySet()) {
                List<ActivityResult> list = s.getValue();
                int counted = (int) list.stream().filter(r -> counts(r.status(), view)).count();
                int satisfied = (int) list.stream().filter(r -> counts(r.status(), view) && r.status().satisfied())
                        .count();
                boolean inScope = list.stream().anyMatch(r -> r.status().inScope());
                List<ActivityResult> c = ceilingTree.getOrDefault(d.getKey(), Map.of()).get(s.getKey());
                Integer ceilingLevel = c == null || !inScope ? null : level(c, LevelView.DSOMM);
                subs.add(new SubDimensionLevel(d.getKey(), s.getKey(), level(list, view), list.size(), counted,
                        satisfied, inScope, inScope ? targets.of(d.getKey(), s.getKey()) : null, ceilingLevel));
            }
            Integer level = null;
            Integer target = null;
            Integer ceilingLevel = null;
            boolean inScope = false;
            for (SubDimensionLevel s : subs) {
                if (!s.inScope()) {
                    continue;
                }
                inScope = true;
                level = min(level, s.level());
                target = min(target, s.target());
                ceilingLevel = min(ceilingLevel, s.evidenceCeiling());
            }
            dimensions.add(new DimensionLevel(d.getKey(), level, inScope, subs, target, ceilingLevel));
        }
        return dimensions;
    }

    /** The lowest level of the dimensions in scope; null when none has one. */
    public static Integer overall(final List<DimensionLevel> dimensions) {
        Integer overall = null;
        for (DimensionLevel d : dimensions) {
            if (d.inScope()) {
                overall = min(overall, d.level());
            }
        }
        return overall;
    }

    /** The lowest evidence ceiling of the dimensions in scope; null when none has one. */
    public static Integer overallCeiling(final List<DimensionLevel> dimensions) {
        Integer ceiling = null;
        for (DimensionLevel d : dimensions) {
            if (d.inScope()) {
                ceiling = min(ceiling, d.evidenceCeiling());
            }
        }
        return ceiling;
    }

    /**
     * The statuses the activities would have in another view: in the evidence-only view an unverified prerequisite
     * does not block, in the DSOMM view it does (the evidence-only results note it as "prerequisite X unverified").
     */
    public static List<ActivityResult> inView(final List<ActivityResult> results, final LevelView from,
            final LevelView to) {
        if (from == to) {
            return results;
        }
        List<ActivityResult> converted = new ArrayList<>();
        if (to == LevelView.DSOMM) {
            for (ActivityResult r : results) {
                boolean unverifiedPrerequisite = r.notes().stream()
                        .anyMatch(n -> n.startsWith("prerequisite ") && n.endsWith(" unverified"));
                converted.add(r.status().satisfied() && r.status() != ActivityStatus.NOT_APPLICABLE
                        && unverifiedPrerequisite ? r.withStatus(ActivityStatus.BLOCKED) : r);
            }
            return converted;
        }
        Map<String, ActivityResult> byUuid = new LinkedHashMap<>();
        results.forEach(r -> byUuid.put(r.uuid(), r));
        Map<String, ActivityStatus> memo = new HashMap<>();
        for (ActivityResult r : results) {
            converted.add(r.withStatus(evidenceOnly(r, byUuid, memo, new HashSet<>())));
        }
        return converted;
    }

    /** A blocked activity whose blockers are all unverified (or so blocked themselves) is what it would be. */
    private static ActivityStatus evidenceOnly(final ActivityResult r, final Map<String, ActivityResult> byUuid,
            final Map<String, ActivityStatus> memo, final Set<String> path) {
        ActivityStatus known = memo.get(r.uuid());
        if (known != null) {
            return known;
        }
        ActivityStatus status = r.status();
        if (status == ActivityStatus.BLOCKED && r.wouldBe() != null && path.add(r.uuid())) {
            boolean onlyUnverified = true;
            for (String dep : r.blockedBy()) {
                ActivityResult p = byUuid.get(dep);
                ActivityStatus ps = p == null ? ActivityStatus.UNVERIFIED : evidenceOnly(p, byUuid, memo, path);
                onlyUnverified &= ps == ActivityStatus.UNVERIFIED || ps.satisfied();
            }
            if (onlyUnverified) {
                status = r.wouldBe();
            }
        }
        memo.put(r.uuid(), status);
        return status;
    }

    /** The lowest of two levels, either of which may be null (no level). */
    static Integer min(final Integer a, final Integer b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : Math.min(a, b);
    }
}
