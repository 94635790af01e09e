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

/**
 * CycloneDX JSON, spec versions 1.2 to 1.7. An SBOM: every component of {@code components}, nested
 * {@code components[].components[]} included, counts (the subject {@code metadata.component} does not, nor
 * pedigree ancestors or services). A BOM with vulnerabilities ({@code vulnerabilities[]}, 1.4+) is SCA evidence
 * too: each vulnerability counts once per {@code affects[].ref} (once when it has no {@code affects}), suppressed
 * when its VEX {@code analysis.state} is not_affected, false_positive, resolved or resolved_with_pedigree.
 * Severity from the ratings (see {@link CycloneDx.Ratings}). A VEX document (vulnerabilities, no components) is
 * SCA only. Tool: the first non-library tool of {@code metadata.tools} (1.2-1.4 array; 1.5+ object of
 * components and services); time: {@code metadata.timestamp}. Identity: vulnerability id + the affected
 * component's package URL without qualifiers (else group/name@version, else the reference).
 */
public final class CycloneDxJsonParser implements ReportParser {
    private static final String ID = "cyclonedx-json";
    private static final ReportFormat FORMAT = ReportFormat.of(ID,
            "CycloneDX JSON (1.2 to 1.7, SBOM and VEX)", ReportFormat.Family.JSON, EvidenceKind.SBOM,
            EvidenceKind.SCA);

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
        String format = json.value("bomFormat");
        if (format != null && format.equalsIgnoreCase("CycloneDX")) {
            return CERTAIN;
        }
        String schema = json.value("$schema");
        if (schema != null && schema.toLowerCase(Locale.ROOT).contains("cyclonedx.org/schema/bom")) {
            return CERTAIN;
        }
        String spec = json.value("specVersion");
        if (spec != null && spec.startsWith("1.") && (json.has("components") || json.has("metadata")
                || json.has("vulnerabilities"))) {
            return LIKELY;
        }
        return NO;
    }

    @Override
    public Evidence parse(final ReportSource source) throws ParseException {
        String file = source.name();
        EvidenceCollector collector = new EvidenceCollector(ID, source);
        CycloneDx.ToolChoice tool = new CycloneDx.ToolChoice();
        CycloneDx.Vulnerabilities vulnerabilities = new CycloneDx.Vulnerabilities();
        JsonWalk.read(source, ID, p -> {
            if (JsonWalk.emptyRoot(p, "a CycloneDX BOM object", file, ID)) {
                return; // nothing in it: read as an explicit format, an empty BOM
            }
            boolean marked = false;
            String field;
            while ((field = JsonWalk.nextField(p)) != null) {
                switch (field) {
                    case "bomFormat" -> {
                        String format = JsonReports.text(p);
                        if (format != null && !format.equalsIgnoreCase("CycloneDX")) {
                            throw new ParseException(file, ID, "not a CycloneDX BOM: bomFormat is \"" + format + "\"");
                        }
                        marked = true;
                    }
                    case "specVersion" -> {
                        JsonReports.text(p);
                        marked = true;
                    }
                    case "$schema" -> {
                        String schema = JsonReports.text(p);
                        marked |= schema != null && schema.toLowerCase(Locale.ROOT).contains("cyclonedx");
                    }
                    case "metadata" -> {
                        readMetadata(p, collector, tool, vulnerabilities);
                        vulnerabilities.countAtOnce(collector); // the subject is known: memory stays bounded
                    }
                    case "components" -> readComponents(p, CycloneDx.counting(collector));
                    case "vulnerabilities" -> {
                        marked = true;
                        readVulnerabilities(p, vulnerabilities);
                    }
                    default -> p.skipChildren();
                }
            }
            if (!marked) {
                throw new ParseException(file, ID, "not a CycloneDX BOM: no \"bomFormat\" or \"specVersion\"");
            }
        });
        return CycloneDx.finish(collector, tool, vulnerabilities, resolver -> secondPass(source, resolver));
    }

    /** The second pass: the components only. */
    private static void secondPass(final ReportSource source, final CycloneDx.ComponentVisitor resolver)
            throws ParseException {
        JsonWalk.read(source, ID, p -> {
            p.nextToken();
            String field;
            while ((field = JsonWalk.nextField(p)) != null) {
                if ("components".equals(field)) {
                    readComponents(p, resolver);
                }
                else {
                    p.skipChildren();
                }
            }
        });
    }

    private static void readMetadata(final JsonParser p, final EvidenceCollector collector,
            final CycloneDx.ToolChoice tool, final CycloneDx.Vulnerabilities vulnerabilities) throws IOException {
        if (!JsonWalk.enterObject(p)) {
            return;
        }
        String field;
        while ((field = JsonWalk.nextField(p)) != null) {
            switch (field) {
                case "timestamp" -> collector.producedAt(JsonReports.text(p));
                case "tools" -> readTools(p, tool);
                case "component" -> {
                    // the subject: not counted, but vulnerabilities may name it
                    if (JsonWalk.isObject(p)) {
                        readComponent(p, (ref, group, name, version, purl) -> vulnerabilities.resolve(ref,
                                CycloneDx.componentLocation(group, name, version, purl)), false);
                    }
                    else {
                        p.skipChildren();
                    }
                }
                default -> p.skipChildren();
            }
        }
    }

    /** 1.2-1.4: an array of {vendor, name, version}; 1.5+: {components: [...], services: [...]}. */
    private static void readTools(final JsonParser p, final CycloneDx.ToolChoice tool) throws IOException {
        if (p.currentToken() == JsonToken.START_ARRAY) {
            readToolArray(p, tool, false);
        }
        else if (JsonWalk.enterObject(p)) {
            String field;
            while ((field = JsonWalk.nextField(p)) != null) {
                if ("components".equals(field) || "services".equals(field)) {
                    readToolArray(p, tool, "services".equals(field));
                }
                else {
                    p.skipChildren();
                }
            }
        }
    }

    private static void readToolArray(final JsonParser p, final CycloneDx.ToolChoice tool, final boolean services)
            throws IOException {
        if (!JsonWalk.enterArray(p)) {
            return;
        }
        while (JsonWalk.nextItem(p)) {
            if (!JsonWalk.enterObject(p)) {
                continue;
            }
            String name = null;
            String version = null;
            String type = null;
            String field;
            while ((field = JsonWalk.nextField(p)) != null) {
                switch (field) {
                    case "name" -> name = JsonReports.text(p);
                    case "version" -> version = JsonReports.text(p);
                    case "type" -> type = JsonReports.text(p);
                    default -> p.skipChildren();
                }
            }
            tool.offer(name, version, type, services);
        }
    }

    private static void readComponents(final JsonParser p, final CycloneDx.ComponentVisitor visitor) throws IOException {
        if (!JsonWalk.enterArray(p)) {
            return;
        }
        while (JsonWalk.nextItem(p)) {
            if (JsonWalk.isObject(p)) {
                readComponent(p, visitor, true);
            }
            else {
                p.skipChildren();
            }
        }
    }

    private static void readComponent(final JsonParser p, final CycloneDx.ComponentVisitor visitor, final boolean nested)
            throws IOException {
        String ref = null;
        String group = null;
        String name = null;
        String version = null;
        String purl = null;
        String field;
        while ((field = JsonWalk.nextField(p)) != null) {
            switch (field) {
                case "bom-ref" -> ref = JsonReports.text(p);
                case "group" -> group = JsonReports.text(p);
                case "name" -> name = JsonReports.text(p);
                case "version" -> version = JsonReports.text(p);
                case "purl" -> purl = JsonReports.text(p);
                case "components" -> {
                    if (nested) {
                        readComponents(p, visitor);
                    }
                    else {
                        p.skipChildren();
                    }
                }
                default -> p.skipChildren();
            }
        }
        visitor.component(ref, group, name, version, purl);
    }

    private static void readVulnerabilities(final JsonParser p, final CycloneDx.Vulnerabilities vulnerabilities)
            throws IOException {
        if (!JsonWalk.enterArray(p)) {
            return;
        }
        while (JsonWalk.nextItem(p)) {
            if (!JsonWalk.enterObject(p)) {
                continue;
            }
            String id = null;
            String description = null;
            CycloneDx.Ratings ratings = new CycloneDx.Ratings();
            boolean suppressed = false;
            List<String> refs = new ArrayList<>();
            String field;
            while ((field = JsonWalk.nextField(p)) != null) {
                switch (field) {
                    case "id" -> id = JsonReports.text(p);
                    case "description" -> description = JsonReports.text(p);
                    case "ratings" -> readRatings(p, ratings);
                    case "analysis" -> suppressed = CycloneDx.isSuppressedState(readState(p));
                    case "affects" -> readAffects(p, refs);
                    default -> p.skipChildren();
                }
            }
            vulnerabilities.add(id, description, ratings.severity(), suppressed, refs);
        }
    }

    private static void readRatings(final JsonParser p, final CycloneDx.Ratings ratings) throws IOException {
        if (!JsonWalk.enterArray(p)) {
            return;
        }
        while (JsonWalk.nextItem(p)) {
            if (!JsonWalk.enterObject(p)) {
                continue;
            }
            String method = null;
            String severity = null;
            double score = Double.NaN;
            String field;
            while ((field = JsonWalk.nextField(p)) != null) {
                switch (field) {
                    case "method" -> method = JsonReports.text(p);
                    case "severity" -> severity = JsonReports.text(p);
                    case "score" -> score = JsonReports.number(p);
                    default -> p.skipChildren();
                }
            }
            ratings.add(method, severity, score);
        }
    }

    private static String readState(final JsonParser p) throws IOException {
        if (!JsonWalk.enterObject(p)) {
            return null;
        }
        String state = null;
        String field;
        while ((field = JsonWalk.nextField(p)) != null) {
            if ("state".equals(field)) {
                state = JsonReports.text(p);
            }
            else {
                p.skipChildren();
            }
        }
        return state;
    }

    private static void readAffects(final JsonParser p, final List<String> refs) throws IOException {
        if (!JsonWalk.enterArray(p)) {
            return;
        }
        while (JsonWalk.nextItem(p)) {
            if (!JsonWalk.enterObject(p)) {
                continue;
            }
            String field;
            while ((field = JsonWalk.nextField(p)) != null) {
                if ("ref".equals(field)) {
                    String ref = JsonReports.text(p);
                    if (ref != null && !ref.isBlank()) {
                        refs.add(ref);
                    }
                }
                else {
                    p.skipChildren();
                }
            }
        }
    }
}
