package io.jenkins.plugins.dsomm.ingest.parser;

import io.jenkins.plugins.dsomm.evidence.Severity;

import java.util.Locale;

/**
 * The CVSS scores of one finding, kept by version (the first of each version wins), and the severity the
 * vulnerability-scanner formats (Trivy, Grype, npm audit, OSV-Scanner, Snyk) derive from them: the stated word
 * first, else the score v4 &gt; v3 &gt; v2.
 */
final class CvssScores {
    private double v4 = Double.NaN;
    private double v3 = Double.NaN;
    private double v2 = Double.NaN;

    /** Offers a score of a CVSS version ("4.0", "3.1", "2", ...); the first valid one per version is kept. */
    void offer(final String version, final double score) {
        if (Double.isNaN(score) || score < 0 || score > 10 || version == null) {
            return;
        }
        String v = version.trim().toLowerCase(Locale.ROOT);
        if (v.startsWith("cvss:")) {
            v = v.substring(5);
        }
        if (v.startsWith("cvss_v")) {
            v = v.substring(6);
        }
        if (v.startsWith("v")) {
            v = v.substring(1);
        }
        if (v.startsWith("4")) {
            v4 = Double.isNaN(v4) ? score : v4;
        }
        else if (v.startsWith("3")) {
            v3 = Double.isNaN(v3) ? score : v3;
        }
        else if (v.startsWith("2")) {
            v2 = Double.isNaN(v2) ? score : v2;
        }
    }

    /** Offers a vector: its base score is computed when it is CVSS v2 or v3 (see {@link CvssBaseScore}). */
    void offerVector(final String vector) {
        double score = CvssBaseScore.of(vector);
        if (!Double.isNaN(score)) {
            offer(CvssBaseScore.version(vector), score);
        }
    }

    boolean any() {
        return !Double.isNaN(v4) || !Double.isNaN(v3) || !Double.isNaN(v2);
    }

    /** The v4 score, else v3, else v2, else NaN. */
    double best() {
        if (!Double.isNaN(v4)) {
            return v4;
        }
        return Double.isNaN(v3) ? v2 : v3;
    }

    /**
     * The severity of a finding: the word the tool states wins (mapped by {@link Severity#fromWord}); only when
     * there is no word is it derived from the CVSS score (v4, else v3, else v2); with neither, UNKNOWN.
     */
    static Severity severity(final String word, final CvssScores scores) {
        if (word != null && !word.isBlank()) {
            return Severity.fromWord(word);
        }
        return scores == null ? Severity.UNKNOWN : Severity.fromScore(scores.best());
    }
}
