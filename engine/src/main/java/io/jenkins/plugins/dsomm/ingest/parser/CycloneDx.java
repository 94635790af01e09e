package io.jenkins.plugins.dsomm.ingest.parser;

import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
import io.jenkins.plugins.dsomm.evidence.Facets;
import io.jenkins.plugins.dsomm.evidence.Severity;
import io.jenkins.plugins.dsomm.ingest.EvidenceCollector;
import io.jenkins.plugins.dsomm.ingest.ParseException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the CycloneDX JSON and XML readers share: the choice of the tool among {@code metadata.tools}, the
 * severity of a vulnerability from its ratings, VEX states, and the vulnerabilities kept until the references of
 * their {@code affects} can be turned into packages.
 */
final class CycloneDx {
    /** Tool name when the BOM names no tool. */
    static final String UNKNOWN_TOOL = "unknown CycloneDX producer";
    /** Namespace of the CycloneDX 1.x XML schemas, without the version. */
    static final String XML_NAMESPACE_PREFIX = "http://cyclonedx.org/schema/bom/";
    /** The vulnerability extension of CycloneDX 1.2 XML (Grype 0.7 writes it inside components). */
    static final String VULNERABILITY_EXTENSION = "http://cyclonedx.org/schema/ext/vulnerability/";
    /** VEX {@code analysis.state} values that mean the vulnerability does not need treatment. */
    private static final Set<String> SUPPRESSED_STATES = Set.of("not_affected", "false_positive", "resolved",
            "resolved_with_pedigree");
    private static final int MAX_TITLE = 200;
    private static final int MAX_RESOLVED = 200_000;

    private CycloneDx() {
    }

    /** What is done with each component read. */
    @FunctionalInterface
    interface ComponentVisitor {
        void component(String ref, String group, String name, String version, String purl);
    }

    /** Reads the components of the BOM once more, handing each to the visitor. */
    @FunctionalInterface
    interface ComponentPass {
        void read(ComponentVisitor visitor) throws ParseException;
    }

    /** Counts each component in the evidence. */
    static ComponentVisitor counting(final EvidenceCollector collector) {
        return (ref, group, name, version, purl) -> collector.component(componentName(group, name), purl);
    }

    /**
     * Completes the evidence once the BOM is read: when vulnerabilities name components by references that are
     * not package URLs, a second pass over the components resolves them; then tool, findings and kinds.
     */
    static Evidence finish(final EvidenceCollector collector, final ToolChoice tool,
            final Vulnerabilities vulnerabilities, final ComponentPass secondPass) throws ParseException {
        Set<String> unresolved = vulnerabilities.unresolved();
        if (!unresolved.isEmpty() && collector.components() > 0) {
            secondPass.read((ref, group, name, version, purl) -> {
                if (ref != null && unresolved.contains(ref)) {
                    vulnerabilities.resolve(ref, componentLocation(group, name, version, purl));
                }
            });
        }
        tool.applyTo(collector);
        boolean hasVulnerabilities = !vulnerabilities.isEmpty();
        vulnerabilities.emit(collector);
        applyKinds(collector, hasVulnerabilities);
        return collector.build();
    }

    /** {@code true} for a VEX analysis state that counts as suppressed. */
    static boolean isSuppressedState(final String state) {
        return state != null && SUPPRESSED_STATES.contains(state.trim().toLowerCase(Locale.ROOT).replace('-', '_'));
    }

    /** The location of a component: its package URL without qualifiers, else group/name@version. */
    static String componentLocation(final String group, final String name, final String version,
            final String purl) {
        if (purl != null && purl.regionMatches(true, 0, "pkg:", 0, 4)) {
            return stripPurl(purl.trim());
        }
        StringBuilder b = new StringBuilder();
        if (group != null && !group.isBlank()) {
            b.append(group.trim()).append('/');
        }
        if (name != null) {
            b.append(name.trim());
        }
        if (version != null && !version.isBlank() && b.length() > 0) {
            b.append('@').append(version.trim());
        }
        return b.toString();
    }

    /** The name to count a component under: group/name, or name. */
    static String componentName(final String group, final String name) {
        if (group != null && !group.isBlank() && name != null) {
            return group.trim() + "/" + name.trim();
        }
        return name;
    }

    /** A package URL without its qualifiers ({@code ?...}) and subpath ({@code #...}). */
    static String stripPurl(final String purl) {
        int q = purl.indexOf('?');
        int h = purl.indexOf('#');
        int cut = q < 0 ? h : h < 0 ? q : Math.min(q, h);
        return cut < 0 ? purl : purl.substring(0, cut);
    }

    /**
     * The reference an {@code affects.ref} names: a BOM-Link ({@code urn:cdx:serial/version#ref}) is reduced to
     * the part after {@code #}.
     */
    static String refTarget(final String ref) {
        String r = ref.trim();
        if (r.regionMatches(true, 0, "urn:cdx:", 0, 8)) {
            int hash = r.indexOf('#');
            if (hash >= 0 && hash < r.length() - 1) {
                return r.substring(hash + 1);
            }
        }
        return r;
    }

    private static String shortTitle(final String description, final String id) {
        String t = description == null || description.isBlank() ? id : description.strip();
        if (t == null) {
            return null;
        }
        int nl = t.indexOf('\n');
        if (nl >= 0) {
            t = t.substring(0, nl).strip();
        }
        return t.length() > MAX_TITLE ? t.substring(0, MAX_TITLE) : t;
    }

    /**
     * Chooses the tool of a BOM among those {@code metadata.tools} names: the first that is not a library (the
     * CycloneDX generators list the library they are built on as well), else the first library; a service (1.5+
     * {@code tools.services}) only when no tool component is named.
     */
    static final class ToolChoice {
        private String name;
        private String version;
        private int rank;

        /** Offers a tool; {@code service} for an entry of {@code tools.services}. */
        void offer(final String toolName, final String toolVersion, final String type, final boolean service) {
            if (toolName == null || toolName.isBlank()) {
                return;
            }
            int r = service ? 1 : "library".equalsIgnoreCase(type) || looksLikeLibrary(toolName) ? 2 : 3;
            if (r > rank) {
                name = toolName.trim();
                version = toolVersion;
                rank = r;
            }
        }

        private static boolean looksLikeLibrary(final String toolName) {
            String n = toolName.trim().toLowerCase(Locale.ROOT);
            return n.endsWith("library") || n.endsWith("-lib") || n.endsWith("_lib") || n.endsWith(" lib");
        }

        void applyTo(final EvidenceCollector collector) {
            collector.tool(name == null ? UNKNOWN_TOOL : name);
            collector.toolVersion(version);
        }
    }

    /**
     * The severity of a vulnerability from its ratings, as they are read. The severity word of a rating wins;
     * among ratings with a known word, the one whose method is CVSSv4, else CVSSv3.1/CVSSv3, else CVSSv2, else
     * any other (OWASP, SSVC, none) is taken, the first of equal rank. Only when no rating states a known word
     * ("unknown" is none) is the score of a CVSS rating used (v4 &gt; v3 &gt; v2); scores of other methods or of
     * ratings without method are not CVSS scores and are ignored.
     */
    static final class Ratings {
        private int wordRank = -1;
        private Severity word;
        private int scoreRank = -1;
        private double score = Double.NaN;

        void add(final String method, final String severity, final double ratingScore) {
            int rank = methodRank(method);
            Severity s = Severity.fromWord(severity);
            if (s != Severity.UNKNOWN && rank > wordRank) {
                word = s;
                wordRank = rank;
            }
            if (rank >= 2 && !Double.isNaN(ratingScore) && rank > scoreRank) {
                score = ratingScore;
                scoreRank = rank;
            }
        }

        Severity severity() {
            if (word != null) {
                return word;
            }
            return Double.isNaN(score) ? Severity.UNKNOWN : Severity.fromScore(score);
        }

        /** 4 for CVSSv4, 3 for CVSSv3.x, 2 for CVSSv2, 1 for any other method or none. */
        static int methodRank(final String method) {
            if (method == null) {
                return 1;
            }
            String m = method.trim().toLowerCase(Locale.ROOT).replace(" ", "").replace(".", "");
            return switch (m) {
                case "cvssv4", "cvssv40" -> 4;
                case "cvssv3", "cvssv30", "cvssv31" -> 3;
                case "cvssv2", "cvssv20" -> 2;
                default -> 1;
            };
        }
    }

    /**
     * The vulnerabilities of a BOM. Each vulnerability counts once per {@code affects} reference (a vulnerability
     * without {@code affects} counts once, without location). References are resolved to the package URL (without
     * qualifiers) or group/name@version of the component or subject they name, once the whole BOM is read (or at
     * once, see {@link #countAtOnce}).
     */
    static final class Vulnerabilities {
        private final List<Pending> pending = new ArrayList<>();
        private final Map<String, String> resolved = new HashMap<>();
        private EvidenceCollector atOnce;
        private boolean any;
        /** Open findings the pending vulnerabilities will give. */
        private long pendingOpen;
        /**
         * Findings past those: once the pending ones alone fill the kept findings, later ones are only counted
         * (per severity, suppressed, facets), so memory stays bounded whatever the order of the BOM.
         */
        private final long[] overflow = new long[Severity.values().length];
        private long overflowSuppressed;
        private final Set<String> overflowFacets = new LinkedHashSet<>();

        /** A vulnerability read; {@code refs} are BOM references, or locations when {@code located}. */
        private record Pending(String id, String title, Severity severity, boolean suppressed, List<String> refs,
                boolean located) {
        }

        /**
         * From now on, counts a vulnerability in {@code collector} as soon as it is added when its locations are
         * final and nothing added before is still waiting (so findings keep the report order): when all its
         * references are package URLs. Their location can no longer change once the subject
         * ({@code metadata.component}) has been read, as the second pass resolves only references that are not
         * package URLs. Keeps memory bounded for BOMs with many vulnerabilities. Call it after the metadata.
         */
        void countAtOnce(final EvidenceCollector collector) {
            atOnce = collector;
        }

        /** Adds a vulnerability whose affected components are named by BOM references. */
        void add(final String id, final String description, final Severity severity, final boolean suppressed,
                final List<String> refs) {
            any = true;
            if (pendingOpen >= Evidence.Builder.MAX_FINDINGS) {
                int n = Math.max(1, refs.size());
                if (suppressed) {
                    overflowSuppressed += n;
                }
                else {
                    overflow[severity.ordinal()] += n;
                }
                for (String ref : refs) {
                    String f = Facets.fromPurl(refTarget(ref));
                    if (f != null && overflowFacets.size() < 100) {
                        overflowFacets.add(f);
                    }
                }
                return;
            }
            Pending v = new Pending(id, shortTitle(description, id), severity, suppressed, List.copyOf(refs), false);
            if (atOnce != null && pending.isEmpty() && allPackageUrls(v.refs())) {
                emit(v, atOnce);
            }
            else {
                pending.add(v);
                pendingOpen += suppressed ? 0 : Math.max(1, refs.size());
            }
        }

        private static boolean allPackageUrls(final List<String> refs) {
            for (String ref : refs) {
                if (!refTarget(ref).regionMatches(true, 0, "pkg:", 0, 4)) {
                    return false;
                }
            }
            return true;
        }

        /** Adds a vulnerability of a known component (CycloneDX 1.2 XML extension inside the component). */
        void addLocated(final String id, final String description, final Severity severity,
                final String location) {
            any = true;
            pending.add(new Pending(id, shortTitle(description, id), severity, false,
                    location == null ? List.of() : List.of(location), true));
            pendingOpen++;
        }

        /** {@code true} when no vulnerability was added. */
        boolean isEmpty() {
            return !any;
        }

        /** Remembers where a BOM reference points (a component or the subject). */
        void resolve(final String bomRef, final String location) {
            if (bomRef != null && location != null && !location.isEmpty() && resolved.size() < MAX_RESOLVED) {
                resolved.putIfAbsent(bomRef, location);
            }
        }

        /** References that are neither package URLs nor resolved yet. */
        Set<String> unresolved() {
            Set<String> out = new LinkedHashSet<>();
            for (Pending v : pending) {
                if (!v.located()) {
                    for (String ref : v.refs()) {
                        String target = refTarget(ref);
                        if (!target.regionMatches(true, 0, "pkg:", 0, 4) && !resolved.containsKey(target)) {
                            out.add(target);
                        }
                    }
                }
            }
            return out;
        }

        private String locate(final String ref) {
            String target = refTarget(ref);
            String known = resolved.get(target);
            if (known != null) {
                return known;
            }
            return target.regionMatches(true, 0, "pkg:", 0, 4) ? stripPurl(target) : target;
        }

        /** Counts every vulnerability × affected reference as an open or suppressed finding. */
        void emit(final EvidenceCollector collector) {
            for (Pending v : pending) {
                emit(v, collector);
            }
            pending.clear();
            pendingOpen = 0;
            for (Severity s : Severity.values()) {
                for (long i = 0; i < overflow[s.ordinal()]; i++) {
                    collector.openFindingNotKept(s);
                }
                overflow[s.ordinal()] = 0;
            }
            for (long i = 0; i < overflowSuppressed; i++) {
                collector.suppressedFinding();
            }
            overflowSuppressed = 0;
            overflowFacets.forEach(collector::facet);
        }

        private void emit(final Pending v, final EvidenceCollector collector) {
            List<String> locations = v.refs().isEmpty() ? Collections.singletonList(null) : v.refs();
            for (String ref : locations) {
                String location = ref == null ? null : v.located() ? ref : locate(ref);
                if (v.suppressed()) {
                    collector.suppressedFinding();
                }
                else {
                    collector.openFinding(v.severity(), v.id(), v.title(), location);
                }
                collector.facet(Facets.fromPurl(location));
            }
        }
    }

    /**
     * Sets the kinds of a BOM: SBOM when it lists components or has no vulnerabilities (an empty BOM is still an
     * SBOM), SCA when it has at least one vulnerability. A VEX document (vulnerabilities, no components) is SCA
     * only: it is not a bill of materials.
     */
    static void applyKinds(final EvidenceCollector collector, final boolean hasVulnerabilities) {
        if (collector.components() > 0 || !hasVulnerabilities) {
            collector.kind(EvidenceKind.SBOM);
        }
        if (hasVulnerabilities) {
            collector.kind(EvidenceKind.SCA);
        }
    }
}
