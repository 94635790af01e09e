package io.jenkins.plugins.dsomm.ingest;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The evidence a build recorded so far, from any number of recording steps that may run at the same time
 * (parallel Pipeline branches): every addition is kept, in the order it arrived. Thread-safe.
 */
public final class RecordedEvidence implements Serializable {
    private static final long serialVersionUID = 1L;

    private final List<IngestedFile> files = new ArrayList<>();

    /** Adds everything a recording read. */
    public void add(final IngestResult result) {
        synchronized (files) {
            files.addAll(result.files());
        }
    }

    /** Everything recorded so far, as one result. */
    public IngestResult snapshot() {
        synchronized (files) {
            return new IngestResult(new ArrayList<>(files));
        }
    }

    public int size() {
        synchronized (files) {
            return files.size();
        }
    }
}
