package io.jenkins.plugins.dsomm.ingest.parser;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
import io.jenkins.plugins.dsomm.evidence.Facets;
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
import java.util.Locale;

/**
 * KICS JSON report: {@code {kics_version, files_scanned, queries: [{query_id, query_name, severity, platform,
 * files: [{file_name, similarity_id, line...}]}], start, end...}}. Each entry of a query's {@code files} is one IAC
 * finding (KICS writes no excluded result, so nothing is suppressed). Severity: the query's {@code severity} by word
 * (CRITICAL, HIGH, MEDIUM, LOW, INFO; TRACE, KICS's level below INFO, is taken as INFO). Identity: the file's
 * {@code similarity_id} (KICS's own fingerprint, the one {@code --exclude-results} takes), else query id and file.
 * Facets from each query's {@code platform} (Kubernetes, Dockerfile, Terraform...; "Common" adds none). Version
 * {@code kics_version}; time {@code end} (else {@code start}).
 */
public final class KicsJsonParser implements ReportParser {
    private static final String ID = "kics-json";
    private static final ReportFormat FORMAT = ReportFormat.of(ID,
            "KICS JSON report", ReportFormat.Family.JSON, EvidenceKind.IAC);
    private static final String TOOL = "KICS";

    @Override
    public ReportFormat format() {
        return FORMAT;
    }

    @Override
    public int detect(final Sniff sniff) {
        Sniff.JsonShape json = sniff.jsonObject();
        if (json == null || !json.has("queries")) {
            return NO;
        }
        if (json.has("kics_version")) {
            return CERTAIN;
        }
        if (json.has("queries_total") || json.has("severity_counters") || json.has("files_scanned")) {
            return CERTAIN;
        }
        var query = json.childKeys("queries");
        return query.contains("query_id") && query.contains("files") ? LIKELY : NO;
    }

    @Override
    public Evidence parse(final ReportSource source) throws ParseException {
        String file = source.name();
        EvidenceCollector collector = new EvidenceCollector(ID, source);
        collector.tool(TOOL).kind(EvidenceKind.IAC);
        String[] times = new String[2];
        JsonWalk.read(source, ID, p -> {
            p.nextToken();
            JsonReports.expect(p, JsonToken.START_OBJECT, "a KICS report object", file, ID);
            boolean[] sawQueries = new boolean[1];
            JsonWalk.fields(p, (name, value) -> {
                switch (name) {
                    case "kics_version" -> collector.toolVersion(JsonReports.text(p));
                    case "start" -> times[0] = JsonReports.text(p);
                    case "end" -> times[1] = JsonReports.text(p);
                    case "queries" -> {
                        sawQueries[0] = true;
                        if (value.currentToken() != JsonToken.VALUE_NULL) {
                            JsonReports.expect(p, JsonToken.START_ARRAY, "an array of queries", file, ID);
                            JsonWalk.objects(p, q -> readQuery(q, collector));
                        }
                    }
                    default -> p.skipChildren();
                }
            });
            if (!sawQueries[0]) {
                throw new ParseException(file, ID, "not a KICS report: no \"queries\"");
            }
            if (p.nextToken() != null) {
                throw new ParseException(file, ID, "unexpected content after the report object");
            }
        });
        collector.producedAt(times[1]);
        collector.producedAt(times[0]);
        return collector.build();
    }

    /** One query; its files may come before its severity, so they are kept until the query is read. */
    private static void readQuery(final JsonParser p, final EvidenceCollector collector)
            throws IOException, ParseException {
        String[] q = new String[4]; // query_id, query_name, severity, platform
        List<String[]> files = new ArrayList<>();
        JsonWalk.fields(p, (name, value) -> {
            switch (name) {
                case "query_id" -> q[0] = JsonReports.text(p);
                case "query_name" -> q[1] = JsonReports.text(p);
                case "severity" -> q[2] = JsonReports.text(p);
                case "platform" -> q[3] = JsonReports.text(p);
                case "files" -> JsonWalk.objects(p, f -> {
                    String[] entry = new String[2]; // file_name, similarity_id
                    JsonWalk.fields(f, (key, v) -> {
                        if ("file_name".equals(key)) {
                            entry[0] = JsonReports.text(f);
                        }
                        else if ("similarity_id".equals(key)) {
                            entry[1] = JsonReports.text(f);
                        }
                    });
                    files.add(entry);
                });
                default -> p.skipChildren();
            }
        });
        Severity severity = severity(q[2]);
        for (String[] f : files) {
            collector.openFinding(severity, Values.firstNonBlank(q[0], q[1]), q[1], f[0], f[1]);
        }
        if (!files.isEmpty() && q[3] != null && !q[3].isBlank()
                && !"common".equals(q[3].trim().toLowerCase(Locale.ROOT))) {
            collector.facet(Facets.fromIacFramework(q[3]));
        }
    }

    static Severity severity(final String word) {
        return word != null && "trace".equalsIgnoreCase(word.trim()) ? Severity.INFO : Severity.fromWord(word);
    }
}
