package io.jenkins.plugins.dsomm.kpi;

import io.jenkins.plugins.dsomm.evidence.SeverityCounts;

import java.io.Serializable;

/**
 * This build's findings against its reference, per severity: new (not in the reference), fixed (in the
 * reference, gone now although its scanner ran), outstanding (in both), and not rescanned (in the reference, its
 * scanner did not run now: neither fixed nor open).
 *
 * @param reference   label of the reference, empty when there is none (everything is new)
 * @param added       new findings
 * @param fixed       fixed findings
 * @param outstanding findings in both
 * @param notRescanned findings of the reference whose scanner did not run
 */
public record FindingChanges(String reference, SeverityCounts added, SeverityCounts fixed,
        SeverityCounts outstanding, SeverityCounts notRescanned) implements Serializable {
}
