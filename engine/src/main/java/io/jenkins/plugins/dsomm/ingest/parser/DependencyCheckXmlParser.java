package io.jenkins.plugins.dsomm.ingest.parser;

import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
import io.jenkins.plugins.dsomm.evidence.Facets;
import io.jenkins.plugins.dsomm.ingest.EvidenceCollector;
import io.jenkins.plugins.dsomm.ingest.JsonReports;
import io.jenkins.plugins.dsomm.ingest.ParseException;
import io.jenkins.plugins.dsomm.ingest.ReportFormat;
import io.jenkins.plugins.dsomm.ingest.ReportParser;
import io.jenkins.plugins.dsomm.ingest.ReportSource;
import io.jenkins.plugins.dsomm.ingest.Sniff;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.util.Locale;

/**
 * OWASP Dependency-Check XML report, schemas 1.x to 4.x (root {@code <analysis>} in namespace
 * {@code https://jeremylong.github.io/DependencyCheck/dependency-check.X.Y.xsd}). Same semantics as
 * {@link DependencyCheckJsonParser}: each {@code <vulnerability>} of a dependency is an open finding located at
 * the dependency's first package URL ({@code identifiers/package/id}) else its {@code fileName}; each
 * {@code <suppressedVulnerability>} (inside {@code <vulnerabilities>}, or in a {@code <suppressedVulnerabilities>}
 * list) is suppressed; {@code relatedDependencies} and suppressed identifiers do not count. Severity: the
 * vulnerability's own {@code <severity>} word, else {@code cvssV4/baseScore}, {@code cvssV3/baseScore},
 * {@code cvssV2/score} (schema 1.x {@code cvssScore}). An entity reference anywhere (XXE) is refused.
 */
public final class DependencyCheckXmlParser implements ReportParser {
    private static final String ID = "dependency-check-xml";
    private static final ReportFormat FORMAT = ReportFormat.of(ID,
            "OWASP Dependency-Check XML (schema 1.x to 4.x)", ReportFormat.Family.XML, EvidenceKind.SCA);
    private static final int MAX_TEXT = 2000;

    @Override
    public ReportFormat format() {
        return FORMAT;
    }

    @Override
    public int detect(final Sniff sniff) {
        Sniff.XmlRoot root = sniff.xml();
        if (root == null || !"analysis".equals(root.name())) {
            return NO;
        }
        if (root.namespace().startsWith(DependencyCheck.XML_NAMESPACE_PREFIX)) {
            return CERTAIN;
        }
        return root.children().contains("scanInfo") && root.children().contains("projectInfo") ? LIKELY : NO;
    }

    @Override
    public Evidence parse(final ReportSource source) throws ParseException {
        String file = source.name();
        EvidenceCollector collector = new EvidenceCollector(ID, source);
        DependencyCheck.start(collector);
        XmlWalk.read(source, ID, r -> {
            XmlWalk.toRoot(r);
            if (!"analysis".equals(r.getLocalName())) {
                throw new ParseException(file, ID, "not a Dependency-Check report: the root element is <"
                        + r.getLocalName() + ">", r.getLocation().getLineNumber(), r.getLocation().getColumnNumber(),
                        null);
            }
            while (XmlWalk.nextChild(r)) {
                switch (r.getLocalName()) {
                    case "scanInfo" -> readScanInfo(r, collector);
                    case "projectInfo" -> readProjectInfo(r, collector);
                    case "dependencies" -> readDependencies(r, collector);
                    default -> XmlWalk.skip(r);
                }
            }
        });
        return collector.build();
    }

    private static void readScanInfo(final XMLStreamReader r, final EvidenceCollector collector)
            throws XMLStreamException {
        while (XmlWalk.nextChild(r)) {
            if ("engineVersion".equals(r.getLocalName())) {
                collector.toolVersion(XmlWalk.text(r, 100));
            }
            else {
                XmlWalk.skip(r);
            }
        }
    }

    private static void readProjectInfo(final XMLStreamReader r, final EvidenceCollector collector)
            throws XMLStreamException {
        while (XmlWalk.nextChild(r)) {
            if ("reportDate".equals(r.getLocalName())) {
                collector.producedAt(XmlWalk.text(r, 100));
            }
            else {
                XmlWalk.skip(r);
            }
        }
    }

    private static void readDependencies(final XMLStreamReader r, final EvidenceCollector collector)
            throws XMLStreamException {
        while (XmlWalk.nextChild(r)) {
            if (!"dependency".equals(r.getLocalName())) {
                XmlWalk.skip(r);
                continue;
            }
            DependencyCheck.Dependency dependency = new DependencyCheck.Dependency();
            while (XmlWalk.nextChild(r)) {
                switch (r.getLocalName()) {
                    case "fileName" -> dependency.fileName(XmlWalk.text(r, MAX_TEXT));
                    case "identifiers" -> readIdentifiers(r, dependency, collector);
                    case "vulnerabilities" -> readVulnerabilities(r, dependency, false);
                    case "suppressedVulnerabilities" -> readVulnerabilities(r, dependency, true);
                    default -> XmlWalk.skip(r);
                }
            }
            dependency.emit(collector);
        }
    }

    /**
     * {@code <package><id>} (schema 2+), {@code <identifier type><name>} (schema 1.x; a package URL, or a type
     * that names the ecosystem); nested {@code <identifiers>} are read too. Suppressed identifiers are not
     * packages.
     */
    private static void readIdentifiers(final XMLStreamReader r, final DependencyCheck.Dependency dependency,
            final EvidenceCollector collector) throws XMLStreamException {
        while (XmlWalk.nextChild(r)) {
            switch (r.getLocalName()) {
                case "identifiers" -> readIdentifiers(r, dependency, collector);
                case "package" -> dependency.packageId(childText(r, "id"), collector);
                case "identifier" -> {
                    String type = XmlWalk.attribute(r, "type");
                    String name = childText(r, "name");
                    dependency.packageId(name, collector);
                    if (type != null && !type.equalsIgnoreCase("cpe")) {
                        collector.facet(Facets.fromEcosystem(type.toLowerCase(Locale.ROOT)));
                    }
                }
                default -> XmlWalk.skip(r);
            }
        }
    }

    private static String childText(final XMLStreamReader r, final String child) throws XMLStreamException {
        String value = null;
        while (XmlWalk.nextChild(r)) {
            if (value == null && child.equals(r.getLocalName())) {
                value = XmlWalk.text(r, MAX_TEXT);
            }
            else {
                XmlWalk.skip(r);
            }
        }
        return value;
    }

    /**
     * {@code <vulnerability>} elements are open unless the list is a {@code <suppressedVulnerabilities>} list;
     * {@code <suppressedVulnerability>} elements are always suppressed.
     */
    private static void readVulnerabilities(final XMLStreamReader r, final DependencyCheck.Dependency dependency,
            final boolean suppressedList) throws XMLStreamException {
        while (XmlWalk.nextChild(r)) {
            String local = r.getLocalName();
            if ("suppressedVulnerability".equals(local) || suppressedList && "vulnerability".equals(local)) {
                XmlWalk.skip(r);
                dependency.suppressedVulnerability();
            }
            else if ("vulnerability".equals(local)) {
                readVulnerability(r, dependency);
            }
            else {
                XmlWalk.skip(r);
            }
        }
    }

    private static void readVulnerability(final XMLStreamReader r, final DependencyCheck.Dependency dependency)
            throws XMLStreamException {
        String name = null;
        String severity = null;
        String description = null;
        double v2 = Double.NaN;
        double v3 = Double.NaN;
        double v4 = Double.NaN;
        while (XmlWalk.nextChild(r)) {
            switch (r.getLocalName()) {
                case "name" -> name = XmlWalk.text(r, MAX_TEXT);
                case "severity" -> severity = XmlWalk.text(r, 100);
                case "description" -> description = XmlWalk.text(r, 1000);
                case "cvssScore" -> v2 = JsonReports.parseNumber(XmlWalk.text(r, 100)); // schema 1.x
                case "cvssV2" -> v2 = JsonReports.parseNumber(childText(r, "score"));
                case "cvssV3" -> v3 = JsonReports.parseNumber(childText(r, "baseScore"));
                case "cvssV4" -> v4 = JsonReports.parseNumber(childText(r, "baseScore"));
                default -> XmlWalk.skip(r);
            }
        }
        dependency.vulnerability(name, DependencyCheck.severity(severity, v4, v3, v2), description);
    }
}
