package io.jenkins.plugins.dsomm.ingest.parser;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The CVSS base score of a vector, for reports that state a vector but no score (OSV-Scanner, Snyk). CVSS v3.0
 * and v3.1 ({@code CVSS:3.1/AV:N/AC:L/...}, the v3.1 round-up) and v2 ({@code AV:N/AC:L/Au:N/C:P/I:P/A:P}) are
 * computed with the specifications' base equations; CVSS v4 needs the specification's lookup tables and is not
 * computed (NaN), nor is anything malformed.
 */
final class CvssBaseScore {
    private CvssBaseScore() {
    }

    /** The CVSS version of a vector ("4.0", "3.1", "3.0", "2.0"), or null when it is none of them. */
    static String version(final String vector) {
        if (vector == null) {
            return null;
        }
        String v = strip(vector);
        if (v.startsWith("CVSS:")) {
            int slash = v.indexOf('/');
            return slash > 5 ? v.substring(5, slash) : null;
        }
        return metrics(v).containsKey("AU") ? "2.0" : null;
    }

    /** The base score of a v2 or v3.x vector, or NaN. */
    static double of(final String vector) {
        if (vector == null || vector.isBlank() || vector.length() > 500) {
            return Double.NaN;
        }
        String v = strip(vector);
        if (v.startsWith("CVSS:3.")) {
            return v3(metrics(v.substring(v.indexOf('/') + 1)));
        }
        if (v.startsWith("CVSS:2")) {
            return v2(metrics(v.substring(v.indexOf('/') + 1)));
        }
        if (v.startsWith("CVSS:")) {
            return Double.NaN;
        }
        return v2(metrics(v));
    }

    private static String strip(final String vector) {
        String v = vector.trim().toUpperCase(Locale.ROOT);
        if (v.startsWith("(") && v.endsWith(")")) {
            v = v.substring(1, v.length() - 1);
        }
        return v;
    }

    private static Map<String, String> metrics(final String v) {
        Map<String, String> m = new HashMap<>();
        for (String part : v.split("/")) {
            int colon = part.indexOf(':');
            if (colon > 0) {
                m.putIfAbsent(part.substring(0, colon), part.substring(colon + 1));
            }
        }
        return m;
    }

    private static double v3(final Map<String, String> m) {
        boolean changed = "C".equals(m.get("S"));
        if (!changed && !"U".equals(m.get("S"))) {
            return Double.NaN;
        }
        double av = pick(m.get("AV"), "N", 0.85, "A", 0.62, "L", 0.55, "P", 0.2);
        double ac = pick(m.get("AC"), "L", 0.77, "H", 0.44);
        double pr = changed ? pick(m.get("PR"), "N", 0.85, "L", 0.68, "H", 0.5)
                : pick(m.get("PR"), "N", 0.85, "L", 0.62, "H", 0.27);
        double ui = pick(m.get("UI"), "N", 0.85, "R", 0.62);
        double c = pick(m.get("C"), "H", 0.56, "L", 0.22, "N", 0);
        double i = pick(m.get("I"), "H", 0.56, "L", 0.22, "N", 0);
        double a = pick(m.get("A"), "H", 0.56, "L", 0.22, "N", 0);
        if (Double.isNaN(av + ac + pr + ui + c + i + a)) {
            return Double.NaN;
        }
        double iss = 1 - (1 - c) * (1 - i) * (1 - a);
        double impact = changed ? 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss - 0.02, 15) : 6.42 * iss;
        double exploitability = 8.22 * av * ac * pr * ui;
        if (impact <= 0) {
            return 0;
        }
        double sum = changed ? 1.08 * (impact + exploitability) : impact + exploitability;
        return roundUp(Math.min(sum, 10));
    }

    /** CVSS v3.1 Roundup: the smallest number with one decimal that is at least the input. */
    private static double roundUp(final double x) {
        long intInput = Math.round(x * 100_000);
        if (intInput % 10_000 == 0) {
            return intInput / 100_000.0;
        }
        return (Math.floor(intInput / 10_000.0) + 1) / 10.0;
    }

    private static double v2(final Map<String, String> m) {
        double av = pick(m.get("AV"), "L", 0.395, "A", 0.646, "N", 1.0);
        double ac = pick(m.get("AC"), "H", 0.35, "M", 0.61, "L", 0.71);
        double au = pick(m.get("AU"), "M", 0.45, "S", 0.56, "N", 0.704);
        double c = pick(m.get("C"), "N", 0, "P", 0.275, "C", 0.660);
        double i = pick(m.get("I"), "N", 0, "P", 0.275, "C", 0.660);
        double a = pick(m.get("A"), "N", 0, "P", 0.275, "C", 0.660);
        if (Double.isNaN(av + ac + au + c + i + a)) {
            return Double.NaN;
        }
        double impact = 10.41 * (1 - (1 - c) * (1 - i) * (1 - a));
        double exploitability = 20 * av * ac * au;
        double f = impact == 0 ? 0 : 1.176;
        double base = (0.6 * impact + 0.4 * exploitability - 1.5) * f;
        return Math.max(0, Math.round(base * 10) / 10.0);
    }

    /** The weight of a metric value from (value, weight) pairs, or NaN when the value is missing or unknown. */
    private static double pick(final String value, final Object... pairs) {
        if (value == null) {
            return Double.NaN;
        }
        for (int k = 0; k + 1 < pairs.length; k += 2) {
            if (pairs[k].equals(value)) {
                return ((Number) pairs[k + 1]).doubleValue();
            }
        }
        return Double.NaN;
    }
}
