package io.jenkins.plugins.dsomm.attest;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * A dimension, a sub-dimension or one activity a team takes out of scope, with the reason: it counts nowhere (no
 * level, no percentage, no gap) and every output shows it as out of scope. Counts from {@link #date()} until
 * {@link #expires()} (inclusive) when given, else without end.
 *
 * @param dimension    the dimension, or the dimension of the sub-dimension; null for an activity
 * @param subDimension the sub-dimension, or null
 * @param activity     uuid of the activity, or null
 * @param reason       why it is not the team's
 * @param by           who decided, may be empty
 * @param date         when, may be null
 * @param expires      last day it counts, or null for no end
 */
public record OutOfScope(String dimension, String subDimension, String activity, String reason, String by,
        LocalDate date, LocalDate expires) implements Serializable {
    public OutOfScope {
        by = by == null ? "" : by;
    }

    public Validity validity(final LocalDate today) {
        return Validity.of(date, expires, today);
    }

    /** Whether it takes out the activity of that dimension, sub-dimension and uuid. */
    public boolean covers(final String activityDimension, final String activitySubDimension, final String uuid) {
        if (activity != null) {
            return activity.equals(uuid);
        }
        return dimension.equals(activityDimension) && (subDimension == null || subDimension.equals(activitySubDimension));
    }

    /** "dimension Culture and Organization", "sub-dimension Implementation / Application Hardening", "activity". */
    public String kind() {
        return activity != null ? "activity" : subDimension != null ? "sub-dimension" : "dimension";
    }

    /** "out of scope: reason (by alice on 2026-09-01)". */
    public String sentence() {
        return "out of scope: " + reason + (by.isEmpty() && date == null ? "" : " (" + (by.isEmpty() ? "declared"
                : "by " + by) + (date == null ? "" : " on " + date) + ")");
    }
}
