package io.jenkins.plugins.dsomm.ingest.parser;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
import io.jenkins.plugins.dsomm.ingest.EvidenceCollector;
import io.jenkins.plugins.dsomm.ingest.JsonReports;
import io.jenkins.plugins.dsomm.ingest.ParseException;
import io.jenkins.plugins.dsomm.ingest.ReportFormat;
import io.jenkins.plugins.dsomm.ingest.ReportParser;
import io.jenkins.plugins.dsomm.ingest.ReportSource;
import io.jenkins.plugins.dsomm.ingest.Sniff;

import java.io.IOException;

/**
 * Wapiti 3 JSON report ({@code -f json}): {@code {classifications, vulnerabilities: {category: [{method, path,
 * info, level, parameter...}]}, anomalies: {...}, additionals: {...}, infos: {target, date, version, scope}}}.
 * Vulnerabilities and anomalies are DAST findings, additionals are not; severity from {@code level} (4 CRITICAL …
 * 0 INFO), see {@link Wapiti}.
 */
public final class WapitiJsonParser implements ReportParser {
    private static final String ID = "wapiti-json";
    private static final ReportFormat FORMAT = ReportFormat.of(ID,
            "Wapiti JSON report", ReportFormat.Family.JSON, EvidenceKind.DAST);

    @Override
    public ReportFormat format() {
        return FORMAT;
    }

    @Override
    public int detect(final Sniff sniff) {
        Sniff.JsonShape json = sniff.jsonObject();
        if (json == null || !json.has("vulnerabilities")) {
            return NO;
        }
        boolean wapitiKeys = json.has("anomalies") || json.has("additionals") || json.has("classifications");
        if (wapitiKeys && json.has("infos")) {
            return CERTAIN;
        }
        return wapitiKeys ? LIKELY : NO;
    }

    @Override
    public Evidence parse(final ReportSource source) throws ParseException {
        String file = source.name();
        EvidenceCollector collector = new EvidenceCollector(ID, source);
        Wapiti.Report report = new Wapiti.Report();
        boolean[] sawVulnerabilities = new boolean[1];
        JsonWalk.read(source, ID, p -> {
            p.nextToken();
            JsonReports.expect(p, JsonToken.START_OBJECT, "a Wapiti report object", file, ID);
            JsonWalk.fields(p, (name, value) -> {
                switch (name) {
                    case "vulnerabilities" -> {
                        sawVulnerabilities[0] = true;
                        readCategories(p, report);
                    }
                    case "anomalies" -> readCategories(p, report);
                    case "infos" -> JsonWalk.fields(p, (key, v) -> {
                        switch (key) {
                            case "target" -> report.target = JsonReports.text(p);
                            case "version" -> report.version = JsonReports.text(p);
                            case "date" -> report.date = JsonReports.text(p);
                            default -> p.skipChildren();
                        }
                    });
                    default -> p.skipChildren();
                }
            });
            if (p.nextToken() != null) {
                throw new ParseException(file, ID, "unexpected content after the report object");
            }
        });
        if (!sawVulnerabilities[0]) {
            throw new ParseException(file, ID, "not a Wapiti report: no \"vulnerabilities\"");
        }
        report.record(collector);
        return collector.build();
    }

    /** {category: [entry...]}; the parser on the object. */
    private static void readCategories(final JsonParser p, final Wapiti.Report report)
            throws IOException, ParseException {
        JsonWalk.fields(p, (category, value) -> JsonWalk.objects(p, e -> {
            String[] f = new String[3]; // level, path, info
            JsonWalk.fields(e, (key, v) -> {
                switch (key) {
                    case "level" -> f[0] = JsonReports.text(e);
                    case "path" -> f[1] = JsonReports.text(e);
                    case "info" -> f[2] = JsonReports.text(e);
                    default -> e.skipChildren();
                }
            });
            report.entries.add(new Wapiti.Entry(category, f[0], f[1], f[2]));
        }));
    }
}
