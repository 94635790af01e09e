package io.jenkins.plugins.dsomm.ingest;

import io.jenkins.plugins.dsomm.ingest.parser.BanditJsonParser;
import io.jenkins.plugins.dsomm.ingest.parser.BurpXmlParser;
import io.jenkins.plugins.dsomm.ingest.parser.CheckovJsonParser;
import io.jenkins.plugins.dsomm.ingest.parser.CheckstyleXmlParser;
import io.jenkins.plugins.dsomm.ingest.parser.CpdXmlParser;
import io.jenkins.plugins.dsomm.ingest.parser.CycloneDxJsonParser;
import io.jenkins.plugins.dsomm.ingest.parser.CycloneDxXmlParser;
import io.jenkins.plugins.dsomm.ingest.parser.DependencyCheckJsonParser;
import io.jenkins.plugins.dsomm.ingest.parser.DependencyCheckXmlParser;
import io.jenkins.plugins.dsomm.ingest.parser.GitleaksJsonParser;
import io.jenkins.plugins.dsomm.ingest.parser.GrypeJsonParser;
import io.jenkins.plugins.dsomm.ingest.parser.HadolintJsonParser;
import io.jenkins.plugins.dsomm.ingest.parser.InTotoParser;
import io.jenkins.plugins.dsomm.ingest.parser.JUnitXmlParser;
import io.jenkins.plugins.dsomm.ingest.parser.KicsJsonParser;
import io.jenkins.plugins.dsomm.ingest.parser.NpmAuditJsonParser;
import io.jenkins.plugins.dsomm.ingest.parser.NucleiJsonParser;
import io.jenkins.plugins.dsomm.ingest.parser.OsvScannerJsonParser;
import io.jenkins.plugins.dsomm.ingest.parser.PmdXmlParser;
import io.jenkins.plugins.dsomm.ingest.parser.SarifParser;
import io.jenkins.plugins.dsomm.ingest.parser.SemgrepJsonParser;
import io.jenkins.plugins.dsomm.ingest.parser.SnykJsonParser;
import io.jenkins.plugins.dsomm.ingest.parser.SpdxJsonParser;
import io.jenkins.plugins.dsomm.ingest.parser.SpdxTagValueParser;
import io.jenkins.plugins.dsomm.ingest.parser.SpotBugsXmlParser;
import io.jenkins.plugins.dsomm.ingest.parser.TfsecJsonParser;
import io.jenkins.plugins.dsomm.ingest.parser.TrivyJsonParser;
import io.jenkins.plugins.dsomm.ingest.parser.Trufflehog3JsonParser;
import io.jenkins.plugins.dsomm.ingest.parser.TrufflehogJsonParser;
import io.jenkins.plugins.dsomm.ingest.parser.WapitiJsonParser;
import io.jenkins.plugins.dsomm.ingest.parser.WapitiXmlParser;
import io.jenkins.plugins.dsomm.ingest.parser.ZapJsonParser;
import io.jenkins.plugins.dsomm.ingest.parser.ZapXmlParser;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every report format DSOMM Gate reads, in one place. Detection asks each parser how sure it is and takes the
 * surest; ties go to the parser registered first.
 */
public final class ParserRegistry {
    private static final ParserRegistry DEFAULT = new ParserRegistry(List.of(
            new SarifParser(),
            new CycloneDxJsonParser(),
            new CycloneDxXmlParser(),
            new SpdxJsonParser(),
            new SpdxTagValueParser(),
            new DependencyCheckJsonParser(),
            new DependencyCheckXmlParser(),
            new TrivyJsonParser(),
            new GrypeJsonParser(),
            new NpmAuditJsonParser(),
            new OsvScannerJsonParser(),
            new SnykJsonParser(),
            new ZapJsonParser(),
            new ZapXmlParser(),
            new BurpXmlParser(),
            new NucleiJsonParser(),
            new WapitiJsonParser(),
            new WapitiXmlParser(),
            new GitleaksJsonParser(),
            new TrufflehogJsonParser(),
            new Trufflehog3JsonParser(),
            new CheckovJsonParser(),
            new TfsecJsonParser(),
            new HadolintJsonParser(),
            new KicsJsonParser(),
            new SpotBugsXmlParser(),
            new PmdXmlParser(),
            new CpdXmlParser(),
            new CheckstyleXmlParser(),
            new SemgrepJsonParser(),
            new BanditJsonParser(),
            new JUnitXmlParser(),
            new InTotoParser()));

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
