package io.jenkins.plugins.dsomm.mapping;

/** What a rule says of an activity. */
public enum Verdict {
    /** Every condition holds. */
    MET,
    /** The evidence or context the rule needs is not there. */
    MISSING,
    /** The evidence is there, but it shows the activity is not practised well enough (open findings). */
    FAILED
}
