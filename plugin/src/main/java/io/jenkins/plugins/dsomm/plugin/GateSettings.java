package io.jenkins.plugins.dsomm.plugin;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
import io.jenkins.plugins.dsomm.evidence.Severity;
import io.jenkins.plugins.dsomm.gate.Outcome;
import io.jenkins.plugins.dsomm.gate.Policy;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The options of {@code dsommGate} and of the freestyle publisher, in one place. Options left empty fall back to
 * the global configuration. Turning the text options into an engine {@link Policy} is the only logic here: every
 * decision is the engine's.
 */
public final class GateSettings implements Serializable {
    private static final long serialVersionUID = 1L;

    private String pattern = "";
    private String format = "";
    private Integer minimumLevel;
    private String dimensionMinimums = "";
    private String maxOpen = "";
    private boolean regression = true;
    private String referenceJob = "";
    private String levelOutcome = "";
    private String regressionOutcome = "";
    private String thresholdOutcome = "";
    private String kpiOutcome = "";
    private Integer maxEvidenceAge;
    private boolean strict;
    private String rules = "";
    private String model = "";
    private String attestations = "";
    private String scope = "";
    private boolean stopOnFailure;
    private boolean failOnSla;
    private String sla = "";
    private String minCoverage = "";
    private String maxMttr = "";
    private int coverageWindow = 30;
    private boolean externalFacing;
    private boolean personalData;
    private String team = "";
    private String junitFile = "";
    private String facts = "";

    /**
     * A publisher's settings read from a job's config.xml by XStream, which does not run field initialisers: text
     * options missing there (written by an older version) are empty instead of null.
     */
    protected Object readResolve() {
        pattern = orEmpty(pattern);
        format = orEmpty(format);
        dimensionMinimums = orEmpty(dimensionMinimums);
        maxOpen = orEmpty(maxOpen);
        referenceJob = orEmpty(referenceJob);
        levelOutcome = orEmpty(levelOutcome);
        regressionOutcome = orEmpty(regressionOutcome);
        thresholdOutcome = orEmpty(thresholdOutcome);
        kpiOutcome = orEmpty(kpiOutcome);
        rules = orEmpty(rules);
        model = orEmpty(model);
        attestations = orEmpty(attestations);
        scope = orEmpty(scope);
        sla = orEmpty(sla);
        minCoverage = orEmpty(minCoverage);
        maxMttr = orEmpty(maxMttr);
        team = orEmpty(team);
        junitFile = orEmpty(junitFile);
        facts = orEmpty(facts);
        coverageWindow = Math.max(1, coverageWindow);
        return this;
    }

    private static String orEmpty(@CheckForNull final String s) {
        return s == null ? "" : s;
    }

    public GateSettings copy() {
        GateSettings c = new GateSettings();
        c.pattern = pattern;
        c.format = format;
        c.minimumLevel = minimumLevel;
        c.dimensionMinimums = dimensionMinimums;
        c.maxOpen = maxOpen;
        c.regression = regression;
        c.referenceJob = referenceJob;
        c.levelOutcome = levelOutcome;
        c.regressionOutcome = regressionOutcome;
        c.thresholdOutcome = thresholdOutcome;
        c.kpiOutcome = kpiOutcome;
        c.maxEvidenceAge = maxEvidenceAge;
        c.strict = strict;
        c.rules = rules;
        c.model = model;
        c.attestations = attestations;
        c.scope = scope;
        c.stopOnFailure = stopOnFailure;
        c.failOnSla = failOnSla;
        c.sla = sla;
        c.minCoverage = minCoverage;
        c.maxMttr = maxMttr;
        c.coverageWindow = coverageWindow;
        c.externalFacing = externalFacing;
        c.personalData = personalData;
        c.team = team;
        c.junitFile = junitFile;
        c.facts = facts;
        return c;
    }

    /** The engine policy; global defaults fill what the step leaves empty. */
    public Policy policy(final DsommGlobalConfiguration global) {
        Policy.Builder b = Policy.builder()
                .minimumLevel(minimumLevel != null ? minimumLevel : global.getMinimumLevel())
                .levelOutcome(outcome(levelOutcome, global.getLevelOutcome(), Outcome.FAILURE))
                .regression(regression)
                .regressionOutcome(outcome(regressionOutcome, global.getRegressionOutcome(), Outcome.UNSTABLE))
                .thresholdOutcome(outcome(thresholdOutcome, global.getThresholdOutcome(), Outcome.UNSTABLE))
                .kpiOutcome(outcome(kpiOutcome, null, Outcome.UNSTABLE))
                .sla(failOnSla);
        pairs(or(dimensionMinimums, global.getDimensionMinimums()), "dimensionMinimums")
                .forEach((k, v) -> b.dimensionMinimum(k, integer(v, "dimensionMinimums")));
        pairs(or(maxOpen, global.getMaxOpen()), "maxOpen").forEach((k, v) -> b.maxOpen(k, integer(v, "maxOpen")));
        pairs(minCoverage, "minCoverage").forEach((k, v) -> b.minCoverage(kind(k), integer(v, "minCoverage")));
        pairs(maxMttr, "maxMttr").forEach((k, v) -> b.maxMttrDays(severity(k), number(v, "maxMttr")));
        return b.build();
    }

    /** SLA overrides in days per severity. */
    public Map<Severity, Integer> slaDays() {
        Map<Severity, Integer> m = new LinkedHashMap<>();
        pairs(sla, "sla").forEach((k, v) -> m.put(severity(k), integer(v, "sla")));
        return m;
    }

    /** Comma-separated list. */
    public static List<String> list(final String value) {
        List<String> list = new ArrayList<>();
        if (value != null) {
            for (String s : value.split(",")) {
                if (!s.isBlank()) {
                    list.add(s.trim());
                }
            }
        }
        return list;
    }

    /** "a=1, b=2" as an ordered map; the key may contain spaces ("Test and Verification=2"). */
    public static Map<String, String> pairs(final String value, final String option) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String entry : list(value)) {
            int eq = entry.lastIndexOf('=');
            if (eq <= 0 || eq == entry.length() - 1) {
                throw new IllegalArgumentException(option + ": '" + entry + "' is not NAME=VALUE");
            }
            m.put(entry.substring(0, eq).trim(), entry.substring(eq + 1).trim());
        }
        return m;
    }

    private static String or(final String value, final String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private static int integer(final String v, final String option) {
        try {
            return Integer.parseInt(v);
        }
        catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": '" + v + "' is not a whole number", e);
        }
    }

    private static double number(final String v, final String option) {
        try {
            return Double.parseDouble(v);
        }
        catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": '" + v + "' is not a number", e);
        }
    }

    static Outcome outcome(final String value, @CheckForNull final String global, final Outcome fallback) {
        String v = or(value, global);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        return switch (v.trim().toUpperCase(Locale.ROOT)) {
            case "UNSTABLE" -> Outcome.UNSTABLE;
            case "FAILURE" -> Outcome.FAILURE;
            default -> throw new IllegalArgumentException("outcome must be UNSTABLE or FAILURE: " + v);
        };
    }

    private static EvidenceKind kind(final String v) {
        try {
            return EvidenceKind.valueOf(v.trim().toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown evidence kind '" + v + "'", e);
        }
    }

    private static Severity severity(final String v) {
        Severity s = Severity.parseKey(v);
        if (s == null) {
            throw new IllegalArgumentException("unknown severity '" + v + "'");
        }
        return s;
    }

    public String getPattern() {
        return pattern;
    }

    public void setPattern(final String pattern) {
        this.pattern = pattern == null ? "" : pattern.trim();
    }

    public String getFormat() {
        return format;
    }

    public void setFormat(final String format) {
        this.format = format == null ? "" : format.trim();
    }

    @CheckForNull
    public Integer getMinimumLevel() {
        return minimumLevel;
    }

    public void setMinimumLevel(@CheckForNull final Integer minimumLevel) {
        this.minimumLevel = minimumLevel;
    }

    public String getDimensionMinimums() {
        return dimensionMinimums;
    }

    public void setDimensionMinimums(final String dimensionMinimums) {
        this.dimensionMinimums = dimensionMinimums == null ? "" : dimensionMinimums;
    }

    public String getMaxOpen() {
        return maxOpen;
    }

    public void setMaxOpen(final String maxOpen) {
        this.maxOpen = maxOpen == null ? "" : maxOpen;
    }

    public boolean isRegression() {
        return regression;
    }

    public void setRegression(final boolean regression) {
        this.regression = regression;
    }

    public String getReferenceJob() {
        return referenceJob;
    }

    public void setReferenceJob(final String referenceJob) {
        this.referenceJob = referenceJob == null ? "" : referenceJob.trim();
    }

    public String getLevelOutcome() {
        return levelOutcome;
    }

    public void setLevelOutcome(final String levelOutcome) {
        this.levelOutcome = levelOutcome == null ? "" : levelOutcome;
    }

    public String getRegressionOutcome() {
        return regressionOutcome;
    }

    public void setRegressionOutcome(final String regressionOutcome) {
        this.regressionOutcome = regressionOutcome == null ? "" : regressionOutcome;
    }

    public String getThresholdOutcome() {
        return thresholdOutcome;
    }

    public void setThresholdOutcome(final String thresholdOutcome) {
        this.thresholdOutcome = thresholdOutcome == null ? "" : thresholdOutcome;
    }

    public String getKpiOutcome() {
        return kpiOutcome;
    }

    public void setKpiOutcome(final String kpiOutcome) {
        this.kpiOutcome = kpiOutcome == null ? "" : kpiOutcome;
    }

    @CheckForNull
    public Integer getMaxEvidenceAge() {
        return maxEvidenceAge;
    }

    public void setMaxEvidenceAge(@CheckForNull final Integer maxEvidenceAge) {
        this.maxEvidenceAge = maxEvidenceAge;
    }

    public boolean isStrict() {
        return strict;
    }

    public void setStrict(final boolean strict) {
        this.strict = strict;
    }

    public String getRules() {
        return rules;
    }

    public void setRules(final String rules) {
        this.rules = rules == null ? "" : rules.trim();
    }

    public String getModel() {
        return model;
    }

    public void setModel(final String model) {
        this.model = model == null ? "" : model.trim();
    }

    public String getAttestations() {
        return attestations;
    }

    public void setAttestations(final String attestations) {
        this.attestations = attestations == null ? "" : attestations.trim();
    }

    public String getScope() {
        return scope;
    }

    public void setScope(final String scope) {
        this.scope = scope == null ? "" : scope;
    }

    public boolean isStopOnFailure() {
        return stopOnFailure;
    }

    public void setStopOnFailure(final boolean stopOnFailure) {
        this.stopOnFailure = stopOnFailure;
    }

    public boolean isFailOnSla() {
        return failOnSla;
    }

    public void setFailOnSla(final boolean failOnSla) {
        this.failOnSla = failOnSla;
    }

    public String getSla() {
        return sla;
    }

    public void setSla(final String sla) {
        this.sla = sla == null ? "" : sla;
    }

    public String getMinCoverage() {
        return minCoverage;
    }

    public void setMinCoverage(final String minCoverage) {
        this.minCoverage = minCoverage == null ? "" : minCoverage;
    }

    public String getMaxMttr() {
        return maxMttr;
    }

    public void setMaxMttr(final String maxMttr) {
        this.maxMttr = maxMttr == null ? "" : maxMttr;
    }

    public int getCoverageWindow() {
        return coverageWindow;
    }

    public void setCoverageWindow(final int coverageWindow) {
        this.coverageWindow = Math.max(1, coverageWindow);
    }

    public boolean isExternalFacing() {
        return externalFacing;
    }

    public void setExternalFacing(final boolean externalFacing) {
        this.externalFacing = externalFacing;
    }

    public boolean isPersonalData() {
        return personalData;
    }

    public void setPersonalData(final boolean personalData) {
        this.personalData = personalData;
    }

    public String getTeam() {
        return team;
    }

    public void setTeam(final String team) {
        this.team = team == null ? "" : team.trim();
    }

    public String getJunitFile() {
        return junitFile;
    }

    public void setJunitFile(final String junitFile) {
        this.junitFile = junitFile == null ? "" : junitFile.trim();
    }

    public String getFacts() {
        return facts;
    }

    public void setFacts(final String facts) {
        this.facts = facts == null ? "" : facts;
    }
}
