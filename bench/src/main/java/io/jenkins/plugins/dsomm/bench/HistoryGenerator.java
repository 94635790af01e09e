package io.jenkins.plugins.dsomm.bench;

import io.jenkins.plugins.dsomm.assess.Assessment;
import io.jenkins.plugins.dsomm.assess.Assessor;
import io.jenkins.plugins.dsomm.catalog.Catalog;
import io.jenkins.plugins.dsomm.catalog.CatalogLoader;
import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
import io.jenkins.plugins.dsomm.evidence.Finding;
import io.jenkins.plugins.dsomm.evidence.Severity;
import io.jenkins.plugins.dsomm.evidence.SeverityCounts;
import io.jenkins.plugins.dsomm.kpi.FindingSnapshot;
import io.jenkins.plugins.dsomm.mapping.RuleSet;
import io.jenkins.plugins.dsomm.mapping.RuleSetLoader;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * A seeded history of builds for the KPI benchmark: the {@link FindingSnapshot}s of a pipeline with six scanners
 * (CodeQL and Semgrep SAST, Trivy container and SCA, Dependency-Check SCA, ZAP DAST, Gitleaks secrets) and an
 * SBOM, about {@code findings} open findings per build on average, and the churn of a real project:
 * <ul>
 * <li>in every scan about 0.6 % of the scanner's open findings are fixed and about as many new ones appear; now
 * and then a scan fixes 10 % at once (a dependency upgrade) or adds 3 % (new rules);</li>
 * <li>15 % of the new findings are earlier fixed ones that come back (reopened);</li>
 * <li>scanners do not run in every build (ZAP in 40 %, Dependency-Check in 85 %...): their findings are absent
 * from the snapshot then, neither fixed nor open;</li>
 * <li>1 % of the builds are incomplete (a report had more findings than were kept): 5 % of the older findings of
 * a scanner are missing from the snapshot, which proves nothing;</li>
 * <li>build numbers with gaps (deleted builds, builds without assessment), 1 to 12 hours between builds and now
 * and then a pause of days.</li>
 * </ul>
 * A scanner's findings change only in builds in which it ran and that are complete, so that every generated fix
 * is observable: the KPIs must count exactly {@link Summary#remediated()} ended episodes and {@link
 * Summary#reopened()} reopened findings, which the benchmarks check. The last build runs every scanner; it is
 * also returned as an {@link Assessment} with named findings (what the KPI calculation gets for the current
 * build), and its snapshot is made from that assessment as the CLI and the plugin make it.
 */
public final class HistoryGenerator {
    /** When the first build ran. */
    static final Instant START = Instant.parse("2025-01-06T08:00:00Z");
    private static final double FIX_RATE = 0.006;
    private static final double REOPEN_SHARE = 0.15;
    private static final int RECENTLY_FIXED = 4096;
    /** Cumulative shares of CRITICAL, HIGH, MEDIUM, LOW, INFO; the rest UNKNOWN. */
    private static final double[] SEVERITY_SHARES = {0.03, 0.18, 0.58, 0.88, 0.95};

    /**
     * A scanner of the generated pipeline.
     *
     * @param tool   tool name as a parser states it
     * @param format parser id
     * @param kinds  evidence kinds of its reports
     * @param share  share of the open findings
     * @param runs   probability that it runs in a build
     * @param rules  rule ids of its findings
     */
    record Scanner(String tool, String format, Set<EvidenceKind> kinds, double share, double runs, String[] rules) {
    }

    static final List<Scanner> SCANNERS = List.of(
            new Scanner("CodeQL", "sarif", EnumSet.of(EvidenceKind.SAST), 0.35, 0.97,
                    new String[] {"java/sql-injection", "java/xss", "java/path-injection", "java/ssrf",
                        "java/weak-cryptographic-algorithm", "js/reflected-xss", "js/prototype-pollution",
                        "py/command-line-injection", "java/unsafe-deserialization", "js/regex-injection"}),
            new Scanner("Semgrep", "sarif", EnumSet.of(EvidenceKind.SAST), 0.15, 0.90,
                    new String[] {"python.lang.security.audit.eval-detected", "javascript.express.security.audit.xss",
                        "java.lang.security.audit.crypto.weak-hash", "generic.secrets.gitleaks.generic-api-key",
                        "go.lang.security.audit.net.unescaped-data-in-url"}),
            new Scanner("Trivy", "trivy-json", EnumSet.of(EvidenceKind.CONTAINER, EvidenceKind.SCA), 0.25, 0.95,
                    new String[] {"CVE-2023-44487", "CVE-2024-3094", "CVE-2022-42889", "CVE-2023-4863",
                        "CVE-2024-6387", "CVE-2021-44228", "CVE-2023-38545", "CVE-2024-21626"}),
            new Scanner("dependency-check", "dependency-check-json", EnumSet.of(EvidenceKind.SCA), 0.15, 0.85,
                    new String[] {"CVE-2022-1471", "CVE-2020-36518", "CVE-2023-20863", "CVE-2022-45688",
                        "CVE-2024-22259", "CVE-2023-34062"}),
            new Scanner("ZAP", "zap-json", EnumSet.of(EvidenceKind.DAST), 0.07, 0.40,
                    new String[] {"10038", "10020", "10021", "40012", "90022", "10096"}),
            new Scanner("Gitleaks", "gitleaks-json", EnumSet.of(EvidenceKind.SECRETS), 0.03, 0.99,
                    new String[] {"generic-api-key", "aws-access-token", "private-key", "github-pat"}));
    /** The SBOM of the build: no findings, a scanner that ran and the SBOM kind. */
    static final Scanner SBOM = new Scanner("cyclonedx-maven-plugin", "cyclonedx-json", EnumSet.of(EvidenceKind.SBOM),
            0, 0.90, new String[0]);
    private static final int SBOM_PACKAGES = 400;
    /** The share of a project's open findings that a build shows on average (scanners that did not run). */
    private static final double SEEN = SCANNERS.stream().mapToDouble(s -> s.share() * s.runs()).sum();
    /** The job of every build. */
    static final String JOB = "shop/main";
    private static final Catalog CATALOG = CatalogLoader.bundled();
    private static final RuleSet RULES = new RuleSetLoader(CATALOG).bundled(RuleSetLoader.STANDARD);

    /**
     * What was generated, for the checks.
     *
     * @param builds      builds in the history, the current one included
     * @param entries     finding entries in all snapshots
     * @param remediated  fixes (episodes that the KPIs must see ending)
     * @param reopened    fixed findings that came back
     * @param skipped     scans that did not run (scanner × build)
     * @param incomplete  incomplete builds
     * @param current     the current (last) build's assessment
     * @param now         when the KPIs are computed: an hour after the last build
     */
    public record Summary(int builds, long entries, int remediated, int reopened, int skipped, int incomplete,
            Assessment current, Instant now) {
    }

    /** The open findings of one scanner and its recently fixed ones. */
    private static final class Pool {
        long[] ids = new long[1024];
        byte[] severities = new byte[1024];
        int size;
        final long[] fixedIds = new long[RECENTLY_FIXED];
        final byte[] fixedSeverities = new byte[RECENTLY_FIXED];
        int fixedCount;
        int fixedNext;

        void add(final long id, final byte severity) {
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, size * 2);
                severities = Arrays.copyOf(severities, size * 2);
            }
            ids[size] = id;
            severities[size] = severity;
            size++;
        }

        void removeAt(final int i) {
            size--;
            ids[i] = ids[size];
            severities[i] = severities[size];
        }

        /** Remembers a fixed finding; the ring forgets the oldest. */
        void fixed(final long id, final byte severity) {
            fixedIds[fixedNext] = id;
            fixedSeverities[fixedNext] = severity;
            fixedNext = (fixedNext + 1) % RECENTLY_FIXED;
            fixedCount = Math.min(fixedCount + 1, RECENTLY_FIXED);
        }

        /** Moves a random recently fixed finding from the ring back to the open ones. */
        void reopen(final SplittableRandom r) {
            int newest = (fixedNext - 1 + RECENTLY_FIXED) % RECENTLY_FIXED;
            int slot = (fixedNext - fixedCount + r.nextInt(fixedCount) + RECENTLY_FIXED) % RECENTLY_FIXED;
            add(fixedIds[slot], fixedSeverities[slot]);
            fixedIds[slot] = fixedIds[newest];
            fixedSeverities[slot] = fixedSeverities[newest];
            fixedNext = newest;
            fixedCount--;
        }
    }

    private HistoryGenerator() {
    }

    /**
     * Generates {@code builds} builds of about {@code findings} open findings each and hands each build's snapshot,
     * oldest first, to {@code sink} (so that a caller keeps only what it needs).
     */
    public static Summary generate(final int builds, final int findings, final long seed,
            final Consumer<FindingSnapshot> sink) {
        return generate(builds, findings, seed, sink, null);
    }

    /**
     * Like {@link #generate(int, int, long, Consumer)}, and also hands every build's assessment, with named
     * findings, to {@code documents} (for writing a history folder of assessment documents); the snapshots are
     * then made from these assessments.
     */
    public static Summary generate(final int builds, final int findings, final long seed,
            final Consumer<FindingSnapshot> sink, final Consumer<Assessment> documents) {
        if (builds < 2 || findings < 100) {
            throw new IllegalArgumentException("at least 2 builds of 100 findings");
        }
        SplittableRandom r = new SplittableRandom(seed);
        Pool[] pools = new Pool[SCANNERS.size()];
        for (int s = 0; s < pools.length; s++) {
            pools[s] = new Pool();
        }
        long time = START.getEpochSecond();
        int number = 0;
        long entries = 0;
        int remediated = 0;
        int reopened = 0;
        int skipped = 0;
        int incomplete = 0;
        Assessment current = null;
        boolean[] ran = new boolean[SCANNERS.size()];
        int[] before = new int[SCANNERS.size()];
        for (int b = 0; b < builds; b++) {
            boolean first = b == 0;
            boolean last = b == builds - 1;
            if (!first) {
                time += 3600L * (1 + r.nextInt(12)) + r.nextInt(3600);
                if (r.nextInt(40) == 0) {
                    time += 86_400L * (2 + r.nextInt(10)); // a pause: weekend, holidays, a frozen branch
                }
            }
            number += r.nextInt(25) == 0 ? 2 + r.nextInt(5) : 1;
            boolean complete = first || last || r.nextInt(100) != 0;
            for (int s = 0; s < pools.length; s++) {
                Scanner scanner = SCANNERS.get(s);
                ran[s] = first || last || r.nextDouble() < scanner.runs();
                if (!ran[s]) {
                    skipped++;
                    continue;
                }
                Pool p = pools[s];
                // the project's open findings: more than a build shows, as not every scanner runs every time
                int target = (int) Math.round(findings * scanner.share() / SEEN);
                before[s] = p.size;
                int fixedNow = 0;
                if (complete && !first) {
                    double rate = r.nextInt(150) == 0 ? 0.10 : FIX_RATE;
                    long[] fixedIds = new long[p.size];
                    byte[] fixedSeverities = new byte[p.size];
                    for (int i = p.size - 1; i >= 0; i--) {
                        if (r.nextDouble() < rate) {
                            fixedIds[fixedNow] = p.ids[i];
                            fixedSeverities[fixedNow] = p.severities[i];
                            fixedNow++;
                            p.removeAt(i);
                        }
                    }
                    reopened += newFindings(r, p, newCount(r, fixedNow, p.size, target));
                    // fixed ones join the ring after the new ones were chosen: nothing comes back in its fix build
                    for (int i = 0; i < fixedNow; i++) {
                        p.fixed(fixedIds[i], fixedSeverities[i]);
                    }
                    remediated += fixedNow;
                }
                else {
                    reopened += newFindings(r, p, first ? target : newCount(r, 0, p.size, target));
                }
            }
            boolean sbom = first || last || r.nextDouble() < SBOM.runs();
            // an incomplete report: 5 % of one scanner's older findings (none of this build's new ones) not kept
            int dropScanner = complete ? -1 : ranScanner(r, ran);
            int dropped = dropScanner < 0 ? 0 : Math.min(pools[dropScanner].size / 20, before[dropScanner]);
            if (dropped == 0) {
                dropScanner = -1;
            }
            else {
                incomplete++;
            }
            String label = JOB + " #" + number;
            Instant at = Instant.ofEpochSecond(time);
            FindingSnapshot snapshot;
            if (last || documents != null) {
                Assessment a = assessment(pools, ran, sbom, dropScanner, dropped, number, at);
                if (documents != null) {
                    documents.accept(a);
                }
                snapshot = FindingSnapshot.of(a.label(), a);
                current = a;
            }
            else {
                snapshot = snapshot(pools, ran, sbom, dropScanner, dropped, label, at);
            }
            entries += snapshot.size();
            sink.accept(snapshot);
        }
        return new Summary(builds, entries, remediated, reopened, skipped, incomplete, current,
                Instant.ofEpochSecond(time).plus(Duration.ofHours(1)));
    }

    /** A random scanner among those that ran, -1 if none did. */
    private static int ranScanner(final SplittableRandom r, final boolean[] ran) {
        int count = 0;
        for (boolean b : ran) {
            count += b ? 1 : 0;
        }
        if (count == 0) {
            return -1;
        }
        int k = r.nextInt(count);
        for (int s = 0; s < ran.length; s++) {
            if (ran[s] && k-- == 0) {
                return s;
            }
        }
        throw new IllegalStateException("unreachable");
    }
    /** New findings: as many as were fixed, give or take, drawn back towards the target size. */
    private static int newCount(final SplittableRandom r, final int fixed, final int size, final int target) {
        double n = fixed * (0.7 + 0.6 * r.nextDouble()) + (target - size) * 0.1;
        if (r.nextInt(150) == 0) {
            n += target * 0.03; // a new rule pack or a new image
        }
        return Math.max(0, (int) Math.round(n));
    }

    /** Adds {@code n} findings, some of them recently fixed ones; returns how many were reopened. */
    private static int newFindings(final SplittableRandom r, final Pool p, final int n) {
        int reopened = 0;
        for (int i = 0; i < n; i++) {
            if (p.fixedCount > 0 && r.nextDouble() < REOPEN_SHARE) {
                p.reopen(r);
                reopened++;
            }
            else {
                p.add(r.nextLong(), severity(r));
            }
        }
        return reopened;
    }

    private static byte severity(final SplittableRandom r) {
        double x = r.nextDouble();
        for (int s = 0; s < SEVERITY_SHARES.length; s++) {
            if (x < SEVERITY_SHARES[s]) {
                return (byte) s;
            }
        }
        return (byte) Severity.UNKNOWN.ordinal();
    }

    /** A past build's snapshot, as decoded from its assessment document. */
    private static FindingSnapshot snapshot(final Pool[] pools, final boolean[] ran, final boolean sbom,
            final int dropScanner, final int dropped, final String label, final Instant time) {
        List<String> scanners = new ArrayList<>();
        Set<EvidenceKind> kinds = EnumSet.noneOf(EvidenceKind.class);
        int n = 0;
        for (int s = 0; s < pools.length; s++) {
            if (ran[s]) {
                n += pools[s].size;
            }
        }
        long[] ids = new long[n];
        byte[] severities = new byte[n];
        byte[] scanner = new byte[n];
        int i = 0;
        for (int s = 0; s < pools.length; s++) {
            if (!ran[s]) {
                continue;
            }
            Scanner sc = SCANNERS.get(s);
            int index = scanners.size();
            scanners.add(sc.tool().toLowerCase(Locale.ROOT));
            kinds.addAll(sc.kinds());
            Pool p = pools[s];
            int from = s == dropScanner ? dropped : 0;
            for (int k = from; k < p.size; k++) {
                ids[i] = p.ids[k];
                severities[i] = p.severities[k];
                scanner[i] = (byte) index;
                i++;
            }
        }
        if (sbom) {
            scanners.add(SBOM.tool());
            kinds.addAll(SBOM.kinds());
        }
        return new FindingSnapshot(label, time, Arrays.copyOf(ids, i), Arrays.copyOf(severities, i),
                Arrays.copyOf(scanner, i), scanners, kinds, dropScanner < 0);
    }

    /** A build's assessment: the evidence of the scanners that ran with named findings, and the SBOM. */
    private static Assessment assessment(final Pool[] pools, final boolean[] ran, final boolean sbom,
            final int dropScanner, final int dropped, final int number, final Instant time) {
        List<Evidence> evidence = new ArrayList<>();
        for (int s = 0; s < pools.length; s++) {
            if (!ran[s]) {
                continue;
            }
            Scanner sc = SCANNERS.get(s);
            Pool p = pools[s];
            int from = s == dropScanner ? dropped : 0;
            List<Finding> list = new ArrayList<>(p.size - from);
            SeverityCounts.Counter open = new SeverityCounts.Counter();
            for (int k = 0; k < p.size; k++) {
                Severity severity = Severity.values()[p.severities[k]];
                if (k >= from) {
                    list.add(finding(sc, p.ids[k], severity));
                }
                open.add(severity);
            }
            evidence.add(Evidence.builder().format(sc.format()).tool(sc.tool()).kinds(sc.kinds())
                    .open(open.toCounts()).findings(list, from > 0).sourceFile(sc.tool().toLowerCase(Locale.ROOT)
                            + "-report.json").producedAt(time).build());
        }
        if (sbom) {
            List<String> packages = new ArrayList<>();
            for (int i = 0; i < SBOM_PACKAGES; i++) {
                packages.add(packageName(i));
            }
            evidence.add(Evidence.builder().format(SBOM.format()).tool(SBOM.tool()).kinds(SBOM.kinds())
                    .components(SBOM_PACKAGES).packages(packages).sourceFile("bom.json").producedAt(time).build());
        }
        return Assessor.of(CATALOG, RULES).at(time, ZoneOffset.UTC).evidence(evidence)
                .subject(Map.of("job", JOB, "build", Integer.toString(number))).assess();
    }

    private static String packageName(final int i) {
        return Words.GROUPS[i % Words.GROUPS.length] + "/" + Words.NOUNS[i / Words.GROUPS.length % Words.NOUNS.length]
                + "-" + Words.VERBS[i % Words.VERBS.length];
    }

    /** A named finding: SCA findings are about a package (some of them not in the SBOM), others about a file. */
    private static Finding finding(final Scanner sc, final long id, final Severity severity) {
        SplittableRandom r = new SplittableRandom(id);
        String rule = sc.rules()[r.nextInt(sc.rules().length)];
        String location;
        if (sc.kinds().contains(EvidenceKind.SCA)) {
            int pkg = r.nextInt(SBOM_PACKAGES + SBOM_PACKAGES / 20);
            location = "pkg:maven/" + packageName(pkg) + "@" + Words.version(r);
        }
        else if (sc.kinds().contains(EvidenceKind.DAST)) {
            location = "https://shop.example.com/" + Words.pick(r, Words.NOUNS) + "/" + Words.pick(r, Words.VERBS);
        }
        else {
            location = Words.path(r);
        }
        return new Finding(id, severity, rule, Words.sentence(r, 5), location);
    }
}
