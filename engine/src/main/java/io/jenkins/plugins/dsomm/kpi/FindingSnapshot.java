package io.jenkins.plugins.dsomm.kpi;

import io.jenkins.plugins.dsomm.assess.Assessment;
import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
import io.jenkins.plugins.dsomm.evidence.Finding;
import io.jenkins.plugins.dsomm.evidence.Severity;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What one build's KPIs need, compactly: the identities of its open findings with their severity and the scanner
 * that reported them, the scanners that ran and the evidence kinds present. About 10 bytes per finding.
 */
public final class FindingSnapshot implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Severity[] SEVERITIES = Severity.values();

    private final String label;
    private final Instant time;
    private final long[] ids;
    private final byte[] severities;
    private final byte[] scanner;
    private final List<String> scanners;
    private final Set<EvidenceKind> kinds;
    private final boolean complete;

    /**
     * @param label      build label, for messages
     * @param time       when the build was assessed
     * @param ids        finding identities
     * @param severities severity ordinal of each finding
     * @param scanner    index into {@code scanners} of each finding
     * @param scanners   the scanners (lower-case tool names) that ran in this build
     * @param kinds      the evidence kinds present
     * @param complete   false when a report had more findings than were kept (identities incomplete)
     */
    public FindingSnapshot(final String label, final Instant time, final long[] ids, final byte[] severities,
            final byte[] scanner, final List<String> scanners, final Set<EvidenceKind> kinds, final boolean complete) {
        if (ids.length != severities.length || ids.length != scanner.length) {
            throw new IllegalArgumentException("ids, severities and scanners differ in length");
        }
        if (scanners.size() > 127) {
            throw new IllegalArgumentException("at most 127 scanners per build");
        }
        this.label = label;
        this.time = time;
        this.ids = ids.clone();
        this.severities = severities.clone();
        this.scanner = scanner.clone();
        this.scanners = List.copyOf(scanners);
        Set<EvidenceKind> copy = EnumSet.noneOf(EvidenceKind.class);
        copy.addAll(kinds);
        this.kinds = Collections.unmodifiableSet(copy);
        this.complete = complete;
    }

    /** The snapshot of an assessment (open findings after waivers). */
    public static FindingSnapshot of(final String label, final Assessment a) {
        Map<String, Integer> scannerIndex = new LinkedHashMap<>();
        int n = 0;
        boolean complete = true;
        Set<EvidenceKind> kinds = EnumSet.noneOf(EvidenceKind.class);
        for (Evidence e : a.evidence()) {
            n += e.findings().size();
            complete &= !e.findingsTruncated();
            kinds.addAll(e.kinds());
            if (scannerIndex.size() < 127) {
                scannerIndex.putIfAbsent(scannerKey(e), scannerIndex.size());
            }
        }
        long[] ids = new long[n];
        byte[] sev = new byte[n];
        byte[] sc = new byte[n];
        int i = 0;
        for (Evidence e : a.evidence()) {
            Integer s = scannerIndex.get(scannerKey(e));
            for (Finding f : e.findings()) {
                ids[i] = f.id();
                sev[i] = (byte) f.severity().ordinal();
                sc[i] = (byte) (s == null ? 126 : s);
                i++;
            }
        }
        return new FindingSnapshot(label, a.createdAt(), ids, sev, sc, new ArrayList<>(scannerIndex.keySet()), kinds,
                complete);
    }

    /** The scanner of a report: its tool, lower case. */
    public static String scannerKey(final Evidence e) {
        return e.tool().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return label;
    }

    public Instant time() {
        return time;
    }

    public int size() {
        return ids.length;
    }

    public long id(final int i) {
        return ids[i];
    }

    public Severity severity(final int i) {
        return SEVERITIES[severities[i]];
    }

    /** Index of the scanner of finding i into {@link #scanners()}. */
    public int scannerOf(final int i) {
        return scanner[i];
    }

    /** The scanner of finding i, empty when it has none (a build of more than 127 scanners). */
    public String scanner(final int i) {
        return scanner[i] < scanners.size() ? scanners.get(scanner[i]) : "";
    }

    public List<String> scanners() {
        return scanners;
    }

    public Set<EvidenceKind> kinds() {
        return kinds;
    }

    public boolean complete() {
        return complete;
    }

    /** Raw arrays, for encoding. */
    long[] ids() {
        return ids;
    }

    byte[] severities() {
        return severities;
    }

    byte[] scannerIndexes() {
        return scanner;
    }
}
