package io.jenkins.plugins.dsomm.json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.stream.Stream;

/**
 * A folder of earlier assessment documents (the CLI's trend and KPI history). Unreadable files are reported,
 * not fatal. At most {@link #MAX_DOCUMENTS} of the newest are kept, also while reading. The documents are read {@linkplain
 * AssessmentJson#readForHistory(Path) without their evidence's findings} (the snapshots identify them): a history
 * of 1,000 builds of 10,000 findings holds about 10 bytes a finding plus the builds' activity results, not the
 * findings' names (docs/performance.md).
 */
public final class History {
    /** Newest documents read from a history folder. */
    public static final int MAX_DOCUMENTS = 1000;

    private final List<AssessmentDocument> documents;
    private final List<String> problems;

    private History(final List<AssessmentDocument> documents, final List<String> problems) {
        this.documents = List.copyOf(documents);
        this.problems = List.copyOf(problems);
    }

    /** Reads every {@code *.json} of the folder (not recursively); a missing folder is an empty history. */
    public static History read(final Path folder) {
        return read(folder, MAX_DOCUMENTS);
    }

    /** {@link #read(Path)}, keeping the {@code maxDocuments} newest. */
    public static History read(final Path folder, final int maxDocuments) {
        List<AssessmentDocument> docs = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (folder == null || !Files.isDirectory(folder)) {
            return new History(docs, problems);
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> String.valueOf(p.getFileName()).endsWith(".json") && Files.isRegularFile(p))
                    .sorted().toList();
        }
        catch (IOException e) {
            problems.add(folder + ": cannot be listed: " + e.getMessage());
            return new History(docs, problems);
        }
        // the newest maxDocuments only, held while reading: the oldest kept is dropped when a newer one comes
        Comparator<AssessmentDocument> byTime = Comparator.comparing(d -> d.assessment().createdAt());
        PriorityQueue<AssessmentDocument> newest = new PriorityQueue<>(byTime);
        for (Path f : files) {
            try {
                newest.add(AssessmentJson.readForHistory(f));
                if (newest.size() > maxDocuments) {
                    newest.poll();
                }
            }
            catch (AssessmentFormatException e) {
                problems.add(e.getMessage());
            }
        }
        docs.addAll(newest);
        docs.sort(byTime);
        return new History(docs, problems);
    }

    /** The documents, oldest first. */
    public List<AssessmentDocument> documents() {
        return documents;
    }

    /** Files that could not be read. */
    public List<String> problems() {
        return problems;
    }
}
