package io.jenkins.plugins.dsomm.kpi;

import io.jenkins.plugins.dsomm.evidence.Severity;

import java.io.Serializable;

/**
 * An open finding past its SLA.
 *
 * @param id       finding identity
 * @param label    "rule in location"
 * @param tool     the tool that reports it
 * @param severity its severity
 * @param ageHours how long it has been open (current episode), hours
 * @param slaHours its SLA, hours
 */
public record SlaBreach(long id, String label, String tool, Severity severity, double ageHours, double slaHours)
        implements Serializable {
}
