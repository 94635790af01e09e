package io.jenkins.plugins.dsomm.ingest;

import io.jenkins.plugins.dsomm.evidence.EvidenceKind;

import java.io.Serializable;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a report format is, as the registry, the documentation and the cross-cutting tests need it: the id users
 * name it by, a human-readable name, the family of documents it belongs to and the kinds of evidence it can give.
 *
 * @param id          used in options and evidence, for example {@code sarif}: lower case letters, digits and
 *                    {@code -}, at most 40 characters
 * @param displayName for example {@code SARIF 2.1.0}
 * @param family      the syntax of the documents: decides which hostile-input suites and fuzzing variants apply
 * @param kinds       every kind of evidence a report of the format can give (at least one); evidence read from it
 *                    never has another
 */
public record ReportFormat(String id, String displayName, Family family, Set<EvidenceKind> kinds)
        implements Serializable {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    /** The syntax a format's documents are written in. */
    public enum Family {
        /** One JSON document (an object or an array). */
        JSON,
        /**
         * A sequence of JSON values: JSON Lines, or objects one after the other (many such formats also accept one
         * array of them).
         */
        JSON_LINES,
        /** One XML document. */
        XML,
        /** Lines of plain text (SPDX tag-value). */
        TEXT;

        /** {@code true} for the JSON families: the JSON hostile-input suite applies. */
        public boolean isJson() {
            return this == JSON || this == JSON_LINES;
        }
    }

    public ReportFormat {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("format id '" + id + "': lower case letters, digits and '-' only");
        }
        if (displayName == null || displayName.isBlank()) {
            throw new IllegalArgumentException("format " + id + " has no display name");
        }
        if (family == null) {
            throw new IllegalArgumentException("format " + id + " has no document family");
        }
        if (kinds == null || kinds.isEmpty()) {
            throw new IllegalArgumentException("format " + id + " names no evidence kind");
        }
        kinds = Collections.unmodifiableSet(EnumSet.copyOf(kinds));
    }

    /** A format of the given family giving the given kinds. */
    public static ReportFormat of(final String id, final String displayName, final Family family,
            final EvidenceKind... kinds) {
        return new ReportFormat(id, displayName, family, Set.of(kinds));
    }
}
