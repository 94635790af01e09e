package io.jenkins.plugins.dsomm.attest;

import java.time.LocalDate;

/** Whether a dated declaration counts on a given day. */
public enum Validity {
    /** It counts. */
    VALID,
    /** Its expiry has passed: it no longer counts and is reported as expired. */
    EXPIRED,
    /** It is dated after the assessment day: it does not count yet. */
    NOT_YET;

    static Validity of(final LocalDate date, final LocalDate expires, final LocalDate today) {
        if (date != null && date.isAfter(today)) {
            return NOT_YET;
        }
        if (expires != null && expires.isBefore(today)) {
            return EXPIRED;
        }
        return VALID;
    }
}
