package io.jenkins.plugins.dsomm.ingest;

import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
import io.jenkins.plugins.dsomm.evidence.Facets;
import io.jenkins.plugins.dsomm.evidence.Finding;
import io.jenkins.plugins.dsomm.evidence.FindingIdentity;
import io.jenkins.plugins.dsomm.evidence.LongIntMap;
import io.jenkins.plugins.dsomm.evidence.PackageNames;
import io.jenkins.plugins.dsomm.evidence.Severity;
import io.jenkins.plugins.dsomm.evidence.SeverityCounts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a parser fills while it streams a report; {@link #build()} makes the {@link Evidence}. Counts are always
 * complete; findings with identities and package names are kept up to the limits of {@link Evidence.Builder}.
 * Strings taken from reports are shortened (rule ids and titles to {@value #MAX_RULE} and {@value #MAX_TITLE}
 * characters, locations to {@value #MAX_LOCATION}) and repeated ones are shared.
 */
public final class EvidenceCollector {
    static final int MAX_RULE = 200;
    static final int MAX_TITLE = 200;
    static final int MAX_LOCATION = 500;
    private static final int MAX_INTERNED = 50_000;
    private static final int MAX_PATHS_SEEN = 20_000;

    private final String format;
    private final ReportSource source;
    private String tool;
    private String toolVersion;
    private final Set<EvidenceKind> kinds = EnumSet.noneOf(EvidenceKind.class);
    private final SeverityCounts.Counter open = new SeverityCounts.Counter();
    private int suppressed;
    private int components;
    private final Set<String> facets = new TreeSet<>();
    private Instant producedAt;
    private final List<Finding> findings = new ArrayList<>();
    private boolean truncated;
    /** Per rule and location ({@link FindingIdentity#ofRuleAndLocation}), how many findings had them so far. */
    private final LongIntMap occurrences = new LongIntMap(64);
    private final Map<String, String> interned = new HashMap<>();
    private final Set<String> packages = new LinkedHashSet<>();
    private String lastPath = "";
    /** The rule of the last finding kept, as given and as kept, and its {@link FindingIdentity#ofRule} hash. */
    private String lastRule;
    private String lastRuleKept;
    private long lastRuleHash;
    /** The title of the last finding kept, and the title kept for it (a missing title is kept as ""). */
    private String lastTitle;
    private String lastTitleKept = "";
    /** Paths whose facets were added already (bounded): their facets need not be derived again. */
    private final Set<String> pathsSeen = new HashSet<>();

    public EvidenceCollector(final String format, final ReportSource source) {
        this.format = format;
        this.source = source;
    }

    /** Sets the tool name unless one was set already (the first statement wins). */
    public EvidenceCollector tool(final String name) {
        if ((tool == null || tool.isBlank()) && name != null && !name.isBlank()) {
            tool = shorten(name.trim(), MAX_RULE);
        }
        return this;
    }

    public String tool() {
        return tool;
    }

    /** Sets the tool version unless one was set already. */
    public EvidenceCollector toolVersion(final String version) {
        if ((toolVersion == null || toolVersion.isBlank()) && version != null && !version.isBlank()) {
            toolVersion = shorten(version.trim(), 100);
        }
        return this;
    }

    public EvidenceCollector kind(final EvidenceKind kind) {
        kinds.add(kind);
        return this;
    }

    public boolean hasKind(final EvidenceKind kind) {
        return kinds.contains(kind);
    }

    public EvidenceCollector facet(final String facet) {
        if (facet != null && !facet.isBlank()) {
            facets.add(facet);
        }
        return this;
    }

    /** Records a path the report covers; adds the facets it shows (language, infrastructure type). */
    public EvidenceCollector path(final String path) {
        if (path != null && !path.equals(lastPath)) {
            lastPath = path;
            if (!pathsSeen.contains(path)) {
                Facets.fromPath(path, facets);
                if (pathsSeen.size() < MAX_PATHS_SEEN) {
                    pathsSeen.add(path);
                }
            }
        }
        return this;
    }

    /** Sets the production time unless one was set already. */
    public EvidenceCollector producedAt(final Instant time) {
        if (producedAt == null && time != null) {
            producedAt = time;
        }
        return this;
    }

    /** Parses and sets the production time (see {@link Times#parse}) unless one was set already. */
    public EvidenceCollector producedAt(final String text) {
        return producedAt(Times.parse(text));
    }

    /**
     * Counts an open finding and keeps it with its identity (rule, location, occurrence).
     *
     * @param severity normalised severity
     * @param rule     rule or vulnerability id
     * @param title    short name or message, may be null
     * @param location file path (normalised here), URL or package, may be null
     */
    public void openFinding(final Severity severity, final String rule, final String title, final String location) {
        openFinding(severity, rule, title, location, null);
    }

    /**
     * Counts an open finding; its identity is the tool's fingerprint when given, else rule, location and
     * occurrence.
     */
    public void openFinding(final Severity severity, final String rule, final String title, final String location,
            final String fingerprint) {
        open.add(severity);
        String where = keptPath(location);
        path(where);
        if (findings.size() >= Evidence.Builder.MAX_FINDINGS) {
            truncated = true;
            return;
        }
        String raw = rule == null ? "" : rule;
        if (!raw.equals(lastRule)) { // findings come in runs of one rule: its kept form and hash are made once
            lastRule = raw;
            lastRuleKept = intern(shorten(raw.trim(), MAX_RULE));
            lastRuleHash = FindingIdentity.ofRule(lastRuleKept);
        }
        String r = lastRuleKept;
        String l = shorten(where, MAX_LOCATION);
        long id;
        if (fingerprint != null && !fingerprint.isBlank()) {
            id = FindingIdentity.ofFingerprint(tool == null ? format : tool, fingerprint);
        }
        else {
            long ruleAndLocation = FindingIdentity.ofRuleAndLocation(lastRuleHash, l);
            id = FindingIdentity.withOccurrence(ruleAndLocation, occurrences.increment(ruleAndLocation));
        }
        if (!Objects.equals(title, lastTitle)) { // a rule's title: the same object again and again
            lastTitle = title;
            lastTitleKept = intern(keptTitle(title));
        }
        findings.add(new Finding(id, severity, r, lastTitleKept, l));
    }

    /**
     * Counts an open finding that cannot be kept because the list of findings is full already (see
     * {@link Evidence.Builder#MAX_FINDINGS}): what {@link #openFinding} does then, for a parser that knows it
     * early and need not keep the finding's strings. The facets of its location are the caller's to add.
     *
     * @throws IllegalStateException when findings could still be kept
     */
    public void openFindingNotKept(final Severity severity) {
        if (findings.size() < Evidence.Builder.MAX_FINDINGS) {
            throw new IllegalStateException("the findings are not full: " + findings.size());
        }
        open.add(severity);
        truncated = true;
    }

    /**
     * The title as a kept finding has it: the first line, stripped, shortened to {@value #MAX_TITLE} characters;
     * {@link #openFinding} gives the same title for it again.
     */
    public static String keptTitle(final String title) {
        return shorten(oneLine(title), MAX_TITLE);
    }

    /** The location as a kept finding has it, before shortening: normalised as by {@link FindingIdentity}. */
    public static String keptPath(final String location) {
        return location == null ? "" : isNormalPath(location) ? location : FindingIdentity.normalisePath(location);
    }

    /** Counts a finding the tool reports as suppressed (accepted, ignored, not affected). */
    public void suppressedFinding() {
        suppressed++;
    }

    /** Counts an SBOM component and keeps its package name (from the package URL when there is one). */
    public void component(final String name, final String purl) {
        components++;
        String key = PackageNames.key(purl != null && !purl.isBlank() ? purl : name);
        if (!key.isEmpty() && packages.size() < Evidence.Builder.MAX_PACKAGES) {
            packages.add(key);
        }
        facet(Facets.fromPurl(purl));
    }

    public int components() {
        return components;
    }

    public Evidence build() {
        return Evidence.builder()
                .format(format)
                .tool(tool)
                .toolVersion(toolVersion)
                .kinds(kinds)
                .open(open.toCounts())
                .suppressed(suppressed)
                .components(components)
                .facets(facets)
                .sourceFile(source.name())
                .producedAt(producedAt != null ? producedAt : source.lastModified())
                .findings(findings, truncated)
                .packages(packages)
                .build();
    }

    /**
     * Whether {@link FindingIdentity#normalisePath} would return the path as it is: no surrounding white space,
     * no scheme (no colon), no backslash, no leading {@code ./}, no doubled slash. One pass over the characters
     * instead of a regular expression and copies, for the many findings whose path is already plain.
     */
    static boolean isNormalPath(final String path) {
        int n = path.length();
        if (n == 0 || path.charAt(0) <= ' ' || path.charAt(n - 1) <= ' ' || path.startsWith("./")) {
            return false;
        }
        char previous = 0;
        for (int i = 0; i < n; i++) {
            char c = path.charAt(i);
            if (c == ':' || c == '\\' || c == '/' && previous == '/') {
                return false;
            }
            previous = c;
        }
        return true;
    }

    private String intern(final String s) {
        if (s.isEmpty()) {
            return "";
        }
        String known = interned.get(s);
        if (known != null) {
            return known;
        }
        if (interned.size() < MAX_INTERNED) {
            interned.put(s, s);
        }
        return s;
    }

    static String shorten(final String s, final int max) {
        if (s == null) {
            return "";
        }
        if (s.length() <= max) {
            return s;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end) + "…";
    }

    private static String oneLine(final String s) {
        if (s == null) {
            return "";
        }
        String t = s.strip();
        int nl = t.indexOf('\n');
        if (nl >= 0) {
            t = t.substring(0, nl).strip();
        }
        return t.replace('\r', ' ').replace('\t', ' ');
    }
}
