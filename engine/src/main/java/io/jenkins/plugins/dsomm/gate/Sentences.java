package io.jenkins.plugins.dsomm.gate;

import io.jenkins.plugins.dsomm.assess.ActivityStatus;

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

    static String verb(final ActivityStatus status) {
        return switch (status) {
            case MISSING -> "missing";
            case FAILED -> "failed";
            case BLOCKED -> "blocked";
            case NOT_ASSESSED -> "not assessed";
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

    static String level(final Integer level) {
        return level == null ? "none" : Integer.toString(level);
    }
}
