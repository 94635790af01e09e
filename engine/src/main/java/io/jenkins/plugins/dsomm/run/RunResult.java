package io.jenkins.plugins.dsomm.run;

import io.jenkins.plugins.dsomm.assess.Assessment;
import io.jenkins.plugins.dsomm.attest.ProgressDefinition;
import io.jenkins.plugins.dsomm.gate.GateResult;
import io.jenkins.plugins.dsomm.ingest.IngestedFile;
import io.jenkins.plugins.dsomm.kpi.Kpis;
import io.jenkins.plugins.dsomm.render.TextSummary;
import io.jenkins.plugins.dsomm.render.TrendPoint;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything an assessment run gives: the assessment, its KPIs, the gate result with its gap list, the trend
 * (earlier runs and this one), what the adapters should tell their users, and the outputs on demand.
 *
 * @param assessment   the assessment
 * @param kpis         the KPIs over the history and this run
 * @param gate         the gate decision, with the gap list
 * @param trend        earlier runs and this one, oldest first
 * @param team         the team the outputs name
 * @param day          the day of the run, in its time zone
 * @param files        every report file read in this run, in the order read (empty when the evidence was
 *                     recorded before the run)
 * @param warnings     what the user should know that is not in the assessment: an unreadable reference or history
 *                     file, a broken attestation file (each names the file)
 * @param inputProblem whether some input could not be read: unreadable reports, attestation file or reference
 *                     (the command line exits with 3 then, after writing every output)
 * @param progressDefinition the team's DSOMM application progress states (for team-progress.yaml)
 */
public record RunResult(Assessment assessment, Kpis kpis, GateResult gate, List<TrendPoint> trend, String team,
        LocalDate day, List<IngestedFile> files, List<String> warnings, boolean inputProblem,
        ProgressDefinition progressDefinition) {
    public RunResult {
        trend = List.copyOf(trend);
        files = List.copyOf(files);
        warnings = List.copyOf(warnings);
        progressDefinition = progressDefinition == null ? ProgressDefinition.defaults() : progressDefinition;
    }

    /** A result with the DSOMM application's default progress states. */
    public RunResult(final Assessment assessment, final Kpis kpis, final GateResult gate, final List<TrendPoint> trend,
            final String team, final LocalDate day, final List<IngestedFile> files, final List<String> warnings,
            final boolean inputProblem) {
        this(assessment, kpis, gate, trend, team, day, files, warnings, inputProblem, null);
    }

    /** The console summary (levels, gate rules one line each, gap list, KPIs), control characters escaped. */
    public List<String> summary() {
        return TextSummary.lines(assessment, gate, kpis);
    }

    public Outputs outputs() {
        return new Outputs(this);
    }
}
