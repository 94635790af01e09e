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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * OWASP ZAP traditional JSON report, and its "traditional-json-plus" variant (requests and responses included):
 * {@code {"@programName", "@version", "@generated", "site": [{"@name", "alerts": [...]}]}}. Numeric fields are
 * strings in most versions; numbers are read too. Each alert of a site is one DAST finding (its instances, the URLs
 * where it was seen, are not counted), identified by its {@code alertRef} (else {@code pluginid}) and the site
 * {@code @name}. Severity: {@code riskcode} 3/2/1/0 → HIGH/MEDIUM/LOW/INFO (else the first word of
 * {@code riskdesc}); {@code confidence} 0 (False Positive) is suppressed.
 */
public final class ZapJsonParser implements ReportParser {
    private static final String ID = "zap-json";
    private static final ReportFormat FORMAT = ReportFormat.of(ID,
            "OWASP ZAP traditional JSON report (also traditional-json-plus)", ReportFormat.Family.JSON,
            EvidenceKind.DAST);
    private static final Set<String> SITE_KEYS = Set.of("@name", "@host", "alerts");

    @Override
    public ReportFormat format() {
        return FORMAT;
    }

    @Override
    public int detect(final Sniff sniff) {
        Sniff.JsonShape json = sniff.jsonObject();
        if (json == null || !json.has("site")) {
            return NO;
        }
        String program = json.value("@programName");
        if (program != null && program.toLowerCase(Locale.ROOT).contains("zap")) {
            return CERTAIN;
        }
        boolean zapKeys = json.has("@version") || json.has("@generated");
        Set<String> site = json.childKeys("site");
        if (zapKeys && site.stream().anyMatch(SITE_KEYS::contains)) {
            return CERTAIN;
        }
        return zapKeys ? LIKELY : NO;
    }

    @Override
    public Evidence parse(final ReportSource source) throws ParseException {
        String file = source.name();
        EvidenceCollector collector = new EvidenceCollector(ID, source);
        Zap.start(collector);
        String[] times = new String[2];
        boolean[] sawSite = new boolean[1];
        JsonWalk.read(source, ID, p -> {
            p.nextToken();
            JsonReports.expect(p, JsonToken.START_OBJECT, "a ZAP report object", file, ID);
            JsonWalk.fields(p, (name, value) -> {
                switch (name) {
                    case "@programName" -> collector.tool(JsonReports.text(p));
                    case "@version" -> collector.toolVersion(JsonReports.text(p));
                    case "@generated" -> times[1] = JsonReports.text(p);
                    case "created" -> times[0] = JsonReports.text(p);
                    case "site" -> {
                        sawSite[0] = true;
                        if (value.currentToken() == JsonToken.START_ARRAY) {
                            JsonWalk.objects(p, site -> readSite(site, collector));
                        }
                        else if (value.currentToken() == JsonToken.START_OBJECT) {
                            readSite(p, collector);
                        }
                        else if (value.currentToken() != JsonToken.VALUE_NULL) {
                            JsonReports.expect(p, JsonToken.START_ARRAY, "an array of sites", file, ID);
                        }
                    }
                    default -> p.skipChildren();
                }
            });
            if (p.nextToken() != null) {
                throw new ParseException(file, ID, "unexpected content after the report object");
            }
        });
        if (!sawSite[0]) {
            throw new ParseException(file, ID, "not a ZAP report: no \"site\" array");
        }
        Zap.finish(collector, times[0], times[1]);
        return collector.build();
    }

    private static void readSite(final JsonParser p, final EvidenceCollector collector)
            throws IOException, ParseException {
        String[] siteName = new String[1];
        List<Zap.Alert> early = new ArrayList<>();
        JsonWalk.fields(p, (name, value) -> {
            switch (name) {
                case "@name" -> siteName[0] = JsonReports.text(p);
                case "alerts" -> JsonWalk.objects(p, a -> {
                    Zap.Alert alert = readAlert(a);
                    if (siteName[0] != null) {
                        alert.record(collector, siteName[0]);
                    }
                    else {
                        early.add(alert); // @name comes after the alerts: kept until it is known
                    }
                });
                default -> p.skipChildren();
            }
        });
        for (Zap.Alert alert : early) {
            alert.record(collector, siteName[0]);
        }
    }

    private static Zap.Alert readAlert(final JsonParser p) throws IOException, ParseException {
        Zap.Alert alert = new Zap.Alert();
        JsonWalk.fields(p, (name, value) -> {
            switch (name) {
                case "pluginid" -> alert.pluginId = JsonReports.text(p);
                case "alertRef" -> alert.alertRef = JsonReports.text(p);
                case "name" -> alert.name = Values.firstNonBlank(JsonReports.text(p), alert.name);
                case "alert" -> alert.name = Values.firstNonBlank(alert.name, JsonReports.text(p));
                case "riskcode" -> alert.riskCode = JsonReports.text(p);
                case "riskdesc" -> alert.riskDesc = JsonReports.text(p);
                case "confidence" -> alert.confidence = JsonReports.text(p);
                default -> p.skipChildren();
            }
        });
        return alert;
    }
}
