package io.jenkins.plugins.dsomm.kpi;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Summary of durations, in hours: count, mean, median and 90th percentile (nearest rank). All zero when empty.
 *
 * @param count  number of durations
 * @param mean   mean, hours
 * @param median median, hours
 * @param p90    90th percentile, hours
 */
public record Stats(int count, double mean, double median, double p90) implements Serializable {
    public static final Stats EMPTY = new Stats(0, 0, 0, 0);

    /** Stats of the first {@code n} values (sorted in place). */
    static Stats of(final double[] hours, final int n) {
        if (n == 0) {
            return EMPTY;
        }
        Arrays.sort(hours, 0, n);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += hours[i];
        }
        double median = n % 2 != 0 ? hours[n / 2] : (hours[n / 2 - 1] + hours[n / 2]) / 2;
        double p90 = hours[Math.max(0, (int) Math.ceil(0.9 * n) - 1)];
        return new Stats(n, round(sum / n), round(median), round(p90));
    }

    private static double round(final double v) {
        return Math.round(v * 100) / 100.0;
    }

    /** Days, for messages. */
    public static String days(final double hours) {
        double d = hours / 24;
        return d >= 10 ? String.format(java.util.Locale.ROOT, "%.0f days", d)
                : String.format(java.util.Locale.ROOT, "%.1f days", d);
    }
}
