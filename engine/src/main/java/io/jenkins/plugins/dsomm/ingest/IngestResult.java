package io.jenkins.plugins.dsomm.ingest;

import io.jenkins.plugins.dsomm.evidence.Evidence;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** What reading a set of files gave, file by file, in the order read. */
public record IngestResult(List<FileOutcome> files) implements Serializable {
    public IngestResult {
        files = List.copyOf(files);
    }

    /** Several results as one (for example from several patterns or parallel branches). */
    public static IngestResult merge(final Collection<IngestResult> results) {
        List<FileOutcome> all = new ArrayList<>();
        results.forEach(r -> all.addAll(r.files()));
        return new IngestResult(all);
    }

    public List<Evidence> evidence() {
        return files.stream().filter(f -> f.status() == FileOutcome.Status.READ).flatMap(f -> f.evidence().stream()).toList();
    }

    public List<FileOutcome> errors() {
        return files.stream().filter(f -> f.status() == FileOutcome.Status.ERROR).toList();
    }

    /** Files no format claims: found in a folder or by a pattern, and ignored, each with why. */
    public List<FileOutcome> unrecognised() {
        return files.stream().filter(f -> f.status() == FileOutcome.Status.UNRECOGNISED).toList();
    }
}
