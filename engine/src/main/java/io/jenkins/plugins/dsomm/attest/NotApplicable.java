package io.jenkins.plugins.dsomm.attest;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * An activity declared not applicable, with the reason. Counts from {@link #date()} until {@link #expires()}
 * (inclusive) when an expiry is given, else without end.
 *
 * @param activity uuid of the activity
 * @param reason   why it does not apply
 * @param by       who declares it
 * @param date     when
 * @param expires  last day it counts, or null for no end
 */
public record NotApplicable(String activity, String reason, String by, LocalDate date, LocalDate expires)
        implements Serializable {
    public Validity validity(final LocalDate today) {
        return Validity.of(date, expires, today);
    }
}
