package io.jenkins.plugins.dsomm.assess;

import io.jenkins.plugins.dsomm.attest.Validity;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * An entry of the attestation file and whether it counted.
 *
 * @param type     {@code attestation}, {@code not-applicable} or {@code waiver}
 * @param subject  the activity name, or the waived findings
 * @param activity uuid of the activity, null for finding waivers
 * @param by       who
 * @param date     when, may be null
 * @param expires  last day it counts, may be null (no end)
 * @param detail   evidence link, reason or note
 * @param validity valid, expired or not yet valid on the assessment day
 * @param matched  findings a finding waiver covered (0 for other entries)
 */
public record DeclarationState(String type, String subject, String activity, String by, LocalDate date,
        LocalDate expires, String detail, Validity validity, int matched) implements Serializable {
}
