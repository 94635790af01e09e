package io.jenkins.plugins.dsomm.ingest;

/**
 * The one error a parser reports: a report that cannot be read. The message names the file, the format and,
 * where known, the position. Parsers throw nothing else.
 */
public class ParseException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final String format;
    private final String problem;
    private final long line;
    private final long column;

    /**
     * @param file    the report file as given to the reader
     * @param format  the format id, or {@code null} when no format applies
     * @param problem what is wrong, in words a user can act on
     * @param line    1-based line, or -1 when unknown
     * @param column  1-based column, or -1 when unknown
     * @param cause   the underlying exception, may be null
     */
    public ParseException(final String file, final String format, final String problem, final long line,
            final long column, final Throwable cause) {
        super(compose(file, format, problem, line, column), cause);
        this.file = file;
        this.format = format;
        this.problem = problem;
        this.line = line;
        this.column = column;
    }

    public ParseException(final String file, final String format, final String problem) {
        this(file, format, problem, -1, -1, null);
    }

    private static String compose(final String file, final String format, final String problem, final long line,
            final long column) {
        StringBuilder b = new StringBuilder(file);
        if (format != null) {
            b.append(" (").append(format).append(')');
        }
        b.append(": ").append(problem);
        if (line > 0) {
            b.append(" at line ").append(line);
            if (column > 0) {
                b.append(", column ").append(column);
            }
        }
        return b.toString();
    }

    public String file() {
        return file;
    }

    public String format() {
        return format;
    }

    /** What is wrong, without file and position. */
    public String problem() {
        return problem;
    }

    public long line() {
        return line;
    }

    public long column() {
        return column;
    }
}
