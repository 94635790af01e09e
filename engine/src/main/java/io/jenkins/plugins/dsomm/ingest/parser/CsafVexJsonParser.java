package io.jenkins.plugins.dsomm.ingest.parser;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CSAF 2.0 JSON, the VEX profile ({@code document.category} csaf_vex) and the other profiles that state product
 * statuses (security advisories): {@code {"document": {"category", "csaf_version", "publisher", "tracking"},
 * "product_tree": {"branches", "full_product_names", "relationships"}, "vulnerabilities": [{"cve", "ids", "title",
 * "product_status": {"known_affected", "known_not_affected", "fixed", "under_investigation", ...}, "scores",
 * "flags", "threats"}]}}. SCA. Each vulnerability is one finding per product in its {@code product_status}, rule
 * its {@code cve} (else its first id), at the product's package URL from the product tree
 * ({@code product_identification_helper.purl}, else its CPE, else its name): open for known_affected,
 * first_affected, last_affected and under_investigation, suppressed for known_not_affected, fixed and first_fixed;
 * recommended is no statement. Severity of an open one: the {@code baseSeverity} word of a score for the product,
 * else its CVSS v3, else v2 base score. The not-affected and fixed statements also suppress the matching findings
 * of the other reports of the build ({@link io.jenkins.plugins.dsomm.ingest.VexSuppressions}), the flag's
 * justification and the impact threat's details as the reason. Tool the tracking generator's engine, else "CSAF";
 * time {@code tracking.current_release_date}. Another {@code csaf_version} than 2.x is refused. Read in two passes
 * (the product tree may follow the vulnerabilities).
 */
public final class CsafVexJsonParser implements VexReader {
    private static final String ID = "csaf-vex-json";
    private static final ReportFormat FORMAT = ReportFormat.of(ID,
            "CSAF 2.0 JSON (VEX and advisories with product statuses)", ReportFormat.Family.JSON, EvidenceKind.SCA);
    private static final Set<String> AFFECTED = Set.of("known_affected", "first_affected", "last_affected",
            "under_investigation");
    private static final Set<String> NOT_AFFECTED = Set.of("known_not_affected", "fixed", "first_fixed");
    private static final int MAX_PRODUCTS = 100_000;

    @Override
    public ReportFormat format() {
        return FORMAT;
    }

    @Override
    public int detect(final Sniff sniff) {
        Sniff.JsonShape json = sniff.jsonObject();
        if (json == null || !json.has("document")) {
            return NO;
        }
        var document = json.childKeys("document");
        return document.contains("csaf_version") && (document.contains("category") || document.contains("tracking"))
                ? CERTAIN : NO;
    }

    @Override
    public Document read(final ReportSource source) throws ParseException {
        String file = source.name();
        EvidenceCollector collector = new EvidenceCollector(ID, source).kind(EvidenceKind.SCA);
        Tree tree = new Tree();
        JsonWalk.read(source, ID, p -> {
            p.nextToken();
            JsonReports.expect(p, JsonToken.START_OBJECT, "a CSAF document object", file, ID);
            JsonWalk.fields(p, (name, value) -> {
                switch (name) {
                    case "document" -> tree.document(value, collector);
                    case "product_tree" -> tree.productTree(value);
                    default -> value.skipChildren();
                }
            });
        });
        if (tree.version == null) {
            throw new ParseException(file, ID, "not a CSAF document: no \"document.csaf_version\"");
        }
        if (!tree.version.trim().startsWith("2.")) {
            throw new ParseException(file, ID, "CSAF version " + tree.version.trim() + " is not read: only CSAF 2.x "
                    + "(the OASIS standard) is");
        }
        collector.tool("CSAF");
        List<VexStatement> statements = new ArrayList<>();
        JsonWalk.read(source, ID, p -> {
            p.nextToken();
            JsonWalk.fields(p, (name, value) -> {
                if ("vulnerabilities".equals(name)) {
                    JsonWalk.objects(value, v -> vulnerability(v, tree, file, collector, statements));
                }
            });
        });
        return new Document(collector.build(), statements);
    }

    /** The document's facts and the products of its tree, by product id. */
    private static final class Tree {
        private String version;
        private String publisher;
        private String released;
        private final Map<String, String> products = new HashMap<>(); // product_id -> purl, cpe or name

        void document(final JsonParser p, final EvidenceCollector collector) throws IOException, ParseException {
            JsonWalk.fields(p, (name, v) -> {
                switch (name) {
                    case "csaf_version" -> version = JsonReports.text(v);
                    case "publisher" -> publisher = JsonWalk.property(v, "name");
                    case "tracking" -> JsonWalk.fields(v, (key, x) -> {
                        switch (key) {
                            case "current_release_date" -> released = JsonReports.text(x);
                            case "generator" -> JsonWalk.fields(x, (g, y) -> {
                                if ("engine".equals(g)) {
                                    collector.tool(JsonWalk.property(y, "name"));
                                }
                            });
                            default -> x.skipChildren();
                        }
                    });
                    default -> v.skipChildren();
                }
            });
            collector.producedAt(released);
        }

        void productTree(final JsonParser p) throws IOException, ParseException {
            JsonWalk.fields(p, (name, v) -> {
                switch (name) {
                    case "branches" -> JsonWalk.objects(v, this::branch);
                    case "full_product_names" -> JsonWalk.objects(v, this::product);
                    case "relationships" -> JsonWalk.objects(v, r -> JsonWalk.fields(r, (key, x) -> {
                        if ("full_product_name".equals(key)) {
                            product(x);
                        }
                    }));
                    default -> v.skipChildren();
                }
            });
        }

        private void branch(final JsonParser p) throws IOException, ParseException {
            JsonWalk.fields(p, (name, v) -> {
                switch (name) {
                    case "product" -> product(v);
                    case "branches" -> JsonWalk.objects(v, this::branch);
                    default -> v.skipChildren();
                }
            });
        }

        private void product(final JsonParser p) throws IOException, ParseException {
            String[] f = new String[4]; // product_id, name, purl, cpe
            JsonWalk.fields(p, (name, v) -> {
                switch (name) {
                    case "product_id" -> f[0] = JsonReports.text(v);
                    case "name" -> f[1] = JsonReports.text(v);
                    case "product_identification_helper" -> JsonWalk.fields(v, (key, x) -> {
                        switch (key) {
                            case "purl" -> f[2] = JsonReports.text(x);
                            case "purls" -> {
                                List<String> purls = JsonWalk.strings(x);
                                f[2] = f[2] == null && !purls.isEmpty() ? purls.get(0) : f[2];
                            }
                            case "cpe" -> f[3] = JsonReports.text(x);
                            default -> x.skipChildren();
                        }
                    });
                    default -> v.skipChildren();
                }
            });
            if (f[0] != null && products.size() < MAX_PRODUCTS) {
                products.put(f[0], Values.firstNonBlank(f[2], f[3], f[1], f[0]));
            }
        }

        String product(final String id) {
            return products.getOrDefault(id, id);
        }
    }

    private static void vulnerability(final JsonParser p, final Tree tree, final String file,
            final EvidenceCollector collector, final List<VexStatement> statements) throws IOException, ParseException {
        String[] v = new String[3]; // cve, first id, title
        Map<String, List<String>> status = new LinkedHashMap<>(); // status -> product ids
        Map<String, CvssScores> scores = new HashMap<>();
        Map<String, String> words = new HashMap<>();
        Map<String, String> reasons = new HashMap<>();
        JsonWalk.fields(p, (name, x) -> {
            switch (name) {
                case "cve" -> v[0] = JsonReports.text(x);
                case "ids" -> JsonWalk.objects(x, id -> {
                    String text = JsonWalk.property(id, "text");
                    v[1] = v[1] == null ? text : v[1];
                });
                case "title" -> v[2] = JsonReports.text(x);
                case "product_status" -> JsonWalk.fields(x, (s, ids) -> status.put(s, JsonWalk.strings(ids)));
                case "scores" -> JsonWalk.objects(x, s -> score(s, scores, words));
                case "flags" -> JsonWalk.objects(x, f -> reason(f, "label", reasons));
                case "threats" -> JsonWalk.objects(x, t -> reason(t, "details", reasons));
                default -> x.skipChildren();
            }
        });
        String rule = Values.firstNonBlank(v[0], v[1], "");
        for (Map.Entry<String, List<String>> s : status.entrySet()) {
            boolean affected = AFFECTED.contains(s.getKey());
            boolean notAffected = NOT_AFFECTED.contains(s.getKey());
            if (!affected && !notAffected) {
                continue; // recommended: no statement about the product's state
            }
            for (String id : s.getValue()) {
                String product = tree.product(id);
                statements.add(new VexStatement(file, tree.publisher, rule, List.of(), List.of(product),
                        notAffected ? (s.getKey().contains("fixed") ? "fixed" : "not_affected")
                                : s.getKey().equals("under_investigation") ? "under_investigation" : "affected",
                        reasons.getOrDefault(id, reasons.getOrDefault("", "")), Times.parse(tree.released)));
                if (notAffected) {
                    collector.suppressedFinding();
                }
                else {
                    collector.openFinding(CvssScores.severity(words.get(id), scores.get(id)), rule,
                            Values.firstNonBlank(v[2], rule), CycloneDx.componentLocation(null, product, null, product));
                }
            }
        }
    }

    /** A score's word and CVSS base scores, for each product it names. */
    private static void score(final JsonParser p, final Map<String, CvssScores> scores, final Map<String, String> words)
            throws IOException, ParseException {
        List<String> products = new ArrayList<>();
        CvssScores cvss = new CvssScores();
        String[] word = new String[1];
        JsonWalk.fields(p, (name, v) -> {
            switch (name) {
                case "products" -> products.addAll(JsonWalk.strings(v));
                case "cvss_v3", "cvss_v2", "cvss_v4" -> JsonWalk.fields(v, (key, x) -> {
                    switch (key) {
                        case "baseScore" -> cvss.offer(name.substring(6), JsonReports.number(x));
                        case "baseSeverity" -> word[0] = word[0] == null ? JsonReports.text(x) : word[0];
                        default -> x.skipChildren();
                    }
                });
                default -> v.skipChildren();
            }
        });
        for (String product : products) {
            scores.putIfAbsent(product, cvss);
            if (word[0] != null) {
                words.putIfAbsent(product, word[0]);
            }
        }
    }

    /** A flag's label or a threat's details, as the reason for the products it names (all when it names none). */
    private static void reason(final JsonParser p, final String field, final Map<String, String> reasons)
            throws IOException, ParseException {
        String[] text = new String[1];
        List<String> products = new ArrayList<>();
        JsonWalk.fields(p, (name, v) -> {
            if (field.equals(name)) {
                text[0] = JsonReports.text(v);
            }
            else if ("product_ids".equals(name)) {
                products.addAll(JsonWalk.strings(v));
            }
            else {
                v.skipChildren();
            }
        });
        if (text[0] == null || text[0].isBlank()) {
            return;
        }
        for (String product : products.isEmpty() ? List.of("") : products) {
            reasons.merge(product, text[0].trim(), (a, b) -> a + ": " + b);
        }
    }
}
