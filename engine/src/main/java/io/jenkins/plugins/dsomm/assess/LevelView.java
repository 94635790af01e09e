package io.jenkins.plugins.dsomm.assess;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Which activities a level rests on. {@link #DSOMM} is the default and the only view whose levels mean what DSOMM
 * means; {@link #EVIDENCE_ONLY} is the behaviour of DSOMM Gate before schema 3, kept as an explicitly named option
 * and labelled as such on every output that shows it.
 */
public enum LevelView {
    /** Every activity in scope counts; an unverified one holds the level below it and blocks what depends on it. */
    DSOMM("levels as DSOMM defines them: every activity in scope counts"),
    /**
     * Unverified activities are ignored and do not block: the level says "no gap found among the activities a rule,
     * attestation or declaration speaks for", not a DSOMM level.
     */
    EVIDENCE_ONLY("evidence-only view: unverified activities are ignored, so these are not DSOMM levels");

    private final String description;

    LevelView(final String description) {
        this.description = description;
    }

    /** One sentence saying what the levels of this view mean. */
    public String description() {
        return description;
    }

    /** {@code dsomm} or {@code evidence-only}, as in options and JSON. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Whether an unverified activity counts (as not satisfied) for the levels. */
    public boolean countsUnverified() {
        return this == DSOMM;
    }

    /** The view of a key ({@code dsomm}, {@code evidence-only}); refuses anything else, naming the keys. */
    public static LevelView ofKey(final String key) {
        for (LevelView v : values()) {
            if (v.key().equalsIgnoreCase(key.trim())) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown level view '" + key + "' (" + Arrays.stream(values())
                .map(LevelView::key).collect(Collectors.joining(" or ")) + ")");
    }
}
