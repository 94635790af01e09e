package io.jenkins.plugins.dsomm.plugin;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.dsomm.assess.Assessment;
import io.jenkins.plugins.dsomm.assess.DimensionLevel;
import io.jenkins.plugins.dsomm.gate.GateResult;
import io.jenkins.plugins.dsomm.gate.Outcome;
import io.jenkins.plugins.dsomm.gate.RuleCheck;
import org.jenkinsci.plugins.scriptsecurity.sandbox.whitelists.Whitelisted;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code dsommGate} returns to the Jenkinsfile: levels, outcome, reasons. Only plain values, all getters
 * whitelisted for the Pipeline sandbox:
 * <pre>def dsomm = dsommGate minimumLevel: 2
 * echo "DSOMM level ${dsomm.overall}: ${dsomm.outcome}"</pre>
 */
public final class GateStepResult implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Integer overall;
    private final LinkedHashMap<String, Integer> levels = new LinkedHashMap<>();
    private final String outcome;
    private final ArrayList<String> reasons;
    private final String reportUrl;
    private final String view;
    private final Integer target;
    private final Integer evidenceCeiling;

    GateStepResult(final Assessment a, final GateResult gate, final String reportUrl) {
        overall = a.overall();
        view = a.view().key();
        target = a.overallTarget();
        evidenceCeiling = a.evidenceCeiling();
        for (DimensionLevel d : a.dimensions()) {
            levels.put(d.name(), d.level());
        }
        outcome = gate.outcome().name();
        reasons = new ArrayList<>(gate.violations().stream().map(RuleCheck::message).toList());
        this.reportUrl = reportUrl;
    }

    /** The overall level 0-5, or null when no activity was assessed. */
    @Whitelisted
    @CheckForNull
    public Integer getOverall() {
        return overall;
    }

    /** {@code dsomm} (DSOMM levels), or {@code evidence-only} when that view was asked for. */
    @Whitelisted
    public String getView() {
        return view;
    }

    /** The overall target level, or null when none is set. */
    @Whitelisted
    @CheckForNull
    public Integer getTarget() {
        return target;
    }

    /** The overall level if every unverified activity were attested (the way up), or null. */
    @Whitelisted
    @CheckForNull
    public Integer getEvidenceCeiling() {
        return evidenceCeiling;
    }

    /** Level per dimension (null values for dimensions without assessed activity). */
    @Whitelisted
    public Map<String, Integer> getLevels() {
        return new LinkedHashMap<>(levels);
    }

    /** PASS, UNSTABLE or FAILURE. */
    @Whitelisted
    public String getOutcome() {
        return outcome;
    }

    @Whitelisted
    public boolean isPassed() {
        return Outcome.PASS.name().equals(outcome);
    }

    /** One sentence per violated gate rule. */
    @Whitelisted
    public List<String> getReasons() {
        return new ArrayList<>(reasons);
    }

    /** The build's DSOMM page. */
    @Whitelisted
    public String getReportUrl() {
        return reportUrl;
    }

    @Whitelisted
    @Override
    public String toString() {
        return "DSOMM level " + (overall == null ? "n/a" : overall) + ", gate " + outcome;
    }
}
