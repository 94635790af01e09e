package io.jenkins.plugins.dsomm.ingest.parser;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
import io.jenkins.plugins.dsomm.evidence.Severity;
import io.jenkins.plugins.dsomm.ingest.EvidenceCollector;
import io.jenkins.plugins.dsomm.ingest.JsonReports;
import io.jenkins.plugins.dsomm.ingest.ParseException;
import io.jenkins.plugins.dsomm.ingest.ReportFormat;
import io.jenkins.plugins.dsomm.ingest.ReportSource;
import io.jenkins.plugins.dsomm.ingest.Sniff;
import io.jenkins.plugins.dsomm.ingest.Times;
import io.jenkins.plugins.dsomm.ingest.VexReader;
import io.jenkins.plugins.dsomm.ingest.VexStatement;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * OpenVEX ({@code {"@context": "https://openvex.dev/ns/v0.2.0", "@id", "author", "timestamp", "tooling",
 * "statements": [{"vulnerability": {"name", "aliases"} or "CVE-…", "products": [{"@id", "subcomponents":
 * [{"@id"}]}] or ["pkg:…"], "status", "justification", "impact_statement", "action_statement"}]}}). SCA. Each
 * statement is one finding per product it names (its subcomponents when it names them), rule the vulnerability,
 * at the product's package URL: open when affected or under investigation (OpenVEX states no severity: UNKNOWN),
 * suppressed when not_affected or fixed. Those statements also suppress the matching findings of the other reports
 * of the build ({@link io.jenkins.plugins.dsomm.ingest.VexSuppressions}), the justification and impact statement as
 * the reason. Tool {@code tooling}, else "OpenVEX"; time {@code timestamp}.
 */
public final class OpenVexJsonParser implements VexReader {
    private static final String ID = "openvex-json";
    private static final ReportFormat FORMAT = ReportFormat.of(ID,
            "OpenVEX JSON", ReportFormat.Family.JSON, EvidenceKind.SCA);

    @Override
    public ReportFormat format() {
        return FORMAT;
    }

    @Override
    public int detect(final Sniff sniff) {
        Sniff.JsonShape json = sniff.jsonObject();
        if (json == null) {
            return NO;
        }
        String context = json.value("@context");
        if (context != null && context.toLowerCase(Locale.ROOT).contains("openvex")) {
            return CERTAIN;
        }
        var statement = json.childKeys("statements");
        return statement.contains("vulnerability") && statement.contains("status") ? LIKELY : NO;
    }

    @Override
    public Document read(final ReportSource source) throws ParseException {
        String file = source.name();
        EvidenceCollector collector = new EvidenceCollector(ID, source).kind(EvidenceKind.SCA);
        List<VexStatement> statements = new ArrayList<>();
        String[] doc = new String[2]; // author, timestamp
        List<Raw> raws = new ArrayList<>();
        boolean[] saw = new boolean[1];
        JsonWalk.read(source, ID, p -> {
            p.nextToken();
            JsonReports.expect(p, JsonToken.START_OBJECT, "an OpenVEX document object", file, ID);
            JsonWalk.fields(p, (name, value) -> {
                switch (name) {
                    case "author" -> doc[0] = JsonReports.text(value);
                    case "timestamp" -> doc[1] = JsonReports.text(value);
                    case "tooling" -> collector.tool(JsonReports.text(value));
                    case "statements" -> {
                        saw[0] = true;
                        JsonWalk.objects(value, s -> raws.add(statement(s)));
                    }
                    default -> value.skipChildren();
                }
            });
            if (!saw[0]) {
                throw new ParseException(file, ID, "not an OpenVEX document: no \"statements\"");
            }
        });
        collector.tool("OpenVEX").producedAt(doc[1]);
        for (Raw r : raws) {
            VexStatement s = new VexStatement(file, doc[0], r.vulnerability, r.aliases, r.products, r.status,
                    r.reason(), Times.parse(Values.firstNonBlank(r.timestamp, doc[1])));
            statements.add(s);
            for (String product : r.products.isEmpty() ? List.of("") : r.products) {
                if (s.suppresses()) {
                    collector.suppressedFinding();
                }
                else {
                    collector.openFinding(Severity.UNKNOWN, r.vulnerability, r.vulnerability,
                            CycloneDx.componentLocation(null, product, null, product));
                }
            }
        }
        return new Document(collector.build(), statements);
    }

    /** A statement as written. */
    private static final class Raw {
        private String vulnerability;
        private final List<String> aliases = new ArrayList<>();
        private final List<String> products = new ArrayList<>();
        private final List<String> statementSubcomponents = new ArrayList<>();
        private String status;
        private String justification;
        private String impact;
        private String action;
        private String timestamp;

        String reason() {
            List<String> parts = new ArrayList<>();
            for (String s : new String[] {justification, impact, action}) {
                if (s != null && !s.isBlank()) {
                    parts.add(s.trim());
                }
            }
            return String.join(": ", parts);
        }
    }

    private static Raw statement(final JsonParser p) throws IOException, ParseException {
        Raw r = new Raw();
        JsonWalk.fields(p, (name, v) -> {
            switch (name) {
                case "vulnerability" -> {
                    if (JsonWalk.isObject(v)) {
                        JsonWalk.fields(v, (key, x) -> {
                            switch (key) {
                                case "name" -> r.vulnerability = JsonReports.text(x);
                                case "@id" -> r.vulnerability = r.vulnerability == null ? JsonReports.text(x)
                                        : r.vulnerability;
                                case "aliases" -> r.aliases.addAll(JsonWalk.strings(x));
                                default -> x.skipChildren();
                            }
                        });
                    }
                    else {
                        r.vulnerability = JsonReports.text(v);
                    }
                }
                case "products" -> JsonWalk.items(v, product -> products(product, r.products));
                case "subcomponents" -> JsonWalk.items(v, c -> id(c, r.statementSubcomponents));
                case "status" -> r.status = JsonReports.text(v);
                case "justification" -> r.justification = JsonReports.text(v);
                case "impact_statement" -> r.impact = JsonReports.text(v);
                case "action_statement" -> r.action = JsonReports.text(v);
                case "timestamp" -> r.timestamp = JsonReports.text(v);
                default -> v.skipChildren();
            }
        });
        if (!r.statementSubcomponents.isEmpty()) {
            r.products.clear(); // v0.0.x: the statement's subcomponents are what it is about
            r.products.addAll(r.statementSubcomponents);
        }
        r.vulnerability = r.vulnerability == null ? "" : r.vulnerability;
        return r;
    }

    /** A product: its subcomponents when it names them, else itself. */
    private static void products(final JsonParser p, final List<String> out) throws IOException, ParseException {
        if (!JsonWalk.isObject(p)) {
            id(p, out);
            return;
        }
        String[] product = new String[1];
        List<String> subcomponents = new ArrayList<>();
        JsonWalk.fields(p, (name, v) -> {
            switch (name) {
                case "@id" -> product[0] = JsonReports.text(v);
                case "subcomponents" -> JsonWalk.items(v, c -> id(c, subcomponents));
                case "identifiers" -> {
                    String purl = JsonWalk.property(v, "purl");
                    product[0] = product[0] == null ? purl : product[0];
                }
                default -> v.skipChildren();
            }
        });
        if (!subcomponents.isEmpty()) {
            out.addAll(subcomponents);
        }
        else if (product[0] != null && !product[0].isBlank()) {
            out.add(product[0]);
        }
    }

    /** The id of a component: a string, or an object's {@code @id}. */
    private static void id(final JsonParser p, final List<String> out) throws IOException, ParseException {
        String id = JsonWalk.isObject(p) ? JsonWalk.property(p, "@id") : JsonReports.text(p);
        if (id != null && !id.isBlank()) {
            out.add(id);
        }
    }
}
