package io.jenkins.plugins.dsomm.ingest.parser;

import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
import io.jenkins.plugins.dsomm.evidence.Severity;
import io.jenkins.plugins.dsomm.ingest.EvidenceCollector;

/**
 * What the ZAP traditional JSON and XML reports share: one finding per alert of a site (its instances, the URLs
 * where ZAP saw it, are not counted separately), the risk code as severity, confidence 0 as false positive.
 */
final class Zap {
    /** The tool name when the report does not state {@code programName} (ZAP before 2.12). */
    static final String TOOL = "ZAP";

    private Zap() {
    }

    /** One alert of a site, as far as counting needs it. */
    static final class Alert {
        String pluginId;
        String alertRef;
        String name;
        String riskCode;
        String riskDesc;
        String confidence;

        void record(final EvidenceCollector collector, final String site) {
            if ("0".equals(trim(confidence))) {
                collector.suppressedFinding(); // confidence 0 = "False Positive"
                return;
            }
            String rule = Values.firstNonBlank(trim(alertRef), trim(pluginId));
            collector.openFinding(severity(riskCode, riskDesc), rule, name, site);
        }
    }

    static void start(final EvidenceCollector collector) {
        collector.kind(EvidenceKind.DAST);
    }

    static void finish(final EvidenceCollector collector, final String created, final String generated) {
        collector.tool(TOOL);
        collector.producedAt(created); // traditional-*-plus: ISO-8601 with zone
        collector.producedAt(generated); // "Thu, 6 Jan 2022 09:20:58", no zone: taken as UTC
    }

    /** Risk code 3/2/1/0 as HIGH/MEDIUM/LOW/INFO; without one, the first word of the risk description. */
    static Severity severity(final String riskCode, final String riskDesc) {
        String code = trim(riskCode);
        if (code != null && !code.isEmpty()) {
            switch (code) {
                case "3":
                    return Severity.HIGH;
                case "2":
                    return Severity.MEDIUM;
                case "1":
                    return Severity.LOW;
                case "0":
                    return Severity.INFO;
                default:
                    return Severity.UNKNOWN;
            }
        }
        String desc = trim(riskDesc);
        if (desc == null || desc.isEmpty()) {
            return Severity.UNKNOWN;
        }
        int space = desc.indexOf(' ');
        return Severity.fromWord(space > 0 ? desc.substring(0, space) : desc);
    }

    private static String trim(final String s) {
        return s == null ? null : s.trim();
    }
}
