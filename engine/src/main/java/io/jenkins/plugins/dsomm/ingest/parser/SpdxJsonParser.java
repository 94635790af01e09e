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
import java.util.Locale;

/**
 * SPDX 2.x JSON (2.2 and 2.3). An SBOM whose components are the {@code packages}, without the package(s) the
 * document describes unless it describes all of them (see {@link Spdx}); a package's package URL is its
 * {@code externalRefs} entry with {@code referenceType} purl. Tool: the first {@code creationInfo.creators} entry
 * {@code Tool: name-version}; time: {@code creationInfo.created}. Read in two passes (what the document describes
 * may come after the packages), each streamed.
 */
public final class SpdxJsonParser implements ReportParser {
    private static final String ID = "spdx-json";
    private static final ReportFormat FORMAT = ReportFormat.of(ID,
            "SPDX 2.2/2.3 JSON", ReportFormat.Family.JSON, EvidenceKind.SBOM);

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
        String version = json.value("spdxVersion");
        if (version != null && version.toUpperCase(Locale.ROOT).startsWith("SPDX-2")) {
            return CERTAIN;
        }
        return version != null && json.has("SPDXID") ? LIKELY : NO;
    }

    @Override
    public Evidence parse(final ReportSource source) throws ParseException {
        String file = source.name();
        EvidenceCollector collector = new EvidenceCollector(ID, source);
        Spdx.Document document = new Spdx.Document();
        boolean[] hasPackages = new boolean[1];
        JsonWalk.read(source, ID, p -> {
            if (JsonWalk.emptyRoot(p, "an SPDX document object", file, ID)) {
                return; // nothing in it: read as an explicit format, an empty SBOM
            }
            String version = null;
            String field;
            while ((field = JsonWalk.nextField(p)) != null) {
                switch (field) {
                    case "spdxVersion" -> version = JsonReports.text(p);
                    case "SPDXID" -> document.documentId(JsonReports.text(p));
                    case "creationInfo" -> readCreationInfo(p, collector, document);
                    case "documentDescribes" -> readDescribes(p, document);
                    case "relationships" -> readRelationships(p, document);
                    case "packages" -> {
                        hasPackages[0] = true;
                        p.skipChildren(); // second pass
                    }
                    default -> p.skipChildren();
                }
            }
            if (version == null) {
                throw new ParseException(file, ID, "not an SPDX 2 document: no \"spdxVersion\"");
            }
        });
        document.applyTo(collector);
        if (hasPackages[0]) {
            readPackages(source, new Spdx.Packages(document.described(), collector));
        }
        return collector.build();
    }

    private static void readCreationInfo(final JsonParser p, final EvidenceCollector collector,
            final Spdx.Document document) throws IOException {
        if (!JsonWalk.enterObject(p)) {
            return;
        }
        String field;
        while ((field = JsonWalk.nextField(p)) != null) {
            switch (field) {
                case "created" -> collector.producedAt(JsonReports.text(p));
                case "creators" -> {
                    if (JsonWalk.enterArray(p)) {
                        while (JsonWalk.nextItem(p)) {
                            document.creator(JsonReports.text(p));
                        }
                    }
                }
                default -> p.skipChildren();
            }
        }
    }

    private static void readDescribes(final JsonParser p, final Spdx.Document document) throws IOException {
        if (JsonWalk.enterArray(p)) {
            while (JsonWalk.nextItem(p)) {
                document.describes(JsonReports.text(p));
            }
        }
    }

    private static void readRelationships(final JsonParser p, final Spdx.Document document) throws IOException {
        if (!JsonWalk.enterArray(p)) {
            return;
        }
        while (JsonWalk.nextItem(p)) {
            if (!JsonWalk.enterObject(p)) {
                continue;
            }
            String element = null;
            String type = null;
            String related = null;
            String field;
            while ((field = JsonWalk.nextField(p)) != null) {
                switch (field) {
                    case "spdxElementId" -> element = JsonReports.text(p);
                    case "relationshipType" -> type = JsonReports.text(p);
                    case "relatedSpdxElement" -> related = JsonReports.text(p);
                    default -> p.skipChildren();
                }
            }
            document.relationship(element, type, related);
        }
    }

    /** Second pass: the packages. */
    private static void readPackages(final ReportSource source, final Spdx.Packages packages) throws ParseException {
        JsonWalk.read(source, ID, p -> {
            p.nextToken();
            String field;
            while ((field = JsonWalk.nextField(p)) != null) {
                if (!"packages".equals(field) || !JsonWalk.enterArray(p)) {
                    p.skipChildren();
                    continue;
                }
                while (JsonWalk.nextItem(p)) {
                    if (JsonWalk.enterObject(p)) {
                        readPackage(p, packages);
                    }
                }
            }
        });
        packages.finish();
    }

    private static void readPackage(final JsonParser p, final Spdx.Packages packages) throws IOException {
        String id = null;
        String name = null;
        String purl = null;
        String field;
        while ((field = JsonWalk.nextField(p)) != null) {
            switch (field) {
                case "SPDXID" -> id = JsonReports.text(p);
                case "name" -> name = JsonReports.text(p);
                case "externalRefs" -> {
                    String found = readPurl(p);
                    if (purl == null) {
                        purl = found;
                    }
                }
                default -> p.skipChildren();
            }
        }
        packages.add(id, name, purl);
    }

    /** The first externalRefs entry of type purl, or null. */
    private static String readPurl(final JsonParser p) throws IOException {
        if (!JsonWalk.enterArray(p)) {
            return null;
        }
        String purl = null;
        while (JsonWalk.nextItem(p)) {
            if (!JsonWalk.enterObject(p)) {
                continue;
            }
            String type = null;
            String locator = null;
            String field;
            while ((field = JsonWalk.nextField(p)) != null) {
                switch (field) {
                    case "referenceType" -> type = JsonReports.text(p);
                    case "referenceLocator" -> locator = JsonReports.text(p);
                    default -> p.skipChildren();
                }
            }
            if (purl == null && "purl".equalsIgnoreCase(type == null ? null : type.trim())) {
                purl = locator;
            }
        }
        return purl;
    }
}
