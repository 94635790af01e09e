package io.jenkins.plugins.dsomm.ingest.parser;

import com.fasterxml.jackson.core.JsonParser;
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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * SPDX 3.0 JSON-LD ({@code {"@context": "https://spdx.org/rdf/3.0.x/spdx-context.jsonld", "@graph": [elements]}}).
 * An SBOM whose components are the {@code software_Package} elements, without those the document describes (its
 * {@code rootElement}, or the targets of a {@code describes} relationship from it) unless it describes all of them,
 * as for SPDX 2 ({@link Spdx}). A package's package URL is its {@code software_packageUrl}, else an
 * {@code externalIdentifier} of type {@code packageUrl}. Tool: the first {@code Tool} element the creation info
 * names in {@code createdUsing} (else the first Tool), its name split into name and version as for SPDX 2; time:
 * {@code created} of the creation info. Security-profile elements (vulnerabilities and their assessments) are not
 * read yet: a document holding them is refused with that said, rather than read as a scan without findings. Read in
 * two passes (what the document describes may come after the packages), each streamed.
 */
public final class Spdx3JsonParser implements ReportParser {
    private static final String ID = "spdx3-json";
    private static final ReportFormat FORMAT = ReportFormat.of(ID,
            "SPDX 3.0 JSON-LD", ReportFormat.Family.JSON, EvidenceKind.SBOM);
    private static final String CONTEXT = "spdx.org/rdf/3";
    private static final String PACKAGE = "software_Package";
    private static final int MAX_TOOLS = 1000;

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
        if (context == null) {
            context = json.value("@context[0]");
        }
        return context != null && context.toLowerCase(Locale.ROOT).contains(CONTEXT) ? CERTAIN : NO;
    }

    @Override
    public Evidence parse(final ReportSource source) throws ParseException {
        String file = source.name();
        EvidenceCollector collector = new EvidenceCollector(ID, source);
        Spdx.Document document = new Spdx.Document();
        First first = new First();
        JsonWalk.read(source, ID, p -> {
            if (JsonWalk.emptyRoot(p, "an SPDX 3 document object", file, ID)) {
                return;
            }
            String field;
            while ((field = JsonWalk.nextField(p)) != null) {
                if ("@graph".equals(field)) {
                    first.graph = true;
                    JsonWalk.objects(p, element -> first.element(element, document));
                }
                else {
                    p.skipChildren();
                }
            }
            if (!first.graph) {
                throw new ParseException(file, ID, "not an SPDX 3 document: no \"@graph\" of elements");
            }
        });
        if (first.security > 0) {
            throw new ParseException(file, ID, "holds " + first.security + " security-profile element(s) "
                    + "(vulnerabilities, vulnerability assessments), which DSOMM Gate does not read from SPDX 3 yet: "
                    + "refused rather than read as a scan without findings");
        }
        String tool = first.tool();
        if (tool != null) {
            document.creator("Tool: " + tool);
        }
        collector.producedAt(first.created);
        document.applyTo(collector);
        if (first.packages > 0) {
            Spdx.Packages packages = new Spdx.Packages(document.described(), collector);
            JsonWalk.read(source, ID, p -> {
                p.nextToken();
                String field;
                while ((field = JsonWalk.nextField(p)) != null) {
                    if ("@graph".equals(field)) {
                        JsonWalk.objects(p, element -> readPackage(element, packages));
                    }
                    else {
                        p.skipChildren();
                    }
                }
            });
            packages.finish();
        }
        return collector.build();
    }

    /** What the first pass keeps: the described elements (in the document), tools, creation time, counts. */
    private static final class First {
        private boolean graph;
        private int packages;
        private int security;
        private String created;
        private final List<String> createdUsing = new ArrayList<>();
        private final Map<String, String> tools = new HashMap<>();
        private String firstTool;

        void element(final JsonParser p, final Spdx.Document document) throws IOException, ParseException {
            String[] e = new String[3]; // type, id, name
            List<String> roots = new ArrayList<>();
            List<String> to = new ArrayList<>();
            String[] relation = new String[2]; // from, relationshipType
            JsonWalk.fields(p, (name, v) -> {
                switch (name) {
                    case "type", "@type" -> e[0] = JsonReports.text(v);
                    case "spdxId", "@id" -> e[1] = e[1] == null ? JsonReports.text(v) : e[1];
                    case "name" -> e[2] = JsonReports.text(v);
                    case "rootElement" -> roots.addAll(idsOf(v));
                    case "from" -> relation[0] = JsonReports.text(v);
                    case "relationshipType" -> relation[1] = JsonReports.text(v);
                    case "to" -> to.addAll(idsOf(v));
                    case "created" -> created = created == null ? JsonReports.text(v) : created;
                    case "createdUsing" -> createdUsing.addAll(idsOf(v));
                    case "creationInfo" -> {
                        if (JsonWalk.isObject(v)) {
                            element(v, document); // an inline creation info
                        }
                    }
                    default -> v.skipChildren();
                }
            });
            String type = e[0] == null ? "" : e[0];
            if (type.equals(PACKAGE)) {
                packages++;
            }
            else if (type.equals("SpdxDocument")) {
                document.documentId(e[1]);
                roots.forEach(document::describes);
            }
            else if (type.equals("Relationship") || type.equals("LifecycleScopedRelationship")) {
                for (String target : to) {
                    document.relationship(relation[0], relation[1], target);
                }
            }
            else if (type.equals("Tool") && e[2] != null) {
                firstTool = firstTool == null ? e[2] : firstTool;
                if (e[1] != null && tools.size() < MAX_TOOLS) {
                    tools.put(e[1], e[2]);
                }
            }
            else if (type.startsWith("security_")) {
                security++;
            }
        }

        /** The tool the creation info names, else the first Tool element. */
        String tool() {
            for (String id : createdUsing) {
                String name = tools.get(id);
                if (name != null) {
                    return name;
                }
            }
            return firstTool;
        }
    }

    /** The strings of an array, or the one string, the parser is on. */
    private static List<String> idsOf(final JsonParser p) throws IOException, ParseException {
        List<String> ids = new ArrayList<>();
        if (JsonWalk.isObject(p)) {
            p.skipChildren();
        }
        else if (p.currentToken() == com.fasterxml.jackson.core.JsonToken.START_ARRAY) {
            ids.addAll(JsonWalk.strings(p));
        }
        else {
            String one = JsonReports.text(p);
            if (one != null) {
                ids.add(one);
            }
        }
        return ids;
    }

    private static void readPackage(final JsonParser p, final Spdx.Packages packages)
            throws IOException, ParseException {
        String[] f = new String[4]; // type, id, name, purl
        JsonWalk.fields(p, (name, v) -> {
            switch (name) {
                case "type", "@type" -> f[0] = JsonReports.text(v);
                case "spdxId", "@id" -> f[1] = f[1] == null ? JsonReports.text(v) : f[1];
                case "name" -> f[2] = JsonReports.text(v);
                case "software_packageUrl" -> f[3] = JsonReports.text(v);
                case "externalIdentifier" -> {
                    String purl = packageUrl(v);
                    if (f[3] == null) {
                        f[3] = purl;
                    }
                }
                default -> v.skipChildren();
            }
        });
        if (PACKAGE.equals(f[0])) {
            packages.add(f[1], f[2], f[3]);
        }
    }

    /** The identifier of the first external identifier of type packageUrl, or null. */
    private static String packageUrl(final JsonParser p) throws IOException, ParseException {
        String[] purl = new String[1];
        JsonWalk.objects(p, item -> {
            String[] t = new String[2];
            JsonWalk.fields(item, (name, v) -> {
                switch (name) {
                    case "externalIdentifierType" -> t[0] = JsonReports.text(v);
                    case "identifier" -> t[1] = JsonReports.text(v);
                    default -> v.skipChildren();
                }
            });
            if (purl[0] == null && "packageUrl".equalsIgnoreCase(t[0] == null ? "" : t[0].trim())) {
                purl[0] = t[1];
            }
        });
        return purl[0];
    }
}
