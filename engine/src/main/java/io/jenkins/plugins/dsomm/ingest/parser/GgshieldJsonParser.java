package io.jenkins.plugins.dsomm.ingest.parser;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
import io.jenkins.plugins.dsomm.evidence.Severity;
import io.jenkins.plugins.dsomm.ingest.EvidenceCollector;
import io.jenkins.plugins.dsomm.ingest.JsonReports;
import io.jenkins.plugins.dsomm.ingest.ParseException;
import io.jenkins.plugins.dsomm.ingest.ReportFormat;
import io.jenkins.plugins.dsomm.ingest.ReportParser;
import io.jenkins.plugins.dsomm.ingest.ReportSource;
import io.jenkins.plugins.dsomm.ingest.Sniff;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * GitGuardian ggshield JSON ({@code ggshield secret scan ... --json}): {@code {"id", "type", "entities_with_incidents":
 * [{"filename", "incidents": [{"policy", "type", "validity", "ignore_sha", "occurrences": [...],
 * "total_occurrences"}]}], "scans": [{"id", "type", "entities_with_incidents": [...]}], "total_incidents",
 * "total_occurrences"}} (commit ranges nest a scan per commit). SECRETS. The unit is ggshield's incident: one
 * secret in one file of one scanned commit (its occurrences, the places it appears there, are not counted again),
 * rule the detector {@code type}, at {@code filename}. ggshield states a validity, no severity: UNKNOWN. Identity:
 * the secret's {@code ignore_sha} with the file. Tool "ggshield"; no version or time stated.
 */
public final class GgshieldJsonParser implements ReportParser {
    private static final String ID = "ggshield-json";
    private static final ReportFormat FORMAT = ReportFormat.of(ID,
            "GitGuardian ggshield secret scan JSON", ReportFormat.Family.JSON, EvidenceKind.SECRETS);

    @Override
    public ReportFormat format() {
        return FORMAT;
    }

    @Override
    public int detect(final Sniff sniff) {
        Sniff.JsonShape json = sniff.jsonObject();
        if (json == null || !json.has("total_incidents")) {
            return NO;
        }
        return json.has("scans") || json.has("entities_with_incidents") ? CERTAIN : NO;
    }

    @Override
    public Evidence parse(final ReportSource source) throws ParseException {
        String file = source.name();
        EvidenceCollector collector = new EvidenceCollector(ID, source).tool("ggshield").kind(EvidenceKind.SECRETS);
        boolean[] saw = new boolean[1];
        JsonWalk.read(source, ID, p -> {
            p.nextToken();
            JsonReports.expect(p, JsonToken.START_OBJECT, "a ggshield report object", file, ID);
            scan(p, collector, saw);
            if (!saw[0]) {
                throw new ParseException(file, ID, "not a ggshield report: no \"total_incidents\"");
            }
        });
        return collector.build();
    }

    /** A scan object (the report, or one commit of a commit range), the parser on its START_OBJECT. */
    private static void scan(final JsonParser p, final EvidenceCollector collector, final boolean[] saw)
            throws IOException, ParseException {
        JsonWalk.fields(p, (name, v) -> {
            switch (name) {
                case "total_incidents" -> saw[0] = true;
                case "scans" -> JsonWalk.objects(v, s -> scan(s, collector, saw));
                case "entities_with_incidents" -> JsonWalk.objects(v, e -> entity(e, collector));
                default -> v.skipChildren();
            }
        });
    }

    private static void entity(final JsonParser p, final EvidenceCollector collector)
            throws IOException, ParseException {
        String[] filename = new String[1];
        List<String[]> incidents = new ArrayList<>();
        JsonWalk.fields(p, (name, v) -> {
            switch (name) {
                case "filename" -> filename[0] = JsonReports.text(v);
                case "incidents" -> JsonWalk.objects(v, i -> {
                    String[] incident = new String[2]; // type, ignore_sha
                    JsonWalk.fields(i, (key, x) -> {
                        switch (key) {
                            case "type", "break_type" -> incident[0] = incident[0] == null ? JsonReports.text(x)
                                    : incident[0];
                            case "ignore_sha" -> incident[1] = JsonReports.text(x);
                            default -> x.skipChildren();
                        }
                    });
                    incidents.add(incident);
                });
                default -> v.skipChildren();
            }
        });
        for (String[] i : incidents) {
            collector.openFinding(Severity.UNKNOWN, i[0], i[0], filename[0],
                    i[1] == null ? null : i[1] + '|' + filename[0]);
        }
    }
}
