package io.jenkins.plugins.dsomm.ingest;

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
        return Optional.ofNullable(best);
    }
}
