package io.jenkins.plugins.dsomm.evidence;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;

/** Immutable count of findings per {@link Severity}. */
public final class SeverityCounts implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Severity[] SEVERITIES = Severity.values();

    /** No findings. */
    public static final SeverityCounts NONE = new SeverityCounts(new int[SEVERITIES.length]);

    private final int[] counts;

    private SeverityCounts(final int[] counts) {
        this.counts = counts;
    }

    /** Counts in {@link Severity} order: critical, high, medium, low, info, unknown. */
    public static SeverityCounts of(final int critical, final int high, final int medium, final int low,
            final int info, final int unknown) {
        int[] c = {critical, high, medium, low, info, unknown};
        for (int v : c) {
            if (v < 0) {
                throw new IllegalArgumentException("negative count: " + Arrays.toString(c));
            }
        }
        return new SeverityCounts(c);
    }

    /** Counts from a map; missing severities count 0. */
    public static SeverityCounts of(final Map<Severity, Integer> map) {
        int[] c = new int[SEVERITIES.length];
        map.forEach((s, n) -> c[s.ordinal()] = n);
        return of(c[0], c[1], c[2], c[3], c[4], c[5]);
    }

    /** The sum of several counts. */
    public static SeverityCounts sum(final Collection<SeverityCounts> all) {
        int[] c = new int[SEVERITIES.length];
        for (SeverityCounts s : all) {
            for (int i = 0; i < c.length; i++) {
                c[i] = Math.addExact(c[i], s.counts[i]);
            }
        }
        return new SeverityCounts(c);
    }

    public int get(final Severity severity) {
        return counts[severity.ordinal()];
    }

    public int total() {
        int t = 0;
        for (int v : counts) {
            t += v;
        }
        return t;
    }

    /** {@code this - other}, never below zero. */
    public SeverityCounts minus(final SeverityCounts other) {
        int[] c = new int[SEVERITIES.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = Math.max(0, counts[i] - other.counts[i]);
        }
        return new SeverityCounts(c);
    }

    public SeverityCounts plus(final SeverityCounts other) {
        return sum(java.util.List.of(this, other));
    }

    /** Mutable accumulator. */
    public static final class Counter {
        private final int[] c = new int[SEVERITIES.length];

        public void add(final Severity severity) {
            c[severity.ordinal()]++;
        }

        public void add(final Severity severity, final int n) {
            c[severity.ordinal()] += n;
        }

        public int total() {
            int t = 0;
            for (int v : c) {
                t += v;
            }
            return t;
        }

        public SeverityCounts toCounts() {
            return new SeverityCounts(c.clone());
        }
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof SeverityCounts other && Arrays.equals(counts, other.counts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("{");
        for (Severity s : SEVERITIES) {
            if (b.length() > 1) {
                b.append(", ");
            }
            b.append(s.key()).append('=').append(counts[s.ordinal()]);
        }
        return b.append('}').toString();
    }
}
