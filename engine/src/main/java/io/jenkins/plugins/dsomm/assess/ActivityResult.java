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
 * @param blockedBy   uuids of the prerequisites that block it (empty unless {@link ActivityStatus#BLOCKED})
 * @param wouldBe     the status it would have if nothing blocked it; null unless {@link ActivityStatus#BLOCKED}
 */
public record ActivityResult(Activity activity, ActivityStatus status, String reason, List<String> evidence,
        String requirement, String declaration, List<String> notes, List<String> blockedBy, ActivityStatus wouldBe)
        implements Serializable {
    public ActivityResult {
        evidence = List.copyOf(evidence);
        notes = List.copyOf(notes);
        blockedBy = blockedBy == null ? List.of() : List.copyOf(blockedBy);
        reason = reason == null ? "" : reason;
        requirement = requirement == null ? "" : requirement;
        declaration = declaration == null ? "" : declaration;
    }

    /** A result that nothing blocks. */
    public ActivityResult(final Activity activity, final ActivityStatus status, final String reason,
            final List<String> evidence, final String requirement, final String declaration, final List<String> notes) {
        this(activity, status, reason, evidence, requirement, declaration, notes, List.of(), null);
    }

    /** The same result placed in another model's structure (a reference of another DSOMM version). */
    public ActivityResult at(final Activity place) {
        return new ActivityResult(place, status, reason, evidence, requirement, declaration, notes, blockedBy, wouldBe);
    }

    /** The same result with another status (levels of another view, ceilings). */
    public ActivityResult withStatus(final ActivityStatus value) {
        return new ActivityResult(activity, value, reason, evidence, requirement, declaration, notes, blockedBy,
                wouldBe);
    }

    public String uuid() {
        return activity.uuid();
    }

    /** Whether a rule of the rule set in force speaks for it (a pipeline change can satisfy it). */
    public boolean hasRule() {
        return !requirement.isEmpty();
    }
}
