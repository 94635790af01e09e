package io.jenkins.plugins.dsomm.assess;

import io.jenkins.plugins.dsomm.catalog.Activity;

import java.io.Serializable;
import java.util.List;

/**
 * The assessment of one activity.
 *
 * @param activity    the activity
 * @param status      its status
 * @param reason      one sentence: what shows it, or what is missing or wrong
 * @param evidence    labels of the evidence behind the status ("tool version (file)")
 * @param requirement what would satisfy it (the rule's description), empty when no rule assesses it
 * @param declaration the attestation, declaration or waiver behind the status, empty when none
 * @param notes       further remarks (unverified prerequisites, expired attestations, ...)
 */
public record ActivityResult(Activity activity, ActivityStatus status, String reason, List<String> evidence,
        String requirement, String declaration, List<String> notes) implements Serializable {
    public ActivityResult {
        evidence = List.copyOf(evidence);
        notes = List.copyOf(notes);
        reason = reason == null ? "" : reason;
        requirement = requirement == null ? "" : requirement;
        declaration = declaration == null ? "" : declaration;
    }

    public String uuid() {
        return activity.uuid();
    }
}
