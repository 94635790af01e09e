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
 * PMD CPD (copy-paste detector) XML report: root {@code <pmd-cpd>} (PMD 7: namespace
 * {@code https://pmd-code.org/schema/cpd-report}, attributes {@code pmdVersion timestamp}), one
 * {@code <duplication lines tokens>} per duplicated fragment with a {@code <file path line>} per place. Evidence
 * kind DUPLICATION. Each duplication is one finding of rule {@code duplicated-code}, located at its first place;
 * CPD states no severity and a duplication is not a vulnerability, so it is INFO. Nothing is suppressed. Tool
 * "PMD CPD", version from {@code pmdVersion} (PMD 6 and older state none), time from {@code timestamp}.
 */
public final class CpdXmlParser implements ReportParser {
    private static final String ID = "cpd-xml";
    private static final ReportFormat FORMAT = ReportFormat.of(ID,
            "PMD CPD (copy-paste detector) XML", ReportFormat.Family.XML, EvidenceKind.DUPLICATION);
    static final String RULE = "duplicated-code";

    @Override
    public ReportFormat format() {
        return FORMAT;
    }

    @Override
    public int detect(final Sniff sniff) {
        Sniff.XmlRoot root = sniff.xml();
        return root != null && "pmd-cpd".equals(root.name()) ? CERTAIN : NO;
    }

    @Override
    public Evidence parse(final ReportSource source) throws ParseException {
        String file = source.name();
        EvidenceCollector collector = new EvidenceCollector(ID, source).tool("PMD CPD");
        collector.kind(EvidenceKind.DUPLICATION);
        XmlWalk.read(source, ID, r -> {
            XmlWalk.toRoot(r);
            if (!"pmd-cpd".equals(r.getLocalName())) {
                throw XmlWalk.wrongRoot(r, file, ID, "a CPD report");
            }
            collector.toolVersion(XmlWalk.attribute(r, "pmdVersion"));
            collector.producedAt(XmlWalk.attribute(r, "timestamp"));
            while (XmlWalk.nextChild(r)) {
                switch (r.getLocalName()) {
                    case "duplication" -> readDuplication(r, collector);
                    case "file" -> {
                        collector.path(XmlWalk.attribute(r, "path"));
                        XmlWalk.skip(r);
                    }
                    default -> XmlWalk.skip(r); // error
                }
            }
        });
        return collector.build();
    }

    private static void readDuplication(final XMLStreamReader r, final EvidenceCollector collector)
            throws XMLStreamException {
        String lines = XmlWalk.attribute(r, "lines");
        String tokens = XmlWalk.attribute(r, "tokens");
        String first = null;
        int places = 0;
        while (XmlWalk.nextChild(r)) {
            if ("file".equals(r.getLocalName())) {
                places++;
                String path = XmlWalk.attribute(r, "path");
                if (first == null) {
                    first = path;
                }
                else {
                    collector.path(path);
                }
            }
            XmlWalk.skip(r);
        }
        String title = (lines == null ? "?" : lines) + " lines (" + (tokens == null ? "?" : tokens)
                + " tokens) duplicated in " + places + " places";
        collector.openFinding(Severity.INFO, RULE, title, first);
    }
}
