package io.jenkins.plugins.dsomm.kpi;

import io.jenkins.plugins.dsomm.evidence.Severity;

import java.io.Serializable;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * How long a finding of each severity may stay open. Defaults follow the DSOMM level-1 target for critical
 * vulnerabilities (remediated within 7 days) and widen by severity: CRITICAL 7 days, HIGH 30, MEDIUM 90, LOW 180;
 * INFO and UNKNOWN have no SLA. DSOMM's stricter levels aim much lower (critical within 4 hours at level 4).
 *
 * @param limits maximum open time per severity; a severity without entry has no SLA
 */
public record SlaTable(Map<Severity, Duration> limits) implements Serializable {
    public SlaTable {
        Map<Severity, Duration> m = new EnumMap<>(Severity.class);
        m.putAll(limits);
        m.values().forEach(d -> {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("an SLA must be longer than 0: " + d);
            }
        });
        limits = Collections.unmodifiableMap(m);
    }

    public static SlaTable defaults() {
        Map<Severity, Duration> m = new EnumMap<>(Severity.class);
        m.put(Severity.CRITICAL, Duration.ofDays(7));
        m.put(Severity.HIGH, Duration.ofDays(30));
        m.put(Severity.MEDIUM, Duration.ofDays(90));
        m.put(Severity.LOW, Duration.ofDays(180));
        return new SlaTable(m);
    }

    /** The defaults with some severities changed (days). */
    public SlaTable with(final Map<Severity, Integer> days) {
        Map<Severity, Duration> m = new EnumMap<>(Severity.class);
        m.putAll(limits);
        days.forEach((s, d) -> m.put(s, Duration.ofDays(d)));
        return new SlaTable(m);
    }

    public Optional<Duration> limit(final Severity severity) {
        return Optional.ofNullable(limits.get(severity));
    }
}
