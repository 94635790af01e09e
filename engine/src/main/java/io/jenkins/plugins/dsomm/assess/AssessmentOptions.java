package io.jenkins.plugins.dsomm.assess;

import java.io.Serializable;
import java.util.List;

/**
 * How an assessment is made.
 *
 * @param strict             activities nobody assesses count as not met, and unverified prerequisites block
 * @param maxEvidenceAgeDays evidence older than this many days does not count; evidence of the reference this
 *                           young is carried over; null: all evidence of the run counts and nothing is carried
 * @param scope              dimensions that count for the overall level; empty: all
 */
public record AssessmentOptions(boolean strict, Integer maxEvidenceAgeDays, List<String> scope)
        implements Serializable {
    public AssessmentOptions {
        scope = List.copyOf(scope);
        if (maxEvidenceAgeDays != null && maxEvidenceAgeDays < 0) {
            throw new IllegalArgumentException("maximum evidence age must be 0 days or more: " + maxEvidenceAgeDays);
        }
    }

    public static AssessmentOptions defaults() {
        return new AssessmentOptions(false, null, List.of());
    }

    public boolean inScope(final String dimension) {
        return scope.isEmpty() || scope.contains(dimension);
    }
}
