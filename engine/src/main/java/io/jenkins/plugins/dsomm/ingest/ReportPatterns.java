package io.jenkins.plugins.dsomm.ingest;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Ant-style report patterns relative to a workspace ({@code **}/*.sarif, {@code reports/*.json}, several separated
 * by commas), and the search for the files they match. A pattern can never reach outside the workspace: absolute
 * patterns and {@code ..} segments are refused, the walk does not follow symbolic links to folders, and a
 * symbolic link to a file is read only when it resolves inside the workspace.
 */
public final class ReportPatterns implements Serializable {
    private static final long serialVersionUID = 1L;

    private final List<String> includes;
    private final List<String> excludes;
    private final List<Pattern> include;
    private final List<Pattern> exclude;

    private ReportPatterns(final List<String> includes, final List<String> excludes) {
        this.includes = List.copyOf(includes);
        this.excludes = List.copyOf(excludes);
        this.include = includes.stream().map(ReportPatterns::compile).toList();
        this.exclude = excludes.stream().map(ReportPatterns::compile).toList();
    }

    /**
     * @param includes patterns, separated by commas (blank: none)
     * @param excludes patterns to leave out, may be null
     * @throws IllegalArgumentException for a pattern that is absolute, climbs with {@code ..} or is empty
     */
    public static ReportPatterns of(final String includes, final String excludes) {
        List<String> in = split(includes);
        if (in.isEmpty()) {
            throw new IllegalArgumentException("no report pattern given");
        }
        return new ReportPatterns(in, split(excludes));
    }

    private static List<String> split(final String patterns) {
        List<String> list = new ArrayList<>();
        if (patterns == null) {
            return list;
        }
        for (String p : patterns.split(",")) {
            String t = p.trim().replace('\\', '/');
            if (t.isEmpty()) {
                continue;
            }
            if (t.startsWith("/") || t.matches("^[A-Za-z]:.*") || t.startsWith("~")) {
                throw new IllegalArgumentException("report pattern '" + p.trim()
                        + "' is absolute: patterns are relative to the workspace");
            }
            for (String segment : t.split("/")) {
                if (segment.equals("..")) {
                    throw new IllegalArgumentException("report pattern '" + p.trim()
                            + "' climbs out of the workspace with '..'");
                }
            }
            while (t.startsWith("./")) {
                t = t.substring(2);
            }
            list.add(t);
        }
        return list;
    }

    static Pattern compile(final String ant) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < ant.length(); i++) {
            char c = ant.charAt(i);
            if (c == '*') {
                boolean twin = i + 1 < ant.length() && ant.charAt(i + 1) == '*';
                if (twin) {
                    boolean slash = i + 2 < ant.length() && ant.charAt(i + 2) == '/';
                    re.append(slash ? "(?:.*/)?" : ".*");
                    i += slash ? 2 : 1;
                }
                else {
                    re.append("[^/]*");
                }
            }
            else if (c == '?') {
                re.append("[^/]");
            }
            else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        if (ant.endsWith("/")) {
            re.append(".*"); // "reports/" means everything below
        }
        return Pattern.compile(re.toString(), isWindows() ? Pattern.CASE_INSENSITIVE : 0);
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");
    }

    /** Whether a workspace-relative path (with {@code /}) matches. */
    public boolean matches(final String relative) {
        return include.stream().anyMatch(p -> p.matcher(relative).matches())
                && exclude.stream().noneMatch(p -> p.matcher(relative).matches());
    }

    public List<String> includes() {
        return includes;
    }

    /**
     * What a search found.
     *
     * @param files   matching files, relative to the workspace, in name order
     * @param skipped why matching entries were not taken (symbolic links leaving the workspace, unreadable folders)
     */
    public record Selection(List<String> files, List<String> skipped) implements Serializable {
        public Selection {
            files = List.copyOf(files);
            skipped = List.copyOf(skipped);
        }
    }

    /** Finds the matching files below {@code root}. */
    public Selection find(final Path root) throws IOException {
        Path base = root.toRealPath();
        List<String> files = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Files.walkFileTree(base, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(final Path dir, final BasicFileAttributes attrs) {
                Path last = dir.getFileName();
                String name = last == null ? "" : last.toString();
                return !dir.equals(base) && name.equals(".git") ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(final Path file, final BasicFileAttributes attrs) {
                String rel = base.relativize(file).toString().replace('\\', '/');
                if (!matches(rel)) {
                    return FileVisitResult.CONTINUE;
                }
                if (attrs.isSymbolicLink()) {
                    try {
                        Path target = file.toRealPath();
                        if (!target.startsWith(base)) {
                            skipped.add(rel + ": symbolic link to " + target + ", outside the workspace: not read");
                        }
                        else if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
                            files.add(rel);
                        }
                        else {
                            skipped.add(rel + ": symbolic link to a folder: not followed");
                        }
                    }
                    catch (IOException e) {
                        skipped.add(rel + ": dangling symbolic link: not read");
                    }
                }
                else if (attrs.isRegularFile()) {
                    files.add(rel);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(final Path file, final IOException e) {
                skipped.add(base.relativize(file) + ": cannot be read: " + e.getMessage());
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort(null);
        return new Selection(files, skipped);
    }

    /** Reads the files a pattern selects below {@code root}, each in the format given (or detected). */
    public IngestResult read(final Path root, final String format, final Ingestor ingestor) throws IOException {
        return read(root, find(root), format, ingestor);
    }

    /**
     * Whether a pattern names this workspace-relative file itself (no wildcard): such a file is given by name, so
     * it must be a report DSOMM Gate reads.
     */
    public boolean names(final String relative) {
        return includes.stream().anyMatch(p -> p.equals(relative) && p.indexOf('*') < 0 && p.indexOf('?') < 0);
    }

    /**
     * Reads the files of a selection found earlier below {@code root}: a file a pattern names without wildcard is
     * given by name ({@link IngestedFile.Origin#NAMED}), the others are found. Each is checked again just before it is
     * read, and read by its real path: a file that was replaced by a symbolic link leaving the workspace since
     * the search is not read.
     */
    public IngestResult read(final Path root, final Selection selection, final String format, final Ingestor ingestor)
            throws IOException {
        List<IngestedFile> outcomes = new ArrayList<>();
        Path base = root.toRealPath();
        for (String rel : selection.files()) {
            Path real;
            try {
                real = base.resolve(rel).toRealPath();
            }
            catch (IOException e) {
                outcomes.add(new IngestedFile(rel, IngestedFile.Status.ERROR, format, List.of(), rel
                        + ": cannot be read: " + e.getMessage()));
                continue;
            }
            if (!real.startsWith(base)) {
                outcomes.add(new IngestedFile(rel, IngestedFile.Status.ERROR, format, List.of(), rel
                        + ": symbolic link to " + real + ", outside the workspace: not read"));
                continue;
            }
            outcomes.add(ingestor.readFile(ReportSource.of(real, rel), format, names(rel)
                    ? IngestedFile.Origin.NAMED : IngestedFile.Origin.FOUND));
        }
        for (String s : selection.skipped()) {
            outcomes.add(new IngestedFile(s.substring(0, s.indexOf(':')), IngestedFile.Status.ERROR, format, List.of(), s));
        }
        return new IngestResult(outcomes);
    }
}
