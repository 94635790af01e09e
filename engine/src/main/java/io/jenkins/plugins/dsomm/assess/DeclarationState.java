package io.jenkins.plugins.dsomm.assess;

import io.jenkins.plugins.dsomm.attest.Validity;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * An entry of the attestation file and whether it counted; or a VEX statement of the build that suppressed findings
 * of its reports.
 *
 * @param type     {@code attestation}, {@code not-applicable}, {@code waiver} or {@code vex}
 * @param subject  the activity name, or the waived findings
 * @param activity uuid of the activity, null for finding waivers
 * @param by       who
 * @param date     when, may be null
 * @param expires  last day it counts, may be null (no end)
 * @param detail   evidence link, reason or note
 * @param validity valid, expired or not yet valid on the assessment day
 * @param matched  findings a finding waiver or VEX statement covered (0 for other entries)
 */
public record DeclarationState(String type, String subject, String activity, String by, LocalDate date,
        LocalDate expires, String detail, Validity validity, int matched) implements Serializable {
    /**
     * A VEX statement that suppressed findings of a report of the build.
     *
     * @param vulnerability the vulnerability it is about
     * @param report        the report whose findings it suppressed
     * @param author        who states it, may be empty
     * @param date          when it was stated, may be null
     * @param status        not_affected or fixed
     * @param reason        its justification and impact statement, may be empty
     * @param matched       the findings it suppressed
     */
    public static DeclarationState vex(final String vulnerability, final String report, final String author,
            final LocalDate date, final String status, final String reason, final int matched) {
        return new DeclarationState("vex", vulnerability + " in " + report, null, author, date, null,
                reason == null || reason.isBlank() ? status : status + ": " + reason, Validity.VALID, matched);
    }
}
