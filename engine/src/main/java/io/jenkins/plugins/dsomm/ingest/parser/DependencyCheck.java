package io.jenkins.plugins.dsomm.ingest.parser;

import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
import io.jenkins.plugins.dsomm.evidence.Facets;
import io.jenkins.plugins.dsomm.evidence.Severity;
import io.jenkins.plugins.dsomm.ingest.EvidenceCollector;

import java.util.ArrayList;
import java.util.List;

/**
 * What the OWASP Dependency-Check JSON and XML readers share: the severity of a vulnerability and the findings of
 * one dependency, kept until the dependency is read to its end (its package URL may come after its
 * vulnerabilities).
 */
final class DependencyCheck {
    /** The tool name: the reports state only the engine version. */
    static final String TOOL = "dependency-check";
    /** Namespace of the XML report schemas, without the version and {@code .xsd}. */
    static final String XML_NAMESPACE_PREFIX = "https://jeremylong.github.io/DependencyCheck/dependency-check.";
    private static final int MAX_TITLE = 200;

    private DependencyCheck() {
    }

    /** Sets what every Dependency-Check report states: tool and kind. */
    static void start(final EvidenceCollector collector) {
        collector.tool(TOOL);
        collector.kind(EvidenceKind.SCA);
    }

    /**
     * The severity of a vulnerability: the word Dependency-Check states for it ({@code severity}, RetireJS and NPM
     * words in lower case) wins, even when it disagrees with the CVSS data; a word it does not know ("Unknown",
     * "0.0" for unscored) is no statement. Otherwise the CVSS v4 base score, else v3, else v2.
     */
    static Severity severity(final String word, final double v4, final double v3, final double v2) {
        Severity s = Severity.fromWord(word);
        if (s != Severity.UNKNOWN) {
            return s;
        }
        if (!Double.isNaN(v4)) {
            return Severity.fromScore(v4);
        }
        if (!Double.isNaN(v3)) {
            return Severity.fromScore(v3);
        }
        return Double.isNaN(v2) ? Severity.UNKNOWN : Severity.fromScore(v2);
    }

    /** One vulnerability as far as a finding needs it. */
    record Vulnerability(String name, Severity severity, String title) {
    }

    /** The findings of one dependency. */
    static final class Dependency {
        private String fileName;
        private String purl;
        private final List<Vulnerability> open = new ArrayList<>();
        private int suppressed;

        void fileName(final String name) {
            if (fileName == null && name != null && !name.isBlank()) {
                fileName = name.trim();
            }
        }

        /** Offers a package identifier; the first package URL is kept, and gives the ecosystem facet. */
        void packageId(final String id, final EvidenceCollector collector) {
            if (id == null) {
                return;
            }
            String s = id.trim();
            if (s.regionMatches(true, 0, "pkg:", 0, 4)) {
                if (purl == null) {
                    purl = s;
                }
                collector.facet(Facets.fromPurl(s));
            }
        }

        void vulnerability(final String name, final Severity severity, final String description) {
            open.add(new Vulnerability(name, severity, title(description)));
        }

        void suppressedVulnerability() {
            suppressed++;
        }

        /** Counts the dependency's findings: located at its package URL, else its file name. */
        void emit(final EvidenceCollector collector) {
            String location = purl != null ? purl : fileName;
            for (Vulnerability v : open) {
                collector.openFinding(v.severity(), v.name(), v.title(), location);
            }
            for (int i = 0; i < suppressed; i++) {
                collector.suppressedFinding();
            }
        }

        private static String title(final String description) {
            if (description == null || description.isBlank()) {
                return null;
            }
            String t = description.strip();
            int nl = t.indexOf('\n');
            if (nl >= 0) {
                t = t.substring(0, nl).strip();
            }
            return t.length() > MAX_TITLE ? t.substring(0, MAX_TITLE) : t;
        }
    }
}
