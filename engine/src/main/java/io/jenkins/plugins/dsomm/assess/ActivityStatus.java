package io.jenkins.plugins.dsomm.assess;

import java.util.Locale;

/** The status of an activity in an assessment. */
public enum ActivityStatus {
    /** A rule's conditions hold. */
    MET(true, true),
    /** A person attests it (valid attestation). */
    ATTESTED(true, true),
    /** Accepted until its waiver expires. */
    WAIVED(true, true),
    /** Declared not applicable, with a reason. */
    NOT_APPLICABLE(true, true),
    /** The evidence is there but shows it is not practised well enough (for example open HIGH findings). */
    FAILED(false, true),
    /** The evidence it needs is not there. */
    MISSING(false, true),
    /** An activity it depends on is assessed and not satisfied. */
    BLOCKED(false, true),
    /** No rule, attestation or declaration speaks of it: shown and counted in coverage, not part of a level. */
    NOT_ASSESSED(false, false);

    private final boolean satisfied;
    private final boolean assessed;

    ActivityStatus(final boolean satisfied, final boolean assessed) {
        this.satisfied = satisfied;
        this.assessed = assessed;
    }

    /** Whether it counts as done for the levels. */
    public boolean satisfied() {
        return satisfied;
    }

    /** Whether something assessed it (a rule, an attestation, a declaration or a waiver). */
    public boolean assessed() {
        return assessed;
    }

    /** "not applicable", for sentences. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** "not-applicable", as written in JSON. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static ActivityStatus ofKey(final String key) {
        return valueOf(key.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
