package io.jenkins.plugins.dsomm.assess;

import io.jenkins.plugins.dsomm.attest.Targets;

import java.io.Serializable;
import java.util.List;

/**
 * How an assessment is made.
 *
 * @param view               which activities the levels rest on; {@link LevelView#DSOMM} unless the evidence-only
 *                           view is asked for explicitly
 * @param maxEvidenceAgeDays evidence older than this many days does not count; evidence of the reference this
 *                           young is carried over; null: all evidence of the run counts and nothing is carried
 * @param scope              dimensions in scope; empty: all (the others are out of scope: they count nowhere)
 * @param targets            the levels aimed for (gate options over {@code .dsomm.yml}); added to the file's
 */
public record AssessmentOptions(LevelView view, Integer maxEvidenceAgeDays, List<String> scope, Targets targets)
        implements Serializable {
    public AssessmentOptions {
        view = view == null ? LevelView.DSOMM : view;
        scope = List.copyOf(scope);
        targets = targets == null ? Targets.none() : targets;
        if (maxEvidenceAgeDays != null && maxEvidenceAgeDays < 0) {
            throw new IllegalArgumentException("maximum evidence age must be 0 days or more: " + maxEvidenceAgeDays);
        }
    }

    /**
     * The options of DSOMM Gate before schema 3. {@code strict} is what every assessment does now, so it is
     * ignored: the view is {@link LevelView#DSOMM}. Use {@link LevelView#EVIDENCE_ONLY} for the old default.
     *
     * @deprecated strict mode is the default; use the canonical constructor
     */
    @Deprecated
    public AssessmentOptions(final boolean strict, final Integer maxEvidenceAgeDays, final List<String> scope) {
        this(LevelView.DSOMM, maxEvidenceAgeDays, scope, Targets.none());
    }

    public static AssessmentOptions defaults() {
        return new AssessmentOptions(LevelView.DSOMM, null, List.of(), Targets.none());
    }

    /**
     * Whether activities nobody assesses count as not met: true but in the evidence-only view.
     *
     * @deprecated what strict mode did is the default; ask {@link #view()}
     */
    @Deprecated
    public boolean strict() {
        return view.countsUnverified();
    }

    public boolean evidenceOnly() {
        return view == LevelView.EVIDENCE_ONLY;
    }

    /** Whether the dimension is in the scope option (it may still be out of scope by {@code .dsomm.yml}). */
    public boolean inScope(final String dimension) {
        return scope.isEmpty() || scope.contains(dimension);
    }

    public AssessmentOptions withTargets(final Targets value) {
        return new AssessmentOptions(view, maxEvidenceAgeDays, scope, value);
    }
}
