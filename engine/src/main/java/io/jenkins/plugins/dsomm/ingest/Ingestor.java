package io.jenkins.plugins.dsomm.ingest;

import io.jenkins.plugins.dsomm.evidence.Evidence;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads report files into evidence: recognises each by content (or reads it in an explicit format), parses it,
 * and keeps going when one file is bad. Never throws for a bad file: every file gets a {@link IngestedFile}.
 */
public final class Ingestor {
    private final ParserRegistry registry;

    public Ingestor(final ParserRegistry registry) {
        this.registry = registry;
    }

    public Ingestor() {
        this(ParserRegistry.defaults());
    }

    /**
     * Reads files and folders (recursively, in name order, symbolic links inside folders not followed,
     * {@code .git} skipped). A file named in {@code inputs} must be a report DSOMM Gate reads: when no format
     * claims it, that is an error; a file found in a folder is then ignored, with why ({@link IngestResult#ignored}).
     *
     * @param inputs   files or folders
     * @param format   explicit format id for every file, or null to detect
     * @param progress told about every file as it is done, may be null
     */
    public IngestResult read(final List<Path> inputs, final String format, final Consumer<IngestedFile> progress) {
        if (format != null && registry.find(format).isEmpty()) {
            throw new IllegalArgumentException("unknown format '" + format + "'; known: " + formatIds());
        }
        List<IngestedFile> outcomes = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                for (Path file : listFiles(input, outcomes)) {
                    String rel = input.relativize(file).toString().replace('\\', '/');
                    add(outcomes, readFile(ReportSource.of(file, rel), format, IngestedFile.Origin.FOUND), progress);
                }
            }
            else if (Files.isRegularFile(input)) {
                add(outcomes, readFile(ReportSource.of(input, input.toString()), format, IngestedFile.Origin.NAMED),
                        progress);
            }
            else {
                add(outcomes, IngestedFile.error(input.toString(), null, input + ": no such file or folder",
                        IngestedFile.Origin.NAMED), progress);
            }
        }
        return new IngestResult(outcomes);
    }

    private static void add(final List<IngestedFile> outcomes, final IngestedFile outcome,
            final Consumer<IngestedFile> progress) {
        outcomes.add(outcome);
        if (progress != null) {
            progress.accept(outcome);
        }
    }

    /** The ids of all formats, comma separated. */
    public String formatIds() {
        return String.join(", ", registry.all().stream().map(ReportParser::id).toList());
    }

    private static List<Path> listFiles(final Path dir, final List<IngestedFile> outcomes) {
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(final Path d, final BasicFileAttributes attrs) {
                    Path name = d.getFileName();
                    return name != null && name.toString().equals(".git") && !d.equals(dir)
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(final Path f, final BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && !Files.isSymbolicLink(f)) {
                        files.add(f);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(final Path f, final IOException e) {
                    outcomes.add(IngestedFile.error(f.toString(), null, f + ": cannot be read: " + e.getMessage()));
                    return FileVisitResult.CONTINUE;
                }
            });
        }
        catch (IOException e) {
            outcomes.add(IngestedFile.error(dir.toString(), null, dir + ": cannot be listed: " + e.getMessage()));
        }
        files.sort(null);
        return files;
    }

    /** Reads one report found in a folder or by a pattern; never throws for bad content. */
    public IngestedFile readFile(final ReportSource source, final String format) {
        return readFile(source, format, IngestedFile.Origin.FOUND);
    }

    /**
     * Reads one report; never throws for bad content. A file that no format claims is an error when it was given
     * by name, and ignored (unrecognised, with why) when it was found.
     */
    public IngestedFile readFile(final ReportSource source, final String format, final IngestedFile.Origin origin) {
        String name = source.name();
        try {
            Optional<ReportParser> explicit = format == null ? Optional.empty() : registry.find(format);
            if (format != null && explicit.isEmpty()) {
                return IngestedFile.error(name, format, name + ": unknown format '" + format + "'; known: "
                        + formatIds(), origin);
            }
            long size = source.size();
            if (size == 0) {
                if (explicit.isPresent() && explicit.get().emptyMeansNoFindings()) {
                    return parse(explicit.get(), source, origin);
                }
                return IngestedFile.error(name, format, name + ": empty file (0 bytes): no report content"
                        + (format == null ? "" : " for format " + format), origin);
            }
            Sniff sniff = Sniff.of(source);
            if (sniff.isBlank()) {
                return IngestedFile.error(name, format, name + ": the file holds only white space: no report content",
                        origin);
            }
            Optional<ReportParser> parser = explicit.isPresent() ? explicit : registry.detect(sniff, source);
            if (parser.isEmpty() && sniff.xmlRefersToEntity()) {
                return IngestedFile.error(name, null, name + ": " + sniff.xmlProblem(), origin);
            }
            if (parser.isEmpty()) {
                return IngestedFile.unrecognised(name, sniff.unrecognised(), origin);
            }
            return parse(parser.get(), source, origin);
        }
        catch (IOException e) {
            return IngestedFile.error(name, format, name + ": cannot be read: " + e.getMessage(), origin);
        }
    }

    private static IngestedFile parse(final ReportParser parser, final ReportSource source,
            final IngestedFile.Origin origin) {
        try {
            if (parser instanceof VexReader vex) {
                return IngestedFile.read(source.name(), parser.id(), vex.read(source), origin);
            }
            List<Evidence> evidence = parser.parseAll(source);
            return IngestedFile.read(source.name(), parser.id(), evidence, origin);
        }
        catch (ParseException e) {
            return IngestedFile.error(source.name(), parser.id(), e.getMessage(), origin);
        }
        catch (RuntimeException | StackOverflowError e) {
            return IngestedFile.error(source.name(), parser.id(), source.name() + " (" + parser.id()
                    + "): internal error while reading, please report it: " + e, origin);
        }
    }
}
