package io.jenkins.plugins.dsomm.ingest.parser;

import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
import io.jenkins.plugins.dsomm.evidence.Severity;
import io.jenkins.plugins.dsomm.ingest.EvidenceCollector;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the Wapiti 3 JSON and XML reports share. Vulnerabilities and anomalies (errors and timeouts Wapiti's attacks
 * provoked) are DAST findings; "additionals" (fingerprinted technologies) are information about the target, not
 * findings. Severity from the entry's {@code level}, Wapiti's own scale: 4 → CRITICAL, 3 → HIGH, 2 → MEDIUM,
 * 1 → LOW, 0 → INFO (written as a number or a numeric string). Identity: the category (vulnerability type) and
 * the URL (the target's origin and the entry's {@code path}). The version is the report's "Wapiti 3.0.4" without
 * the tool name.
 */
final class Wapiti {
    static final String TOOL = "Wapiti";

    private Wapiti() {
    }

    /** One entry of a vulnerability or anomaly category, kept until the target is known. */
    record Entry(String category, String level, String path, String info) {
    }

    /** The entries of a report and its infos, recorded once the report is read. */
    static final class Report {
        final List<Entry> entries = new ArrayList<>();
        String target;
        String version;
        String date;

        void record(final EvidenceCollector collector) {
            collector.tool(TOOL).kind(EvidenceKind.DAST);
            collector.toolVersion(version(version));
            collector.producedAt(date);
            String origin = origin(target);
            for (Entry e : entries) {
                String path = e.path() == null ? "" : e.path().trim();
                String location = origin == null || !path.startsWith("/") ? path : origin + path;
                if (location.isEmpty() && target != null) {
                    location = target;
                }
                collector.openFinding(severity(e.level()), e.category(),
                        Values.firstNonBlank(e.info(), e.category()), location);
            }
        }
    }

    /** "Wapiti 3.0.4" → "3.0.4". */
    static String version(final String stated) {
        if (stated == null) {
            return null;
        }
        String v = stated.trim();
        if (v.toLowerCase(Locale.ROOT).startsWith("wapiti")) {
            v = v.substring("wapiti".length()).trim();
        }
        return v;
    }

    static Severity severity(final String level) {
        if (level == null) {
            return Severity.UNKNOWN;
        }
        return switch (level.trim()) {
            case "4" -> Severity.CRITICAL;
            case "3" -> Severity.HIGH;
            case "2" -> Severity.MEDIUM;
            case "1" -> Severity.LOW;
            case "0" -> Severity.INFO;
            default -> Severity.fromWord(level);
        };
    }

    /** scheme://authority of the target URL, or null. */
    static String origin(final String target) {
        if (target == null || target.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(target.trim());
            if (uri.getScheme() == null || uri.getRawAuthority() == null) {
                return null;
            }
            return uri.getScheme() + "://" + uri.getRawAuthority();
        }
        catch (URISyntaxException e) {
            return null;
        }
    }
}
