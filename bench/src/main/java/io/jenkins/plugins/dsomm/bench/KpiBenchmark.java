package io.jenkins.plugins.dsomm.bench;

import io.jenkins.plugins.dsomm.kpi.FindingSnapshot;
import io.jenkins.plugins.dsomm.kpi.KpiCalculator;
import io.jenkins.plugins.dsomm.kpi.Kpis;
import io.jenkins.plugins.dsomm.kpi.SnapshotCodec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The KPIs of a long history: {@link HistoryGenerator} builds (1,000 by default) of about 10,000 open findings
 * each, with churn, reopened findings, scans that did not run and incomplete builds. Measures the KPI computation
 * on the decoded snapshots, the same with decoding the stored base64 snapshots first (what the CLI and the plugin
 * do with the snapshots of earlier builds' documents), and the per-build cost of making and encoding the current
 * build's snapshot. The setup checks that the KPIs see exactly the fixes and reopenings the generator made.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
public class KpiBenchmark {
    /** The generated history, decoded and stored. */
    @State(Scope.Benchmark)
    public static class History {
        @Param("1000")
        int builds;
        @Param("10000")
        int findings;

        List<FindingSnapshot> snapshots;
        List<StoredSnapshot> stored;
        HistoryGenerator.Summary summary;

        @Setup
        public void setUp() {
            snapshots = new ArrayList<>(builds);
            stored = new ArrayList<>(builds);
            summary = HistoryGenerator.generate(builds, findings, BenchInputs.SEED, s -> {
                snapshots.add(s);
                stored.add(StoredSnapshot.of(s));
            });
            check(summary, new KpiCalculator().compute(snapshots, null, summary.current(), summary.now()),
                    snapshots.get(snapshots.size() - 1));
        }
    }

    /** Fails when the KPIs do not see what the generator made. */
    static void check(final HistoryGenerator.Summary summary, final Kpis k, final FindingSnapshot last) {
        int remediated = k.remediation().values().stream().mapToInt(s -> s.count()).sum();
        int aged = k.openAge().values().stream().mapToInt(s -> s.count()).sum();
        if (k.history() != summary.builds() || remediated != summary.remediated()
                || k.reopened() != summary.reopened() || aged != last.size()) {
            throw new IllegalStateException("KPIs differ from the generated history: " + k.history() + " builds, "
                    + remediated + " remediated, " + k.reopened() + " reopened, " + aged + " open; generated "
                    + summary);
        }
    }

    /** The KPIs from the decoded snapshots. */
    @Benchmark
    public Kpis kpis(final History h) {
        return new KpiCalculator().compute(h.snapshots, null, h.summary.current(), h.summary.now());
    }

    /** Decoding the stored snapshots of the earlier builds, then the KPIs. */
    @Benchmark
    public Kpis decodeAndKpis(final History h) {
        List<FindingSnapshot> history = new ArrayList<>(h.stored.size());
        for (int i = 0; i < h.stored.size() - 1; i++) {
            history.add(h.stored.get(i).decode());
        }
        history.add(h.snapshots.get(h.snapshots.size() - 1)); // the current build's own
        return new KpiCalculator().compute(history, null, h.summary.current(), h.summary.now());
    }

    /** Per build: the snapshot of the current assessment and its encoding for the document. */
    @Benchmark
    public String storeSnapshot(final History h) {
        return SnapshotCodec.encode(FindingSnapshot.of(h.summary.current().label(), h.summary.current()));
    }
}
