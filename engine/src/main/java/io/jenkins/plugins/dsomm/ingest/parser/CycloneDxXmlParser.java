package io.jenkins.plugins.dsomm.ingest.parser;

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

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.util.ArrayList;
import java.util.List;

/**
 * CycloneDX XML, spec versions 1.0 to 1.7 (root {@code <bom>} in namespace
 * {@code http://cyclonedx.org/schema/bom/1.x}). Same semantics as {@link CycloneDxJsonParser}: components
 * counted with nested ones, the subject not; vulnerabilities of 1.4+ ({@code <vulnerabilities>} of the BOM, one
 * finding per {@code affects/target/ref}) and of the CycloneDX 1.2 vulnerability extension
 * ({@code http://cyclonedx.org/schema/ext/vulnerability/1.0}, as Grype 0.7 writes it: {@code v:vulnerabilities}
 * inside a component, one finding per {@code v:vulnerability}, located at that component; or at BOM level beside
 * {@code <components>}, each naming its component by {@code ref}) make it SCA evidence
 * too. Tool: {@code metadata/tools/tool} (up to 1.4) or {@code metadata/tools/components/component} (1.5+).
 */
public final class CycloneDxXmlParser implements ReportParser {
    private static final String ID = "cyclonedx-xml";
    private static final ReportFormat FORMAT = ReportFormat.of(ID,
            "CycloneDX XML (1.0 to 1.7, SBOM and VEX, 1.2 vulnerability extension)", ReportFormat.Family.XML,
            EvidenceKind.SBOM, EvidenceKind.SCA);
    private static final int MAX_TEXT = 2000;
    private static final int MAX_DESCRIPTION = 1000;

    @Override
    public ReportFormat format() {
        return FORMAT;
    }

    @Override
    public int detect(final Sniff sniff) {
        Sniff.XmlRoot root = sniff.xml();
        if (root == null || !"bom".equals(root.name())) {
            return NO;
        }
        if (root.namespace().startsWith(CycloneDx.XML_NAMESPACE_PREFIX)) {
            return CERTAIN;
        }
        return root.namespace().isEmpty()
                && (root.children().contains("components") || root.children().contains("metadata")) ? LIKELY : NO;
    }

    @Override
    public Evidence parse(final ReportSource source) throws ParseException {
        String file = source.name();
        EvidenceCollector collector = new EvidenceCollector(ID, source);
        CycloneDx.ToolChoice tool = new CycloneDx.ToolChoice();
        CycloneDx.Vulnerabilities vulnerabilities = new CycloneDx.Vulnerabilities();
        XmlWalk.read(source, ID, r -> {
            XmlWalk.toRoot(r);
            checkRoot(r, file);
            while (XmlWalk.nextChild(r)) {
                switch (r.getLocalName()) {
                    case "metadata" -> readMetadata(r, collector, tool, vulnerabilities);
                    case "components" -> readComponents(r, CycloneDx.counting(collector), vulnerabilities);
                    case "vulnerabilities" -> {
                        if (isExtension(r.getNamespaceURI())) {
                            readBomLevelExtension(r, vulnerabilities);
                        }
                        else if (isBomNamespace(r.getNamespaceURI())) {
                            readVulnerabilities(r, vulnerabilities);
                        }
                        else {
                            XmlWalk.skip(r);
                        }
                    }
                    default -> XmlWalk.skip(r);
                }
            }
        });
        return CycloneDx.finish(collector, tool, vulnerabilities, resolver -> secondPass(source, resolver));
    }

    private static void checkRoot(final XMLStreamReader r, final String file) throws ParseException {
        String ns = r.getNamespaceURI() == null ? "" : r.getNamespaceURI();
        if (!"bom".equals(r.getLocalName()) || !isBomNamespace(ns)) {
            throw new ParseException(file, ID, "not a CycloneDX BOM: the root element is <" + r.getLocalName() + ">"
                    + (ns.isEmpty() ? "" : " in namespace " + ns), r.getLocation().getLineNumber(),
                    r.getLocation().getColumnNumber(), null);
        }
    }

    private static boolean isBomNamespace(final String ns) {
        return ns == null || ns.isEmpty() || ns.startsWith(CycloneDx.XML_NAMESPACE_PREFIX);
    }

    private static boolean isExtension(final String ns) {
        return ns != null && ns.startsWith(CycloneDx.VULNERABILITY_EXTENSION);
    }

    /** The second pass: the components only. */
    private static void secondPass(final ReportSource source, final CycloneDx.ComponentVisitor resolver)
            throws ParseException {
        XmlWalk.read(source, ID, r -> {
            XmlWalk.toRoot(r);
            while (XmlWalk.nextChild(r)) {
                if ("components".equals(r.getLocalName())) {
                    readComponents(r, resolver, null);
                }
                else {
                    XmlWalk.skip(r);
                }
            }
        });
    }

    private static void readMetadata(final XMLStreamReader r, final EvidenceCollector collector,
            final CycloneDx.ToolChoice tool, final CycloneDx.Vulnerabilities vulnerabilities)
            throws XMLStreamException {
        while (XmlWalk.nextChild(r)) {
            switch (r.getLocalName()) {
                case "timestamp" -> collector.producedAt(XmlWalk.text(r, 100));
                case "tools" -> readTools(r, tool);
                // the subject: not counted, but vulnerabilities may name it
                case "component" -> readComponent(r, (ref, group, name, version, purl) -> vulnerabilities.resolve(ref,
                        CycloneDx.componentLocation(group, name, version, purl)), null, false);
                default -> XmlWalk.skip(r);
            }
        }
    }

    /** Up to 1.4: {@code <tool>} elements; 1.5+: {@code <components>} and {@code <services>}. */
    private static void readTools(final XMLStreamReader r, final CycloneDx.ToolChoice tool)
            throws XMLStreamException {
        while (XmlWalk.nextChild(r)) {
            switch (r.getLocalName()) {
                case "tool", "component", "service" -> readTool(r, tool, "service".equals(r.getLocalName()));
                case "components", "services" -> readTools(r, tool);
                default -> XmlWalk.skip(r);
            }
        }
    }

    private static void readTool(final XMLStreamReader r, final CycloneDx.ToolChoice tool, final boolean service)
            throws XMLStreamException {
        String type = XmlWalk.attribute(r, "type");
        String name = null;
        String version = null;
        while (XmlWalk.nextChild(r)) {
            switch (r.getLocalName()) {
                case "name" -> name = XmlWalk.text(r, MAX_TEXT);
                case "version" -> version = XmlWalk.text(r, MAX_TEXT);
                default -> XmlWalk.skip(r);
            }
        }
        tool.offer(name, version, type, service);
    }

    /**
     * Reads {@code <components>}; {@code extensionSink} receives the vulnerabilities of the 1.2 extension (null
     * when they are not wanted).
     */
    private static void readComponents(final XMLStreamReader r, final CycloneDx.ComponentVisitor visitor,
            final CycloneDx.Vulnerabilities extensionSink) throws XMLStreamException {
        while (XmlWalk.nextChild(r)) {
            if ("component".equals(r.getLocalName())) {
                readComponent(r, visitor, extensionSink, true);
            }
            else {
                XmlWalk.skip(r);
            }
        }
    }

    private static void readComponent(final XMLStreamReader r, final CycloneDx.ComponentVisitor visitor,
            final CycloneDx.Vulnerabilities extensionSink, final boolean nested) throws XMLStreamException {
        String ref = XmlWalk.attribute(r, "bom-ref");
        String group = null;
        String name = null;
        String version = null;
        String purl = null;
        List<ExtensionVulnerability> extension = new ArrayList<>();
        while (XmlWalk.nextChild(r)) {
            String local = r.getLocalName();
            if (isExtension(r.getNamespaceURI())) {
                if (extensionSink != null && "vulnerabilities".equals(local)) {
                    readExtensionVulnerabilities(r, extension);
                }
                else {
                    XmlWalk.skip(r);
                }
                continue;
            }
            switch (local) {
                case "group" -> group = XmlWalk.text(r, MAX_TEXT);
                case "name" -> name = XmlWalk.text(r, MAX_TEXT);
                case "version" -> version = XmlWalk.text(r, MAX_TEXT);
                case "purl" -> purl = XmlWalk.text(r, MAX_TEXT);
                case "components" -> {
                    if (nested) {
                        readComponents(r, visitor, extensionSink);
                    }
                    else {
                        XmlWalk.skip(r);
                    }
                }
                default -> XmlWalk.skip(r);
            }
        }
        visitor.component(ref, group, name, version, purl);
        if (extensionSink != null) {
            String location = CycloneDx.componentLocation(group, name, version, purl);
            for (ExtensionVulnerability v : extension) {
                extensionSink.addLocated(v.id(), v.description(), v.severity(), location);
            }
        }
    }

    /**
     * The 1.2 extension's {@code <v:vulnerabilities>} beside {@code <components>}: each vulnerability names the
     * component it affects by its {@code ref} attribute (a bom-ref), resolved like a 1.4 {@code affects} ref.
     */
    private static void readBomLevelExtension(final XMLStreamReader r, final CycloneDx.Vulnerabilities vulnerabilities)
            throws XMLStreamException {
        List<ExtensionVulnerability> read = new ArrayList<>();
        readExtensionVulnerabilities(r, read);
        for (ExtensionVulnerability v : read) {
            vulnerabilities.add(v.id(), v.description(), v.severity(), false,
                    v.ref() == null || v.ref().isBlank() ? List.of() : List.of(v.ref()));
        }
    }

    /** A vulnerability of the 1.2 extension, kept until its component is read to the end. */
    private record ExtensionVulnerability(String id, String description, Severity severity, String ref) {
    }

    private static void readExtensionVulnerabilities(final XMLStreamReader r, final List<ExtensionVulnerability> out)
            throws XMLStreamException {
        while (XmlWalk.nextChild(r)) {
            if (!"vulnerability".equals(r.getLocalName())) {
                XmlWalk.skip(r);
                continue;
            }
            String ref = XmlWalk.attribute(r, "ref");
            String id = null;
            String description = null;
            CycloneDx.Ratings ratings = new CycloneDx.Ratings();
            while (XmlWalk.nextChild(r)) {
                switch (r.getLocalName()) {
                    case "id" -> id = XmlWalk.text(r, MAX_TEXT);
                    case "description" -> description = XmlWalk.text(r, MAX_DESCRIPTION);
                    case "ratings" -> readRatings(r, ratings);
                    default -> XmlWalk.skip(r);
                }
            }
            out.add(new ExtensionVulnerability(id, description, ratings.severity(), ref));
        }
    }

    /** 1.4+: {@code <vulnerabilities>} of the BOM. */
    private static void readVulnerabilities(final XMLStreamReader r, final CycloneDx.Vulnerabilities vulnerabilities)
            throws XMLStreamException {
        while (XmlWalk.nextChild(r)) {
            if (!"vulnerability".equals(r.getLocalName())) {
                XmlWalk.skip(r);
                continue;
            }
            String id = null;
            String description = null;
            CycloneDx.Ratings ratings = new CycloneDx.Ratings();
            boolean suppressed = false;
            List<String> refs = new ArrayList<>();
            while (XmlWalk.nextChild(r)) {
                switch (r.getLocalName()) {
                    case "id" -> id = XmlWalk.text(r, MAX_TEXT);
                    case "description" -> description = XmlWalk.text(r, MAX_DESCRIPTION);
                    case "ratings" -> readRatings(r, ratings);
                    case "analysis" -> suppressed = CycloneDx.isSuppressedState(readState(r));
                    case "affects" -> readAffects(r, refs);
                    default -> XmlWalk.skip(r);
                }
            }
            vulnerabilities.add(id, description, ratings.severity(), suppressed, refs);
        }
    }

    /** {@code <ratings><rating>}: score (1.4+ text, extension {@code <score><base>}), severity, method. */
    private static void readRatings(final XMLStreamReader r, final CycloneDx.Ratings ratings)
            throws XMLStreamException {
        while (XmlWalk.nextChild(r)) {
            if (!"rating".equals(r.getLocalName())) {
                XmlWalk.skip(r);
                continue;
            }
            String method = null;
            String severity = null;
            double score = Double.NaN;
            while (XmlWalk.nextChild(r)) {
                switch (r.getLocalName()) {
                    case "method" -> method = XmlWalk.text(r, 100);
                    case "severity" -> severity = XmlWalk.text(r, 100);
                    case "score" -> score = JsonReports.parseNumber(XmlWalk.textOrChildText(r, "base", 100));
                    default -> XmlWalk.skip(r);
                }
            }
            ratings.add(method, severity, score);
        }
    }

    private static String readState(final XMLStreamReader r) throws XMLStreamException {
        String state = null;
        while (XmlWalk.nextChild(r)) {
            if ("state".equals(r.getLocalName())) {
                state = XmlWalk.text(r, 100);
            }
            else {
                XmlWalk.skip(r);
            }
        }
        return state;
    }

    /** {@code <affects><target><ref>}. */
    private static void readAffects(final XMLStreamReader r, final List<String> refs) throws XMLStreamException {
        while (XmlWalk.nextChild(r)) {
            if (!"target".equals(r.getLocalName())) {
                XmlWalk.skip(r);
                continue;
            }
            while (XmlWalk.nextChild(r)) {
                if ("ref".equals(r.getLocalName())) {
                    String ref = XmlWalk.text(r, MAX_TEXT);
                    if (!ref.isBlank()) {
                        refs.add(ref);
                    }
                }
                else {
                    XmlWalk.skip(r);
                }
            }
        }
    }
}
