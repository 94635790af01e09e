package io.jenkins.plugins.dsomm.assess;

import java.util.Locale;

/**
 * The status of an activity in an assessment (docs/assessment.md). A level rests only on satisfied activities:
 * met, attested, waived or not applicable. Unverified, missing, failed and blocked activities hold the level below
 * them; activities out of scope count nowhere.
 */
public enum ActivityStatus {
    /** A rule's conditions hold: CI evidence shows it. */
    MET(true, true),
    /** A person attests it (valid attestation). */
    ATTESTED(true, true),
    /** Accepted until its waiver expires. */
    WAIVED(true, true),
    /** Declared not applicable, with a reason: satisfied for the level, left out of percentages. */
    NOT_APPLICABLE(true, true),
    /** The evidence is there but shows it is not practised well enough (for example open HIGH findings). */
    FAILED(false, true),
    /** A rule exists and the evidence it needs is not there. */
    MISSING(false, true),
    /** An activity it depends on is not satisfied (an unverified one included). */
    BLOCKED(false, true),
    /** Nobody has said anything: no rule, attestation or declaration speaks for it. Holds the level below it. */
    UNVERIFIED(false, false),
    /** Taken out of scope (in {@code .dsomm.yml} or by the dimensions in scope): counts nowhere. */
    OUT_OF_SCOPE(false, false);

    /** The key schema 1 and 2 documents wrote for {@link #UNVERIFIED}. */
    public static final String LEGACY_NOT_ASSESSED = "not-assessed";

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

    /** Whether it is part of the levels at all: everything but {@link #OUT_OF_SCOPE}. */
    public boolean inScope() {
        return this != OUT_OF_SCOPE;
    }

    /** Whether CI evidence or a person vouches for it: met, attested or waived (not applicable is left out). */
    public boolean done() {
        return this == MET || this == ATTESTED || this == WAIVED;
    }

    /** "not applicable", for sentences. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** "not-applicable", as written in JSON. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The status of a JSON key; {@code not-assessed} (schema 1 and 2) reads as {@link #UNVERIFIED}. */
    public static ActivityStatus ofKey(final String key) {
        if (LEGACY_NOT_ASSESSED.equals(key)) {
            return UNVERIFIED;
        }
        return valueOf(key.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
