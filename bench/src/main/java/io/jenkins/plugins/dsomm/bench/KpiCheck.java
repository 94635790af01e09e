package io.jenkins.plugins.dsomm.bench;

import io.jenkins.plugins.dsomm.json.AssessmentJson;
import io.jenkins.plugins.dsomm.kpi.FindingSnapshot;
import io.jenkins.plugins.dsomm.kpi.KpiCalculator;
import io.jenkins.plugins.dsomm.kpi.Kpis;
import io.jenkins.plugins.dsomm.kpi.SnapshotCodec;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The size side of the KPI benchmark, in one JVM with a small heap: generates a history ({@link HistoryGenerator},
 * 1,000 builds of about 10,000 findings by default), keeps each build's snapshot only in its stored form (base64,
 * as in the assessment document), then decodes them one by one (dropping each string) and computes the KPIs.
 *
 * <pre>java -Xmx256m -cp bench/target/benchmarks.jar io.jenkins.plugins.dsomm.bench.KpiCheck --builds 1000 --findings 10000</pre>
 *
 * Prints the size of the stored snapshot per build and of the whole assessment document of the current build, the
 * heap held by the stored and by the decoded snapshots (measured after full collections), the decode time, the
 * time of the first and of later KPI computations and the peak heap while computing. Exits with 1 when the KPIs
 * differ from what the generator made, 2 when it runs out of memory.
 */
public final class KpiCheck {
    private static final double MIB = 1024.0 * 1024.0;

    private KpiCheck() {
    }

    public static void main(final String[] args) throws IOException, InterruptedException {
        int builds = 1000;
        int findings = 10_000;
        int repeat = 5;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--builds" -> builds = Integer.parseInt(args[++i]);
                case "--findings" -> findings = Integer.parseInt(args[++i]);
                case "--repeat" -> repeat = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("usage: KpiCheck [--builds N] [--findings N] [--repeat N]");
                    System.exit(64);
                }
            }
        }
        try {
            run(builds, findings, repeat);
        }
        catch (OutOfMemoryError e) {
            System.out.println("OUT OF MEMORY");
            System.exit(2);
        }
    }

    private static void run(final int builds, final int findings, final int repeat)
            throws IOException, InterruptedException {
        long h0 = HeapWatch.heapAfterGc();
        long t0 = System.nanoTime();
        List<StoredSnapshot> stored = new ArrayList<>(builds);
        FindingSnapshot[] last = new FindingSnapshot[1];
        int[] sizes = new int[builds];
        HistoryGenerator.Summary summary = HistoryGenerator.generate(builds, findings, BenchInputs.SEED, s -> {
            sizes[stored.size()] = s.size();
            stored.add(StoredSnapshot.of(s));
            last[0] = s;
        });
        double genSeconds = (System.nanoTime() - t0) / 1e9;
        long storedBytes = 0;
        int maxStored = 0;
        for (StoredSnapshot s : stored) {
            storedBytes += s.bytes();
            maxStored = Math.max(maxStored, s.bytes());
        }
        int[] sorted = sizes.clone();
        Arrays.sort(sorted);
        Duration span = Duration.between(stored.get(0).time(), stored.get(builds - 1).time());
        System.out.printf(Locale.ROOT, "max heap (-Xmx):            %,.0f MiB%n", Runtime.getRuntime().maxMemory() / MIB);
        System.out.printf(Locale.ROOT, "history:                    %,d builds (%s to %s, %d days), generated in %.1f s%n",
                builds, stored.get(0).label(), stored.get(builds - 1).label(), span.toDays(), genSeconds);
        System.out.printf(Locale.ROOT, "findings per build:         mean %,.0f, min %,d, median %,d, max %,d; %,d in all%n",
                summary.entries() / (double) builds, sorted[0], sorted[builds / 2], sorted[builds - 1],
                summary.entries());
        System.out.printf(Locale.ROOT, "churn:                      %,d fixed, %,d reopened, %,d scans not run, "
                + "%d incomplete builds%n", summary.remediated(), summary.reopened(), summary.skipped(),
                summary.incomplete());
        System.out.printf(Locale.ROOT, "stored snapshot per build:  mean %,.1f KiB, max %,.1f KiB base64 (%.2f bytes a "
                + "finding); %,.1f MB for all builds%n", storedBytes / (double) builds / 1024, maxStored / 1024.0,
                storedBytes / (double) summary.entries(), storedBytes / 1e6);

        long h1 = HeapWatch.heapAfterGc();
        t0 = System.nanoTime();
        List<FindingSnapshot> history = new ArrayList<>(builds);
        for (int i = 0; i < builds - 1; i++) {
            history.add(stored.get(i).decode());
            stored.set(i, null);
        }
        history.add(last[0]);
        stored.clear();
        last[0] = null;
        double decodeSeconds = (System.nanoTime() - t0) / 1e9;
        long h2 = HeapWatch.heapAfterGc();

        HeapWatch watch = new HeapWatch();
        watch.start();
        t0 = System.nanoTime();
        Kpis k = new KpiCalculator().compute(history, null, summary.current(), summary.now());
        double firstMillis = (System.nanoTime() - t0) / 1e6;
        watch.stop();
        double[] warm = new double[Math.max(1, repeat)];
        for (int i = 0; i < warm.length; i++) {
            t0 = System.nanoTime();
            k = new KpiCalculator().compute(history, null, summary.current(), summary.now());
            warm[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(warm);
        KpiBenchmark.check(summary, k, history.get(builds - 1));
        int lastSize = history.get(builds - 1).size();
        history = null;
        long h3 = HeapWatch.heapAfterGc();

        System.out.printf(Locale.ROOT, "heap, stored snapshots:     %,.1f MiB (base64 strings of all builds)%n",
                (h1 - h3) / MIB);
        System.out.printf(Locale.ROOT, "decode of all snapshots:    %.2f s%n", decodeSeconds);
        System.out.printf(Locale.ROOT, "heap, decoded snapshots:    %,.1f MiB (%.2f bytes a finding)%n", (h2 - h3) / MIB,
                (h2 - h3) / (double) summary.entries());
        System.out.printf(Locale.ROOT, "heap, current assessment:   %,.1f MiB (%,d named findings)%n", (h3 - h0) / MIB,
                lastSize);
        System.out.printf(Locale.ROOT, "KPI computation:            first %.0f ms, then median %.0f ms (min %.0f) of %d%n",
                firstMillis, warm[warm.length / 2], warm[0], warm.length);
        System.out.printf(Locale.ROOT, "peak heap while computing:  %,.1f MiB, %,.1f MiB over the decoded history "
                + "(%d collections)%n", watch.peak() / MIB, Math.max(0, watch.peak() - h2) / MIB, watch.collections());
        System.out.printf(Locale.ROOT, "KPIs:                       %,d remediated, %,d reopened, %,d SLA breaches listed, "
                + "%d untracked dependencies, risk %,.0f%n", k.remediation().values().stream().mapToInt(s -> s.count())
                        .sum(), k.reopened(), k.slaBreaches().size(), k.untracked().size(), k.riskScore());
        CountingOutputStream doc = new CountingOutputStream(OutputStream.nullOutputStream());
        AssessmentJson.write(summary.current(), null, k, doc);
        FindingSnapshot current = FindingSnapshot.of(summary.current().label(), summary.current());
        System.out.printf(Locale.ROOT, "current build's document:   %,.2f MB assessment.json, of which %,.1f KiB the "
                + "snapshot%n", doc.count() / 1e6, SnapshotCodec.encode(current).length() / 1024.0);
        System.out.println("KPIs match the generated history");
    }
}
