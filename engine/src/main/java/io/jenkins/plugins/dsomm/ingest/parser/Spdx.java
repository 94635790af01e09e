package io.jenkins.plugins.dsomm.ingest.parser;

import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
import io.jenkins.plugins.dsomm.ingest.EvidenceCollector;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the SPDX JSON and tag-value readers share: the tool named in the creators, which packages count as
 * components, and how they are counted.
 *
 * <p>Components are the document's packages except those the document describes (its subject:
 * {@code documentDescribes}, or relationships {@code SPDXRef-DOCUMENT DESCRIBES x} / {@code x DESCRIBED_BY
 * SPDXRef-DOCUMENT}), as the subject of a CycloneDX BOM is not counted either. When the document describes all of
 * its packages (a document of one package, typically), they all count: the package is then what the bill lists.
 */
final class Spdx {
    /** Tool name when no creator is a tool. */
    static final String UNKNOWN_TOOL = "unknown SPDX producer";
    /** Words that are versions although they do not start with a digit ("trivy-dev"). */
    private static final Set<String> VERSION_WORDS = Set.of("dev", "devel", "snapshot", "latest", "unknown", "main",
            "master", "nightly", "head");
    /** Name, then a version after the first hyphen or space followed by a digit or v and a digit. */
    private static final Pattern NAME_VERSION = Pattern.compile("(.+?)[- ]([vV]?\\d.*)");
    private static final int MAX_DESCRIBED = 10_000;

    private Spdx() {
    }

    /**
     * Splits a creator tool ({@code syft-0.83.0}, {@code LicenseFind-1.0}, {@code trivy-dev},
     * {@code Source Auditor Open Source Console}) into name and version: the version starts at the first hyphen
     * or space followed by a digit (or v and a digit); a last hyphenated word such as {@code dev} is a version
     * too; otherwise there is no version.
     *
     * @return name and version (version may be null)
     */
    static String[] splitTool(final String tool) {
        String t = tool.trim();
        Matcher m = NAME_VERSION.matcher(t);
        if (m.matches()) {
            return new String[] {m.group(1).trim(), m.group(2).trim()};
        }
        int dash = t.lastIndexOf('-');
        if (dash > 0 && VERSION_WORDS.contains(t.substring(dash + 1).toLowerCase(Locale.ROOT))) {
            return new String[] {t.substring(0, dash), t.substring(dash + 1)};
        }
        return new String[] {t, null};
    }

    /** The tool of an SPDX creator line ({@code Tool: name-version}), or null when the creator is not a tool. */
    static String toolOfCreator(final String creator) {
        if (creator == null) {
            return null;
        }
        String c = creator.trim();
        if (c.regionMatches(true, 0, "Tool:", 0, 5)) {
            String t = c.substring(5).trim();
            return t.isEmpty() ? null : t;
        }
        return null;
    }

    /** The document facts read in the first pass: tool, described packages. */
    static final class Document {
        private String documentId = "SPDXRef-DOCUMENT";
        private String tool;
        private final Set<String> described = new HashSet<>();
        private final List<String[]> describedRelationships = new ArrayList<>();

        void documentId(final String id) {
            if (id != null && !id.isBlank()) {
                documentId = id.trim();
            }
        }

        void creator(final String creator) {
            if (tool == null) {
                tool = toolOfCreator(creator);
            }
        }

        void describes(final String id) {
            if (id != null && !id.isBlank() && described.size() < MAX_DESCRIBED) {
                described.add(id.trim());
            }
        }

        /** A relationship; DESCRIBES and DESCRIBED_BY of the document are kept until the document id is sure. */
        void relationship(final String element, final String type, final String related) {
            if (element == null || type == null || related == null) {
                return;
            }
            String t = type.trim().toUpperCase(Locale.ROOT);
            if ((t.equals("DESCRIBES") || t.equals("DESCRIBED_BY")) && describedRelationships.size() < MAX_DESCRIBED) {
                describedRelationships.add(new String[] {element.trim(), t, related.trim()});
            }
        }

        /** Finishes the first pass: the set of described element ids. */
        Set<String> described() {
            for (String[] r : describedRelationships) {
                if (r[1].equals("DESCRIBES") && r[0].equals(documentId)) {
                    described.add(r[2]);
                }
                else if (r[1].equals("DESCRIBED_BY") && r[2].equals(documentId)) {
                    described.add(r[0]);
                }
            }
            describedRelationships.clear();
            return described;
        }

        /** Sets tool, version and kind. */
        void applyTo(final EvidenceCollector collector) {
            if (tool == null) {
                collector.tool(UNKNOWN_TOOL);
            }
            else {
                String[] split = splitTool(tool);
                collector.tool(split[0]);
                collector.toolVersion(split[1]);
            }
            collector.kind(EvidenceKind.SBOM);
        }
    }

    /**
     * Counts the packages of the second pass: every package not described by the document at once; the described
     * ones only when no other package counts.
     */
    static final class Packages {
        private final Set<String> described;
        private final EvidenceCollector collector;
        private final List<String[]> held = new ArrayList<>();
        private int counted;

        Packages(final Set<String> described, final EvidenceCollector collector) {
            this.described = described;
            this.collector = collector;
        }

        void add(final String spdxId, final String name, final String purl) {
            String p = purl != null && purl.regionMatches(true, 0, "pkg:", 0, 4) ? purl.trim() : null;
            if (spdxId != null && described.contains(spdxId.trim())) {
                if (held.size() < MAX_DESCRIBED) {
                    held.add(new String[] {name, p});
                }
                return;
            }
            counted++;
            collector.component(name, p);
        }

        void finish() {
            if (counted == 0) {
                for (String[] h : held) {
                    collector.component(h[0], h[1]);
                }
            }
        }
    }
}
