package io.jenkins.plugins.dsomm.evidence;

import java.util.Locale;

/** Normalised severity of a finding, from the worst to the least. */
public enum Severity {
    CRITICAL,
    HIGH,
    MEDIUM,
    LOW,
    INFO,
    UNKNOWN;

    private static final Severity[] VALUES = values();

    /** Lower-case name, as used in JSON and YAML. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A word a tool uses for severity, normalised. Unknown words and {@code null} give {@link #UNKNOWN}. */
    public static Severity fromWord(final String word) {
        if (word == null) {
            return UNKNOWN;
        }
        return switch (word.trim().toLowerCase(Locale.ROOT)) {
            case "critical" -> CRITICAL;
            case "high", "error" -> HIGH;
            case "medium", "moderate", "warning" -> MEDIUM;
            case "low", "note" -> LOW;
            case "info", "informational", "information", "negligible", "none" -> INFO;
            default -> UNKNOWN;
        };
    }

    /**
     * A CVSS-style score normalised: at least 9.0 is CRITICAL, 7.0 HIGH, 4.0 MEDIUM, above 0 LOW, 0 INFO.
     * A negative or non-finite score is UNKNOWN.
     */
    public static Severity fromScore(final double score) {
        if (Double.isNaN(score) || Double.isInfinite(score) || score < 0) {
            return UNKNOWN;
        }
        if (score >= 9.0) {
            return CRITICAL;
        }
        if (score >= 7.0) {
            return HIGH;
        }
        if (score >= 4.0) {
            return MEDIUM;
        }
        return score > 0 ? LOW : INFO;
    }

    /** Parses {@link #key()} or the enum name, case-insensitively; {@code null} when it is neither. */
    public static Severity parseKey(final String key) {
        if (key == null) {
            return null;
        }
        for (Severity s : VALUES) {
            if (s.name().equalsIgnoreCase(key.trim())) {
                return s;
            }
        }
        return null;
    }

    /** {@code true} when this severity is at least as bad as {@code other}. */
    public boolean isAtLeast(final Severity other) {
        return ordinal() <= other.ordinal();
    }
}
