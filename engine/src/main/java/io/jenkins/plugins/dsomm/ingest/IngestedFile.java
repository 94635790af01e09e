package io.jenkins.plugins.dsomm.ingest;

import io.jenkins.plugins.dsomm.evidence.Evidence;

import java.io.Serializable;
import java.util.List;

/**
 * What reading one file gave.
 *
 * @param file     the file as named in evidence and messages
 * @param status   read, error or unrecognised
 * @param format   the format id it was read as (null when unrecognised)
 * @param evidence the evidence, one per tool the report holds (usually one); empty when not read
 * @param error    the message naming the file and what is wrong, when not read; for unrecognised files, why
 * @param origin     whether the file was given by name or found in a folder or by a pattern
 * @param statements the statements of a VEX document, applied to the other reports' findings (else empty)
 */
public record IngestedFile(String file, Status status, String format, List<Evidence> evidence, String error,
        Origin origin, List<VexStatement> statements) implements Serializable {
    public IngestedFile {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        origin = origin == null ? Origin.FOUND : origin;
        statements = statements == null ? List.of() : List.copyOf(statements);
    }

    /** An outcome of a file that is no VEX document. */
    public IngestedFile(final String file, final Status status, final String format, final List<Evidence> evidence,
            final String error, final Origin origin) {
        this(file, status, format, evidence, error, origin, List.of());
    }

    /** An outcome of a file found in a folder or by a pattern. */
    public IngestedFile(final String file, final Status status, final String format, final List<Evidence> evidence,
            final String error) {
        this(file, status, format, evidence, error, Origin.FOUND);
    }

    /** Outcome of reading a file. */
    public enum Status {
        /** Recognised and read. */
        READ,
        /** Recognised (or given a format) but could not be read; or given by name and not recognised. */
        ERROR,
        /** Found in a folder or by a pattern, and not a report format DSOMM Gate reads: ignored, with why. */
        UNRECOGNISED
    }

    /** How the file came to be read. */
    public enum Origin {
        /**
         * Given by name (a file on the command line, a pattern without wildcards): it must be a report DSOMM Gate
         * reads, so not recognising it is an error.
         */
        NAMED,
        /** Found in a folder or by a pattern with wildcards: a file in no format DSOMM Gate reads is ignored. */
        FOUND
    }

    static IngestedFile read(final String file, final String format, final List<Evidence> evidence,
            final Origin origin) {
        return new IngestedFile(file, Status.READ, format, evidence, null, origin);
    }

    static IngestedFile read(final String file, final String format, final VexReader.Document vex,
            final Origin origin) {
        return new IngestedFile(file, Status.READ, format, List.of(vex.evidence()), null, origin, vex.statements());
    }

    static IngestedFile read(final String file, final String format, final List<Evidence> evidence) {
        return read(file, format, evidence, Origin.FOUND);
    }

    static IngestedFile error(final String file, final String format, final String error, final Origin origin) {
        return new IngestedFile(file, Status.ERROR, format, null, error, origin);
    }

    static IngestedFile error(final String file, final String format, final String error) {
        return error(file, format, error, Origin.FOUND);
    }

    /**
     * A file no format claims: ignored when found in a folder or by a pattern, an error naming the file when given
     * by name.
     */
    static IngestedFile unrecognised(final String file, final String why, final Origin origin) {
        if (origin == Origin.NAMED) {
            return error(file, null, file + ": not a report format DSOMM Gate reads (" + why + "); it was given by "
                    + "name, so it must be one: name its format, or leave the file out", origin);
        }
        return new IngestedFile(file, Status.UNRECOGNISED, null, null, why, origin);
    }
}
