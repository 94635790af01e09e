package io.jenkins.plugins.dsomm.ingest;

import io.jenkins.plugins.dsomm.evidence.Evidence;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** What reading a set of files gave, file by file, in the order read. */
public record IngestResult(List<IngestedFile> files) implements Serializable {
    public IngestResult {
        files = List.copyOf(files);
    }

    /** Several results as one (for example from several patterns or parallel branches). */
    public static IngestResult merge(final Collection<IngestResult> results) {
        List<IngestedFile> all = new ArrayList<>();
        results.forEach(r -> all.addAll(r.files()));
        return new IngestResult(all);
    }

    /**
     * The evidence of every file read, the statements of its VEX documents applied: findings of other reports that
     * a not_affected or fixed statement names are suppressed ({@link VexSuppressions}).
     */
    public List<Evidence> evidence() {
        return VexSuppressions.apply(files).evidence();
    }

    /** What the VEX documents among the files suppressed in the other reports, statement by statement. */
    public List<VexSuppressions.Suppression> vexSuppressions() {
        return VexSuppressions.apply(files).suppressions();
    }

    public List<IngestedFile> errors() {
        return files.stream().filter(f -> f.status() == IngestedFile.Status.ERROR).toList();
    }

    /** Files no format claims: found in a folder or by a pattern, and ignored, each with why. */
    public List<IngestedFile> unrecognised() {
        return files.stream().filter(f -> f.status() == IngestedFile.Status.UNRECOGNISED).toList();
    }
}
