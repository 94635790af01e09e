package io.jenkins.plugins.dsomm.kpi;

import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
import io.jenkins.plugins.dsomm.evidence.Severity;

import java.io.Serializable;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Security KPIs of a build, from its history: finding changes against the reference, time to remediate and age
 * of open findings per severity, SLA breaches, scan coverage per kind, untracked dependencies and the risk score.
 *
 * @param history        builds looked at (this one included)
 * @param changes        new, fixed, outstanding findings against the reference
 * @param remediation    time to remediate per severity (episodes that ended within the history)
 * @param openAge        age of this build's open findings per severity
 * @param reopened       findings that were fixed and came back within the history
 * @param slaBreaches    open findings past their SLA, most overdue first
 * @param coverageWindow builds of the coverage window
 * @param coverage       coverage per evidence kind over the window
 * @param untracked      packages with SCA findings that the build's SBOM does not list (empty without both)
 * @param riskScore      sum of the findings' risk (severity weight × overdue factor × business context)
 * @param multiplier     the business-context multiplier applied
 */
public record Kpis(int history, FindingChanges changes, Map<Severity, Stats> remediation, Map<Severity, Stats> openAge,
        int reopened, List<SlaBreach> slaBreaches, int coverageWindow, Map<EvidenceKind, Coverage> coverage,
        List<String> untracked, double riskScore, double multiplier) implements Serializable {
    public Kpis {
        remediation = Collections.unmodifiableMap(new EnumMap<>(remediation));
        openAge = Collections.unmodifiableMap(new EnumMap<>(openAge));
        slaBreaches = List.copyOf(slaBreaches);
        Map<EvidenceKind, Coverage> byKind = new EnumMap<>(EvidenceKind.class);
        byKind.putAll(coverage);
        coverage = Collections.unmodifiableMap(byKind);
        untracked = List.copyOf(untracked);
    }
}
