package io.jenkins.plugins.dsomm.kpi;

import io.jenkins.plugins.dsomm.attest.BusinessContext;
import io.jenkins.plugins.dsomm.assess.Assessment;
import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
import io.jenkins.plugins.dsomm.evidence.Finding;
import io.jenkins.plugins.dsomm.evidence.LongIntMap;
import io.jenkins.plugins.dsomm.evidence.PackageNames;
import io.jenkins.plugins.dsomm.evidence.Severity;
import io.jenkins.plugins.dsomm.evidence.SeverityCounts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Computes {@link Kpis} from a history of {@link FindingSnapshot}s, oldest first, the last being the current
 * build. A finding is open from the build it appears in (an <i>episode</i> starts) until the first later build
 * whose scanners include the one that reported it and that no longer has it (the episode ends: remediated). A
 * build in which that scanner did not run says nothing about the finding, so gaps in the history (scans that did
 * not run, builds that are gone) never count as fixes. A finding that comes back starts a new episode and counts
 * as reopened. See docs/kpis.md.
 */
public final class KpiCalculator {
    /** Risk weight of each severity (critical 10 … info 0, unknown as medium). */
    private static final double[] WEIGHTS = {10, 7, 4, 1, 0, 4};
    /** Risk factor of findings past their SLA. */
    static final double OVERDUE = 2;
    /** Builds of the coverage window by default. */
    public static final int DEFAULT_WINDOW = 30;
    /** SLA breaches listed at most. */
    static final int MAX_BREACHES = 1000;

    private final SlaTable sla;
    private final int window;
    private final BusinessContext business;

    public KpiCalculator(final SlaTable sla, final int window, final BusinessContext business) {
        if (window < 1) {
            throw new IllegalArgumentException("the coverage window needs at least 1 build");
        }
        this.sla = sla;
        this.window = window;
        this.business = business;
    }

    public KpiCalculator() {
        this(SlaTable.defaults(), DEFAULT_WINDOW, BusinessContext.none());
    }

    /**
     * @param history   snapshots, oldest first, the last one the current build's
     * @param reference the reference build's snapshot for new/fixed, or null (then the previous history entry
     *                  is used, if any)
     * @param current   the current assessment (names of findings, SBOM packages)
     * @param now       when the KPIs are computed (age of open findings)
     */
    public Kpis compute(final List<FindingSnapshot> history, final FindingSnapshot reference, final Assessment current,
            final Instant now) {
        if (history.isEmpty()) {
            throw new IllegalArgumentException("the history must hold at least the current build");
        }
        FindingSnapshot last = history.get(history.size() - 1);
        FindingSnapshot ref = reference != null ? reference : history.size() > 1 ? history.get(history.size() - 2) : null;
        FindingChanges changes = changes(ref, last);

        // episodes: id -> index into the episode arrays
        int capacity = Math.max(16, last.size() * 2);
        LongIntMap open = new LongIntMap(capacity);
        long[] start = new long[capacity];
        byte[] severity = new byte[capacity];
        String[] scanner = new String[capacity];
        int[] free = new int[capacity];
        int freeCount = 0;
        int next = 0;
        double[][] durations = new double[Severity.values().length][16];
        int[] durationCount = new int[Severity.values().length];
        Set<Long> fixedOnce = new HashSet<>();
        int reopened = 0;
        for (FindingSnapshot s : history) {
            long t = s.time().getEpochSecond();
            LongIntMap present = new LongIntMap(s.size());
            for (int i = 0; i < s.size(); i++) {
                long id = s.id(i);
                present.put(id, i);
                if (open.get(id) < 0) {
                    int slot;
                    if (freeCount > 0) {
                        slot = free[--freeCount];
                    }
                    else {
                        slot = next++;
                        if (slot >= start.length) {
                            int size = start.length * 2;
                            start = java.util.Arrays.copyOf(start, size);
                            severity = java.util.Arrays.copyOf(severity, size);
                            scanner = java.util.Arrays.copyOf(scanner, size);
                            free = java.util.Arrays.copyOf(free, size);
                        }
                    }
                    open.put(id, slot);
                    start[slot] = t;
                    severity[slot] = (byte) s.severity(i).ordinal();
                    scanner[slot] = s.scanner(i);
                    if (fixedOnce.contains(id)) {
                        reopened++;
                    }
                }
            }
            if (!s.complete()) {
                continue; // identities incomplete: absence proves nothing
            }
            Set<String> ran = new HashSet<>(s.scanners());
            List<Long> ended = new ArrayList<>();
            final String[] scanners = scanner;
            open.forEach((id, slot) -> {
                if (present.get(id) < 0 && ran.contains(scanners[slot])) {
                    ended.add(id);
                }
            });
            for (long id : ended) {
                int slot = open.get(id);
                int sev = severity[slot];
                double hours = (t - start[slot]) / 3600.0;
                if (durationCount[sev] == durations[sev].length) {
                    durations[sev] = java.util.Arrays.copyOf(durations[sev], durations[sev].length * 2);
                }
                durations[sev][durationCount[sev]++] = hours;
                open.remove(id);
                free[freeCount++] = slot;
                fixedOnce.add(id);
            }
        }

        Map<Severity, Stats> remediation = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            remediation.put(s, Stats.of(durations[s.ordinal()], durationCount[s.ordinal()]));
        }
        double[][] ages = new double[Severity.values().length][last.size() + 1];
        int[] ageCount = new int[Severity.values().length];
        long nowSeconds = now.getEpochSecond();
        Map<Long, Double> ageOf = new HashMap<>();
        for (int i = 0; i < last.size(); i++) {
            int slot = open.get(last.id(i));
            if (slot < 0) {
                continue;
            }
            int sev = last.severity(i).ordinal();
            double hours = Math.max(0, (nowSeconds - start[slot]) / 3600.0);
            ages[sev][ageCount[sev]++] = hours;
            ageOf.put(last.id(i), hours);
        }
        Map<Severity, Stats> openAge = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            openAge.put(s, Stats.of(ages[s.ordinal()], ageCount[s.ordinal()]));
        }

        List<SlaBreach> breaches = new ArrayList<>();
        double risk = 0;
        for (Evidence e : current.evidence()) {
            for (Finding f : e.findings()) {
                Double age = ageOf.get(f.id());
                Duration limit = sla.limit(f.severity()).orElse(null);
                boolean overdue = age != null && limit != null && age > limit.toSeconds() / 3600.0;
                risk += WEIGHTS[f.severity().ordinal()] * (overdue ? OVERDUE : 1);
                if (overdue) {
                    breaches.add(new SlaBreach(f.id(), f.label(), e.tool(), f.severity(), round(age),
                            limit.toSeconds() / 3600.0));
                }
            }
        }
        breaches.sort(Comparator.comparingDouble((SlaBreach b) -> b.ageHours() / b.slaHours()).reversed());
        if (breaches.size() > MAX_BREACHES) {
            breaches = new ArrayList<>(breaches.subList(0, MAX_BREACHES));
        }

        List<FindingSnapshot> windowed = history.subList(Math.max(0, history.size() - window), history.size());
        Map<EvidenceKind, Coverage> coverage = new EnumMap<>(EvidenceKind.class);
        for (EvidenceKind k : EvidenceKind.values()) {
            int with = 0;
            for (FindingSnapshot s : windowed) {
                if (s.kinds().contains(k)) {
                    with++;
                }
            }
            coverage.put(k, new Coverage(windowed.size(), with));
        }
        return new Kpis(history.size(), changes, remediation, openAge, reopened, breaches, windowed.size(), coverage,
                untracked(current), round(risk * business.multiplier()), business.multiplier());
    }

    private static double round(final double v) {
        return Math.round(v * 100) / 100.0;
    }

    static FindingChanges changes(final FindingSnapshot reference, final FindingSnapshot current) {
        SeverityCounts.Counter added = new SeverityCounts.Counter();
        SeverityCounts.Counter fixed = new SeverityCounts.Counter();
        SeverityCounts.Counter outstanding = new SeverityCounts.Counter();
        SeverityCounts.Counter notRescanned = new SeverityCounts.Counter();
        LongIntMap before = new LongIntMap(reference == null ? 4 : reference.size());
        if (reference != null) {
            for (int i = 0; i < reference.size(); i++) {
                before.put(reference.id(i), i);
            }
        }
        LongIntMap now = new LongIntMap(current.size());
        for (int i = 0; i < current.size(); i++) {
            now.put(current.id(i), i);
            if (before.get(current.id(i)) >= 0) {
                outstanding.add(current.severity(i));
            }
            else {
                added.add(current.severity(i));
            }
        }
        if (reference != null) {
            Set<String> ran = new HashSet<>(current.scanners());
            for (int i = 0; i < reference.size(); i++) {
                if (now.get(reference.id(i)) < 0) {
                    if (ran.contains(reference.scanner(i)) && current.complete()) {
                        fixed.add(reference.severity(i));
                    }
                    else {
                        notRescanned.add(reference.severity(i));
                    }
                }
            }
        }
        return new FindingChanges(reference == null ? "" : reference.label(), added.toCounts(), fixed.toCounts(),
                outstanding.toCounts(), notRescanned.toCounts());
    }

    /** Packages with SCA findings that no SBOM of the build lists; empty unless the build has both. */
    static List<String> untracked(final Assessment current) {
        Set<String> listed = new HashSet<>();
        boolean sbom = false;
        for (Evidence e : current.evidence()) {
            if (e.hasKind(EvidenceKind.SBOM) && !e.packages().isEmpty()) {
                sbom = true;
                listed.addAll(e.packages());
            }
        }
        Set<String> untracked = new LinkedHashSet<>();
        boolean sca = false;
        for (Evidence e : current.evidence()) {
            if (!e.hasKind(EvidenceKind.SCA) || e.hasKind(EvidenceKind.SBOM) && !e.packages().isEmpty()) {
                continue; // an SBOM that carries its own vulnerabilities tracks its packages
            }
            sca = true;
            for (Finding f : e.findings()) {
                String key = PackageNames.key(f.location());
                if (!key.isEmpty() && !listed.contains(key)) {
                    untracked.add(key);
                }
            }
        }
        return sbom && sca ? new ArrayList<>(untracked) : List.of();
    }
}
