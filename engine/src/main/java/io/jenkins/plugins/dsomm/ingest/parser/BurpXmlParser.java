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
import java.util.Locale;

/**
 * Burp Suite "issues" XML export: {@code <issues burpVersion= exportTime=><issue><type/><name/><host/><path/>
 * <severity/><confidence/>...}. The export usually starts with a DOCTYPE whose internal subset declares the
 * elements; it is passed over unprocessed (no entity is used). Each issue is one DAST finding, identified by its
 * issue {@code type} and the URL {@code host + path}. Severity: High/Medium/Low/Information by word; an issue whose
 * severity or confidence is "False positive" is suppressed.
 */
public final class BurpXmlParser implements ReportParser {
    private static final String ID = "burp-xml";
    private static final ReportFormat FORMAT = ReportFormat.of(ID,
            "Burp Suite issues XML export", ReportFormat.Family.XML, EvidenceKind.DAST);
    private static final String TOOL = "Burp Suite";
    private static final int MAX_FIELD = 2000;

    @Override
    public ReportFormat format() {
        return FORMAT;
    }

    @Override
    public int detect(final Sniff sniff) {
        Sniff.XmlRoot xml = sniff.xml();
        if (xml == null || !"issues".equals(xml.name())) {
            return NO;
        }
        if (xml.attribute("burpVersion") != null) {
            return CERTAIN;
        }
        // Android Lint also writes <issues><issue>, with format= and by= attributes
        return xml.attribute("exportTime") != null && xml.attribute("format") == null ? LIKELY : NO;
    }

    @Override
    public Evidence parse(final ReportSource source) throws ParseException {
        String file = source.name();
        EvidenceCollector collector = new EvidenceCollector(ID, source);
        collector.tool(TOOL).kind(EvidenceKind.DAST);
        XmlWalk.read(source, ID, r -> {
            String root = XmlWalk.toRoot(r);
            if (!"issues".equals(root)) {
                throw new ParseException(file, ID, "not a Burp Suite issues export: the root element is <" + root
                        + ">, not <issues>");
            }
            collector.toolVersion(r.getAttributeValue(null, "burpVersion"));
            collector.producedAt(r.getAttributeValue(null, "exportTime"));
            while (XmlWalk.nextChild(r)) {
                if ("issue".equals(r.getLocalName())) {
                    readIssue(r, collector);
                }
                else {
                    XmlWalk.skip(r);
                }
            }
        });
        return collector.build();
    }

    private static void readIssue(final XMLStreamReader r, final EvidenceCollector collector)
            throws XMLStreamException {
        String type = null;
        String name = null;
        String host = null;
        String path = null;
        String severity = null;
        String confidence = null;
        while (XmlWalk.nextChild(r)) {
            switch (r.getLocalName()) {
                case "type" -> type = XmlWalk.text(r, MAX_FIELD);
                case "name" -> name = XmlWalk.text(r, MAX_FIELD);
                case "host" -> host = XmlWalk.text(r, MAX_FIELD);
                case "path" -> path = XmlWalk.text(r, MAX_FIELD);
                case "severity" -> severity = XmlWalk.text(r, MAX_FIELD);
                case "confidence" -> confidence = XmlWalk.text(r, MAX_FIELD);
                default -> XmlWalk.skip(r);
            }
        }
        if (isFalsePositive(severity) || isFalsePositive(confidence)) {
            collector.suppressedFinding();
            return;
        }
        String url = (host == null ? "" : host) + (path == null ? "" : path);
        collector.openFinding(Severity.fromWord(severity), Values.firstNonBlank(type, name), name, url);
    }

    private static boolean isFalsePositive(final String word) {
        return word != null && word.trim().toLowerCase(Locale.ROOT).replace('_', ' ').equals("false positive");
    }
}
