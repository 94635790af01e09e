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
 */
public record FileOutcome(String file, Status status, String format, List<Evidence> evidence, String error)
        implements Serializable {
    public FileOutcome {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** Outcome of reading a file. */
    public enum Status {
        /** Recognised and read. */
        READ,
        /** Recognised (or given a format) but could not be read. */
        ERROR,
        /** Not a report format DSOMM Gate reads. */
        UNRECOGNISED
    }

    static FileOutcome read(final String file, final String format, final List<Evidence> evidence) {
        return new FileOutcome(file, Status.READ, format, evidence, null);
    }

    static FileOutcome error(final String file, final String format, final String error) {
        return new FileOutcome(file, Status.ERROR, format, null, error);
    }

    static FileOutcome unrecognised(final String file, final String why) {
        return new FileOutcome(file, Status.UNRECOGNISED, null, null, why);
    }
}
