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
 * OWASP ZAP traditional XML report, and its "traditional-xml-plus" variant: {@code <OWASPZAPReport version=
 * generated=><site name=><alerts><alertitem>...}. Same counting as {@link ZapJsonParser}: one DAST finding per
 * alert item of a site, identified by {@code alertRef} (else {@code pluginid}) and the site name; {@code riskcode}
 * 3/2/1/0 → HIGH/MEDIUM/LOW/INFO; {@code confidence} 0 (False Positive) is suppressed.
 */
public final class ZapXmlParser implements ReportParser {
    private static final String ID = "zap-xml";
    private static final ReportFormat FORMAT = ReportFormat.of(ID,
            "OWASP ZAP traditional XML report (also traditional-xml-plus)", ReportFormat.Family.XML,
            EvidenceKind.DAST);
    private static final String ROOT = "OWASPZAPReport";
    private static final int MAX_FIELD = 1000;

    @Override
    public ReportFormat format() {
        return FORMAT;
    }

    @Override
    public int detect(final Sniff sniff) {
        Sniff.XmlRoot xml = sniff.xml();
        return xml != null && ROOT.equals(xml.name()) ? CERTAIN : NO;
    }

    @Override
    public Evidence parse(final ReportSource source) throws ParseException {
        String file = source.name();
        EvidenceCollector collector = new EvidenceCollector(ID, source);
        Zap.start(collector);
        XmlWalk.read(source, ID, r -> {
            if (!ROOT.equals(XmlWalk.toRoot(r))) {
                throw new ParseException(file, ID, "not a ZAP XML report: the root element is <" + r.getLocalName()
                        + ">, not <" + ROOT + ">");
            }
            collector.tool(r.getAttributeValue(null, "programName"));
            collector.toolVersion(r.getAttributeValue(null, "version"));
            String created = r.getAttributeValue(null, "created");
            String generated = r.getAttributeValue(null, "generated");
            while (XmlWalk.nextChild(r)) {
                if ("site".equals(r.getLocalName())) {
                    readSite(r, collector);
                }
                else {
                    XmlWalk.skip(r);
                }
            }
            Zap.finish(collector, created, generated);
        });
        return collector.build();
    }

    private static void readSite(final XMLStreamReader r, final EvidenceCollector collector)
            throws XMLStreamException {
        String site = r.getAttributeValue(null, "name");
        while (XmlWalk.nextChild(r)) {
            if ("alerts".equals(r.getLocalName())) {
                while (XmlWalk.nextChild(r)) {
                    if ("alertitem".equals(r.getLocalName())) {
                        readAlert(r).record(collector, site);
                    }
                    else {
                        XmlWalk.skip(r);
                    }
                }
            }
            else {
                XmlWalk.skip(r);
            }
        }
    }

    private static Zap.Alert readAlert(final XMLStreamReader r) throws XMLStreamException {
        Zap.Alert alert = new Zap.Alert();
        while (XmlWalk.nextChild(r)) {
            switch (r.getLocalName()) {
                case "pluginid" -> alert.pluginId = XmlWalk.text(r, MAX_FIELD);
                case "alertRef" -> alert.alertRef = XmlWalk.text(r, MAX_FIELD);
                case "name" -> alert.name = Values.firstNonBlank(XmlWalk.text(r, MAX_FIELD), alert.name);
                case "alert" -> alert.name = Values.firstNonBlank(alert.name, XmlWalk.text(r, MAX_FIELD));
                case "riskcode" -> alert.riskCode = XmlWalk.text(r, MAX_FIELD);
                case "riskdesc" -> alert.riskDesc = XmlWalk.text(r, MAX_FIELD);
                case "confidence" -> alert.confidence = XmlWalk.text(r, MAX_FIELD);
                default -> XmlWalk.skip(r);
            }
        }
        return alert;
    }
}
