package io.jenkins.plugins.dsomm.ingest.parser;

import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
import io.jenkins.plugins.dsomm.ingest.EvidenceCollector;
import io.jenkins.plugins.dsomm.ingest.ParseException;
import io.jenkins.plugins.dsomm.ingest.ReportFormat;
import io.jenkins.plugins.dsomm.ingest.ReportParser;
import io.jenkins.plugins.dsomm.ingest.ReportSource;
import io.jenkins.plugins.dsomm.ingest.Sniff;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Wapiti 3 XML report ({@code -f xml}): {@code <report type="security"><report_infos><info name="generatorName">
 * wapiti</info>...</report_infos><vulnerabilities><vulnerability name=><entries><entry><method/><path/><level/>
 * <info/>...}, the same for {@code <anomalies><anomaly>} and {@code <additionals><additional>}. Counting as in
 * {@link WapitiJsonParser}: vulnerability and anomaly entries are DAST findings, additionals are not.
 */
public final class WapitiXmlParser implements ReportParser {
    private static final String ID = "wapiti-xml";
    private static final ReportFormat FORMAT = ReportFormat.of(ID,
            "Wapiti XML report", ReportFormat.Family.XML, EvidenceKind.DAST);
    private static final int MAX_FIELD = 2000;

    @Override
    public ReportFormat format() {
        return FORMAT;
    }

    @Override
    public int detect(final Sniff sniff) {
        Sniff.XmlRoot xml = sniff.xml();
        if (xml == null || !"report".equals(xml.name()) || !xml.children().contains("report_infos")) {
            return NO;
        }
        String text = sniff.text();
        return text.contains("\"generatorName\">wapiti") || text.contains("\"generatorName\">Wapiti") ? CERTAIN
                : LIKELY;
    }

    @Override
    public Evidence parse(final ReportSource source) throws ParseException {
        String file = source.name();
        EvidenceCollector collector = new EvidenceCollector(ID, source);
        Wapiti.Report report = new Wapiti.Report();
        XmlWalk.read(source, ID, r -> {
            String root = XmlWalk.toRoot(r);
            if (!"report".equals(root)) {
                throw new ParseException(file, ID, "not a Wapiti XML report: the root element is <" + root
                        + ">, not <report>");
            }
            boolean sawInfos = false;
            while (XmlWalk.nextChild(r)) {
                switch (r.getLocalName()) {
                    case "report_infos" -> {
                        sawInfos = true;
                        readInfos(r, report);
                    }
                    case "vulnerabilities" -> readCategories(r, report, "vulnerability");
                    case "anomalies" -> readCategories(r, report, "anomaly");
                    default -> XmlWalk.skip(r);
                }
            }
            if (!sawInfos) {
                throw new ParseException(file, ID, "not a Wapiti XML report: no <report_infos>");
            }
        });
        report.record(collector);
        return collector.build();
    }

    private static void readInfos(final XMLStreamReader r, final Wapiti.Report report) throws XMLStreamException {
        while (XmlWalk.nextChild(r)) {
            if ("info".equals(r.getLocalName())) {
                String name = r.getAttributeValue(null, "name");
                String value = XmlWalk.text(r, MAX_FIELD);
                if (name != null) {
                    switch (name) {
                        case "generatorVersion" -> report.version = value;
                        case "dateOfScan" -> report.date = value;
                        case "target" -> report.target = value;
                        default -> {
                            // scope, auth, crawled pages...
                        }
                    }
                }
            }
            else {
                XmlWalk.skip(r);
            }
        }
    }

    private static void readCategories(final XMLStreamReader r, final Wapiti.Report report, final String element)
            throws XMLStreamException {
        while (XmlWalk.nextChild(r)) {
            if (!element.equals(r.getLocalName())) {
                XmlWalk.skip(r);
                continue;
            }
            String category = r.getAttributeValue(null, "name");
            while (XmlWalk.nextChild(r)) {
                if (!"entries".equals(r.getLocalName())) {
                    XmlWalk.skip(r);
                    continue;
                }
                while (XmlWalk.nextChild(r)) {
                    if ("entry".equals(r.getLocalName())) {
                        report.entries.add(readEntry(r, category));
                    }
                    else {
                        XmlWalk.skip(r);
                    }
                }
            }
        }
    }

    private static Wapiti.Entry readEntry(final XMLStreamReader r, final String category) throws XMLStreamException {
        String level = null;
        String path = null;
        String info = null;
        while (XmlWalk.nextChild(r)) {
            switch (r.getLocalName()) {
                case "level" -> level = XmlWalk.text(r, MAX_FIELD);
                case "path" -> path = XmlWalk.text(r, MAX_FIELD);
                case "info" -> info = XmlWalk.text(r, MAX_FIELD);
                default -> XmlWalk.skip(r);
            }
        }
        return new Wapiti.Entry(category, level, path, info);
    }
}
