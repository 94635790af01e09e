package io.jenkins.plugins.dsomm.gate;

import io.jenkins.plugins.dsomm.assess.ActivityStatus;
import io.jenkins.plugins.dsomm.assess.Assessment;

import java.util.ArrayList;
import java.util.List;

/** Shared wording of gate messages. */
final class Sentences {
    static final int MAX_NAMED = 6;

    private Sentences() {
    }

    /** "missing Simple Scan (no DAST evidence)". */
    static String item(final GapItem item) {
        return verb(item.status()) + " " + item.name() + " (" + item.reason() + ")";
    }

    /**
     * The items as parts of a sentence: each failed, missing or blocked one with its reason; the unverified ones
     * (whose reason is always the same) together: "unverified A, B, C".
     */
    static List<String> items(final List<GapItem> items) {
        List<String> parts = new ArrayList<>();
        List<String> unverified = new ArrayList<>();
        for (GapItem i : items) {
            if (i.status() == ActivityStatus.UNVERIFIED) {
                unverified.add(i.name());
            }
            else {
                parts.add(item(i));
            }
        }
        if (!unverified.isEmpty()) {
            parts.add("unverified " + String.join(", ", unverified));
        }
        return parts;
    }

    static String verb(final ActivityStatus status) {
        return switch (status) {
            case MISSING -> "missing";
            case FAILED -> "failed";
            case BLOCKED -> "blocked";
            case UNVERIFIED -> "unverified";
            case OUT_OF_SCOPE -> "out of scope";
            default -> status.label();
        };
    }

    /** Joins at most {@link #MAX_NAMED} parts with "; ", then "and N more". */
    static String list(final List<String> parts) {
        if (parts.size() <= MAX_NAMED) {
            return String.join("; ", parts);
        }
        List<String> shown = new ArrayList<>(parts.subList(0, MAX_NAMED));
        return String.join("; ", shown) + "; and " + (parts.size() - MAX_NAMED) + " more";
    }

    /** " (evidence-only view: …)" for an assessment in that view, else empty: said on every level message. */
    static String view(final Assessment a) {
        return a.options().evidenceOnly() ? " [" + a.view().description() + "]" : "";
    }

    static String level(final Integer level) {
        return level == null ? "none" : Integer.toString(level);
    }
}
