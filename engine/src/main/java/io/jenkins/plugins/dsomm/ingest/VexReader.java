package io.jenkins.plugins.dsomm.ingest;

import io.jenkins.plugins.dsomm.evidence.Evidence;

import java.util.List;

/**
 * A parser of VEX documents: besides the document's own evidence it gives its statements, which the ingest result
 * applies to the findings of the other reports ({@link VexSuppressions}).
 */
public interface VexReader extends ReportParser {
    /** The evidence and the statements of a VEX document, read in one pass. */
    Document read(ReportSource source) throws ParseException;

    @Override
    default List<Evidence> parseAll(final ReportSource source) throws ParseException {
        return List.of(read(source).evidence());
    }

    @Override
    default Evidence parse(final ReportSource source) throws ParseException {
        return read(source).evidence();
    }

    /**
     * What a VEX document holds.
     *
     * @param evidence   the document's own evidence (SCA: its affected statements open, the others suppressed)
     * @param statements every statement, in document order
     */
    record Document(Evidence evidence, List<VexStatement> statements) {
        public Document {
            statements = List.copyOf(statements);
        }
    }
}
