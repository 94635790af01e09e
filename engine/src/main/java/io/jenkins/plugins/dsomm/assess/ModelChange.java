package io.jenkins.plugins.dsomm.assess;

import io.jenkins.plugins.dsomm.catalog.Activity;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the DSOMM model changed between two assessments, activity by activity (compared by uuid: DSOMM keeps an
 * activity's uuid when it moves or is renamed).
 *
 * @param from    the model version of the earlier assessment
 * @param to      the model version of the later one
 * @param added   names of activities only the later model has
 * @param removed names of activities only the earlier model has
 * @param moved   "name: old place → new place" of activities in another sub-dimension now
 * @param renamed "old name → new name"
 * @param leveled "name: level a → b" of activities at another level now
 */
public record ModelChange(String from, String to, List<String> added, List<String> removed, List<String> moved,
        List<String> renamed, List<String> leveled) implements Serializable {
    private static final int NAMED = 5;

    public ModelChange {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        moved = List.copyOf(moved);
        renamed = List.copyOf(renamed);
        leveled = List.copyOf(leveled);
    }

    public static ModelChange between(final Assessment earlier, final Assessment later) {
        Map<String, Activity> before = new LinkedHashMap<>();
        earlier.activities().forEach(r -> before.put(r.uuid(), r.activity()));
        Map<String, Activity> after = new LinkedHashMap<>();
        later.activities().forEach(r -> after.put(r.uuid(), r.activity()));
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> moved = new ArrayList<>();
        List<String> renamed = new ArrayList<>();
        List<String> leveled = new ArrayList<>();
        for (Activity a : after.values()) {
            Activity b = before.get(a.uuid());
            if (b == null) {
                added.add(a.name());
                continue;
            }
            if (!b.dimension().equals(a.dimension()) || !b.subDimension().equals(a.subDimension())) {
                moved.add(a.name() + ": " + b.dimension() + " / " + b.subDimension() + " → " + a.dimension() + " / "
                        + a.subDimension());
            }
            if (!b.name().equals(a.name())) {
                renamed.add(b.name() + " → " + a.name());
            }
            if (b.level() != a.level()) {
                leveled.add(a.name() + ": level " + b.level() + " → " + a.level());
            }
        }
        for (Activity b : before.values()) {
            if (!after.containsKey(b.uuid())) {
                removed.add(b.name());
            }
        }
        return new ModelChange(earlier.catalogVersion(), later.catalogVersion(), added, removed, moved, renamed,
                leveled);
    }

    /** Whether both assessments have the same activities in the same places. */
    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && moved.isEmpty() && renamed.isEmpty() && leveled.isEmpty();
    }

    /**
     * "DSOMM 4.3.1 → 5.0.2: 55 activities added (A, B, …), 1 moved (MFA for admins: … → …)"; empty when nothing
     * changed.
     */
    public String sentence() {
        if (isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        part(parts, added, "added");
        part(parts, removed, "removed");
        part(parts, moved, "moved");
        part(parts, renamed, "renamed");
        part(parts, leveled, "at another level");
        return "DSOMM " + from + " → " + to + ": " + String.join("; ", parts);
    }

    private static void part(final List<String> parts, final List<String> names, final String what) {
        if (names.isEmpty()) {
            return;
        }
        List<String> shown = names.subList(0, Math.min(NAMED, names.size()));
        parts.add(names.size() + (names.size() == 1 ? " activity " : " activities ") + what + " (" + String.join(", ",
                shown) + (names.size() > NAMED ? ", and " + (names.size() - NAMED) + " more" : "") + ")");
    }
}
