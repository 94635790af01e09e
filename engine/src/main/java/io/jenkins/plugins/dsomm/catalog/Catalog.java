package io.jenkins.plugins.dsomm.catalog;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The DSOMM activities an assessment is made against, in model order. Validated on creation: uuids are unique,
 * every dependsOn points to an activity of the catalog, and dependsOn has no cycle.
 */
public final class Catalog implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String version;
    private final String released;
    private final String source;
    private final List<Activity> activities;
    private final Map<String, Activity> byUuid;
    private final Map<String, Map<String, List<Activity>>> structure;

    /**
     * @param version    DSOMM model version, for example {@code 4.3.1}
     * @param released   release date as the model states it, may be empty
     * @param source     where the catalog came from, used in messages
     * @param activities activities in model order
     */
    public Catalog(final String version, final String released, final String source,
            final List<Activity> activities) {
        this.version = version == null ? "" : version;
        this.released = released == null ? "" : released;
        this.source = source;
        this.activities = List.copyOf(activities);
        Map<String, Activity> index = new HashMap<>();
        Map<String, Map<String, List<Activity>>> tree = new LinkedHashMap<>();
        for (Activity a : this.activities) {
            Activity before = index.put(a.uuid(), a);
            if (before != null) {
                throw new CatalogException(source + ": duplicate uuid " + a.uuid() + " for activities '"
                        + before.name() + "' and '" + a.name() + "'");
            }
            tree.computeIfAbsent(a.dimension(), d -> new LinkedHashMap<>())
                    .computeIfAbsent(a.subDimension(), s -> new ArrayList<>()).add(a);
        }
        if (this.activities.isEmpty()) {
            throw new CatalogException(source + ": not a DSOMM model: no activities found");
        }
        for (Activity a : this.activities) {
            for (String dep : a.dependsOn()) {
                if (!index.containsKey(dep)) {
                    throw new CatalogException(source + ": activity '" + a.name() + "' (" + a.uuid()
                            + ") depends on '" + dep + "', which is not an activity of this model");
                }
            }
        }
        this.byUuid = Collections.unmodifiableMap(index);
        Map<String, Map<String, List<Activity>>> frozen = new LinkedHashMap<>();
        tree.forEach((d, subs) -> {
            Map<String, List<Activity>> s = new LinkedHashMap<>();
            subs.forEach((k, v) -> s.put(k, List.copyOf(v)));
            frozen.put(d, Collections.unmodifiableMap(s));
        });
        this.structure = Collections.unmodifiableMap(frozen);
        checkNoCycle();
    }

    private void checkNoCycle() {
        Map<String, Integer> state = new HashMap<>(); // 1 = on the stack, 2 = done
        for (Activity a : activities) {
            visit(a, state, new ArrayList<>());
        }
    }

    private void visit(final Activity a, final Map<String, Integer> state, final List<String> path) {
        Integer s = state.get(a.uuid());
        if (s != null && s == 2) {
            return;
        }
        path.add(a.name());
        if (s != null) {
            throw new CatalogException(source + ": dependsOn cycle: " + String.join(" -> ", path));
        }
        state.put(a.uuid(), 1);
        for (String dep : a.dependsOn()) {
            visit(byUuid.get(dep), state, path);
        }
        state.put(a.uuid(), 2);
        path.remove(path.size() - 1);
    }

    public String version() {
        return version;
    }

    public String released() {
        return released;
    }

    /** Where the catalog came from: {@code bundled DSOMM 4.3.1} or a file path. */
    public String source() {
        return source;
    }

    /** All activities in model order. */
    public List<Activity> activities() {
        return activities;
    }

    public Optional<Activity> activity(final String uuid) {
        return Optional.ofNullable(byUuid.get(uuid));
    }

    /** An activity named by uuid or, ignoring case, by its exact name (as users name them in their files). */
    public Optional<Activity> find(final String ref) {
        return activity(ref).or(() -> activities.stream().filter(a -> a.name().equalsIgnoreCase(ref)).findFirst());
    }

    public boolean contains(final String uuid) {
        return byUuid.containsKey(uuid);
    }

    /** Dimension names in model order. */
    public Set<String> dimensions() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(structure.keySet()));
    }

    /** Sub-dimensions of a dimension and their activities, in model order; empty for an unknown dimension. */
    public Map<String, List<Activity>> subDimensions(final String dimension) {
        return structure.getOrDefault(dimension, Map.of());
    }

    /** Number of activities per level 1 to 5 (index 0 unused). */
    public int[] countByLevel(final String dimension) {
        int[] counts = new int[6];
        for (Activity a : activities) {
            if (dimension == null || a.dimension().equals(dimension)) {
                counts[a.level()]++;
            }
        }
        return counts;
    }

    @Override
    public String toString() {
        return "DSOMM " + version + " (" + activities.size() + " activities, " + source + ")";
    }
}
