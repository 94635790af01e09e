package io.jenkins.plugins.dsomm.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Every report format DSOMM Gate reads, in one place. Detection asks each parser how sure it is and takes the
 * surest; ties go to the parser registered first.
 *
 * <p>The built-in parsers are registered by {@link ServiceLoader}: one line per parser class in
 * {@code META-INF/services/io.jenkins.plugins.dsomm.ingest.ReportParser}, in the order detection breaks ties. So
 * this package never refers to a parser: the parsers depend on the ingestion API ({@link ReportParser},
 * {@link Sniff}, {@link EvidenceCollector}...), never the other way round.
 */
public final class ParserRegistry {
    private static final ParserRegistry DEFAULT = new ParserRegistry(load());

    private final Map<String, ReportParser> parsers;

    public ParserRegistry(final List<ReportParser> parsers) {
        Map<String, ReportParser> map = new LinkedHashMap<>();
        for (ReportParser p : parsers) {
            if (map.put(p.id(), p) != null) {
                throw new IllegalArgumentException("two parsers with id " + p.id());
            }
        }
        this.parsers = Collections.unmodifiableMap(map);
    }

    /** The registry of all built-in parsers. */
    public static ParserRegistry defaults() {
        return DEFAULT;
    }

    /**
     * The parsers registered with {@link ServiceLoader} beside this class (the engine's own, in the order of its
     * services file). A registration that cannot be loaded is a broken build, not a report problem: it fails.
     */
    private static List<ReportParser> load() {
        List<ReportParser> found = new ArrayList<>();
        try {
            ServiceLoader.load(ReportParser.class, ReportParser.class.getClassLoader()).forEach(found::add);
        }
        catch (ServiceConfigurationError e) {
            throw new IllegalStateException("a registered report parser cannot be loaded: " + e.getMessage(), e);
        }
        if (found.isEmpty()) {
            throw new IllegalStateException("no report parser registered in META-INF/services/"
                    + ReportParser.class.getName());
        }
        return found;
    }

    public List<ReportParser> all() {
        return new ArrayList<>(parsers.values());
    }

    public Optional<ReportParser> find(final String id) {
        return Optional.ofNullable(parsers.get(id));
    }

    /** The parser surest to read the sniffed content, if any claims it. */
    public Optional<ReportParser> detect(final Sniff sniff) {
        return Optional.ofNullable(surest(sniff).parser());
    }

    /**
     * The parser surest to read a file, from its prefix first; when no parser is at least
     * {@link ReportParser#LIKELY} sure and the file is JSON longer than the prefix, from a look at the whole
     * document (one streaming pass, values skipped: see {@link Sniff#wholeDocument}), whose answer wins when it is
     * surer. Detection does not depend on how long the first value of a document is or in which order its keys
     * come; a report whose prefix already tells what it is is read once only.
     *
     * @param prefix the sniff of the file's prefix
     * @param source the file, read again only for the whole-document look
     */
    public Optional<ReportParser> detect(final Sniff prefix, final ReportSource source) {
        Detection first = surest(prefix);
        if (first.score() >= ReportParser.LIKELY || !prefix.incompleteJson()) {
            return Optional.ofNullable(first.parser());
        }
        try {
            Detection whole = surest(Sniff.wholeDocument(source, prefix));
            return Optional.ofNullable(whole.score() > first.score() ? whole.parser() : first.parser());
        }
        catch (IOException e) {
            return Optional.ofNullable(first.parser()); // the parser, if any, reports what cannot be read
        }
    }

    /** A detection's winner (null when nobody claims the content) and its score. */
    private record Detection(ReportParser parser, int score) {
    }

    private Detection surest(final Sniff sniff) {
        ReportParser best = null;
        int bestScore = ReportParser.NO;
        for (ReportParser p : parsers.values()) {
            int score;
            try {
                score = p.detect(sniff);
            }
            catch (RuntimeException e) {
                score = ReportParser.NO; // a detector must never break detection of the others
            }
            if (score > bestScore) {
                best = p;
                bestScore = score;
            }
        }
        return new Detection(best, bestScore);
    }
}
