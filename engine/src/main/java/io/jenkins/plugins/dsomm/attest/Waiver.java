package io.jenkins.plugins.dsomm.attest;

import io.jenkins.plugins.dsomm.evidence.Finding;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * A temporary acceptance, always with an expiry: of an activity (it counts as met while the waiver holds) or of
 * findings (they do not count as open). A finding waiver names a rule or vulnerability id, optionally narrowed to
 * a location or package, or a finding identity ({@code id:} and 16 hex digits).
 *
 * @param activity        uuid of the waived activity, or null for a finding waiver
 * @param findingRule     rule or vulnerability id of the waived findings, or null
 * @param findingLocation location or package the finding waiver is narrowed to, or null for everywhere
 * @param findingId       identity of one waived finding, or null
 * @param reason          why
 * @param by              who
 * @param date            when given, may be null
 * @param expires         last day it counts
 */
public record Waiver(String activity, String findingRule, String findingLocation, Long findingId, String reason,
        String by, LocalDate date, LocalDate expires) implements Serializable {
    public boolean isActivityWaiver() {
        return activity != null;
    }

    public Validity validity(final LocalDate today) {
        return Validity.of(date, expires, today);
    }

    /** Whether this (finding) waiver covers the finding. */
    public boolean covers(final Finding finding) {
        if (findingId != null) {
            return finding.id() == findingId;
        }
        if (findingRule == null || !findingRule.equalsIgnoreCase(finding.rule())) {
            return false;
        }
        return findingLocation == null || findingLocation.equalsIgnoreCase(finding.location())
                || finding.location().toLowerCase(java.util.Locale.ROOT).endsWith("/" + findingLocation.toLowerCase(java.util.Locale.ROOT));
    }

    /** What is waived, for messages: the activity name is filled in by the caller. */
    public String subject() {
        if (findingId != null) {
            return "finding id:" + io.jenkins.plugins.dsomm.evidence.FindingIdentity.toHex(findingId);
        }
        if (findingRule != null) {
            return "findings " + findingRule + (findingLocation == null ? "" : " in " + findingLocation);
        }
        return "activity " + activity;
    }
}
