package io.jenkins.plugins.dsomm.ingest;

import io.jenkins.plugins.dsomm.evidence.Evidence;

/**
 * Reads one report format into {@link Evidence}. Implementations are stateless and thread-safe, stream the file
 * (memory bounded by what is kept, not by the file size) and throw nothing but {@link ParseException}.
 */
public interface ReportParser {
    /** Confidence of a content match: a parser claiming a file returns a value above {@link #NO}. */
    int NO = 0;
    /** The content has the general shape of the format (a fallback). */
    int WEAK = 10;
    /** The content has the format's characteristic keys or root element. */
    int LIKELY = 50;
    /** The content declares the format (schema URL, format marker). */
    int CERTAIN = 100;

    /** The format this parser reads: id, name, document family and the kinds of evidence it gives. */
    ReportFormat format();

    /** Format id used in options and evidence, for example {@code sarif}: the {@link #format()}'s. */
    default String id() {
        return format().id();
    }

    /** Human-readable name, for example {@code SARIF 2.1.0}: the {@link #format()}'s. */
    default String displayName() {
        return format().displayName();
    }

    /** How sure this parser is that the sniffed content is its format: {@link #NO} to {@link #CERTAIN}. */
    int detect(Sniff sniff);

    /**
     * Whether an empty (0-byte) file given explicitly in this format means "nothing found" (some tools write
     * nothing when they find nothing). Without an explicit format an empty file is always an error.
     */
    default boolean emptyMeansNoFindings() {
        return false;
    }

    /** Reads the report. */
    Evidence parse(ReportSource source) throws ParseException;

    /**
     * Reads the report as one evidence per tool it holds. Most formats hold one tool; a SARIF log can hold runs
     * of several.
     */
    default java.util.List<Evidence> parseAll(final ReportSource source) throws ParseException {
        return java.util.List.of(parse(source));
    }
}
