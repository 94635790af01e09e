package io.jenkins.plugins.dsomm.ingest.parser;

import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
import io.jenkins.plugins.dsomm.evidence.Severity;
import io.jenkins.plugins.dsomm.ingest.EvidenceCollector;
import io.jenkins.plugins.dsomm.ingest.ParseException;
import io.jenkins.plugins.dsomm.ingest.ReportFormat;
import io.jenkins.plugins.dsomm.ingest.ReportParser;
import io.jenkins.plugins.dsomm.ingest.ReportSource;
import io.jenkins.plugins.dsomm.ingest.Sniff;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * PMD XML report (PMD 4 to 7; PMD 6+ in namespace {@code http://pmd.sourceforge.net/report/2.0.0}): root
 * {@code <pmd version timestamp>}, {@code <file name>} with {@code <violation rule ruleset priority>}. PMD is a
 * static analyser whose rule sets also check style, so the evidence is SAST and LINT. Every violation is an open
 * finding of rule {@code rule} at the file; every {@code <suppressedviolation>} (written with
 * {@code --show-suppressed}) is suppressed; processing and configuration errors are not findings. Severity from
 * {@code priority} (1 highest to 5): 1 and 2 → HIGH, 3 → MEDIUM, 4 and 5 → LOW, none → UNKNOWN. Tool "PMD",
 * version from {@code version}, time from {@code timestamp}.
 */
public final class PmdXmlParser implements ReportParser {
    private static final String ID = "pmd-xml";
    private static final ReportFormat FORMAT = ReportFormat.of(ID,
            "PMD XML report", ReportFormat.Family.XML, EvidenceKind.SAST, EvidenceKind.LINT);
    static final String NAMESPACE = "http://pmd.sourceforge.net/report/2.0.0";
    private static final int MAX_TEXT = 1000;

    @Override
    public ReportFormat format() {
        return FORMAT;
    }

    @Override
    public int detect(final Sniff sniff) {
        Sniff.XmlRoot root = sniff.xml();
        if (root == null || !"pmd".equals(root.name())) {
            return NO;
        }
        if (NAMESPACE.equals(root.namespace())) {
            return CERTAIN;
        }
        return root.attribute("version") != null || root.children().contains("file") ? LIKELY : WEAK;
    }

    @Override
    public Evidence parse(final ReportSource source) throws ParseException {
        String file = source.name();
        EvidenceCollector collector = new EvidenceCollector(ID, source).tool("PMD");
        collector.kind(EvidenceKind.SAST).kind(EvidenceKind.LINT);
        XmlWalk.read(source, ID, r -> {
            XmlWalk.toRoot(r);
            if (!"pmd".equals(r.getLocalName())) {
                throw XmlWalk.wrongRoot(r, file, ID, "a PMD report");
            }
            collector.toolVersion(XmlWalk.attribute(r, "version"));
            collector.producedAt(XmlWalk.attribute(r, "timestamp"));
            while (XmlWalk.nextChild(r)) {
                switch (r.getLocalName()) {
                    case "file" -> readFile(r, collector);
                    case "suppressedviolation" -> {
                        collector.suppressedFinding();
                        XmlWalk.skip(r);
                    }
                    default -> XmlWalk.skip(r); // error, configerror
                }
            }
        });
        return collector.build();
    }

    private static void readFile(final XMLStreamReader r, final EvidenceCollector collector)
            throws XMLStreamException {
        String name = XmlWalk.attribute(r, "name");
        collector.path(name);
        while (XmlWalk.nextChild(r)) {
            if ("violation".equals(r.getLocalName())) {
                String rule = XmlWalk.attribute(r, "rule");
                Severity severity = severity(XmlWalk.attribute(r, "priority"));
                String message = XmlWalk.text(r, MAX_TEXT);
                collector.openFinding(severity, rule, message.isEmpty() ? rule : message, name);
            }
            else {
                XmlWalk.skip(r);
            }
        }
    }

    static Severity severity(final String priority) {
        if (priority == null) {
            return Severity.UNKNOWN;
        }
        return switch (priority.trim()) {
            case "1", "2" -> Severity.HIGH;
            case "3" -> Severity.MEDIUM;
            case "4", "5" -> Severity.LOW;
            default -> Severity.UNKNOWN;
        };
    }
}
