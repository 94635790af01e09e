package io.jenkins.plugins.dsomm.plugin;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.dsomm.run.AssessOption;
import io.jenkins.plugins.dsomm.run.OptionValues;

import java.io.Serializable;

/**
 * The options of {@code dsommGate} and of the freestyle publisher, in one place: the engine's option table
 * ({@link AssessOption}) names them, and {@link #values} hands them to the engine as text. Options left empty fall
 * back to the global configuration. Nothing is decided here.
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
    private String view = "";
    private String targets = "";
    private boolean atTarget;
    private String teamProgress = "";
    private String progressDefinition = "";
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
    private String weights = "";
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
        weights = orEmpty(weights);
        team = orEmpty(team);
        junitFile = orEmpty(junitFile);
        facts = orEmpty(facts);
        view = orEmpty(view);
        targets = orEmpty(targets);
        teamProgress = orEmpty(teamProgress);
        progressDefinition = orEmpty(progressDefinition);
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
        c.view = view;
        c.targets = targets;
        c.atTarget = atTarget;
        c.teamProgress = teamProgress;
        c.progressDefinition = progressDefinition;
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
        c.weights = weights;
        c.team = team;
        c.junitFile = junitFile;
        c.facts = facts;
        return c;
    }

    /**
     * The option values for the engine, in the one table's names ({@link AssessOption#jenkins()}): each option's
     * getter here, and for an option the step leaves empty the global default where the table has one.
     */
    public OptionValues values(final DsommGlobalConfiguration global) {
        OptionValues step = OptionValues.jenkins();
        OptionValues defaults = OptionValues.jenkins();
        for (AssessOption o : AssessOption.jenkins()) {
            step.add(o, property(this, o.property()));
            if (o.hasGlobalDefault()) {
                defaults.add(o, property(global, o.property()));
            }
        }
        return step.orElse(defaults);
    }

    /** The text of a bean property (its getter's value), or null when it has none. */
    @CheckForNull
    static String property(final Object bean, final String name) {
        String suffix = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        for (String getter : new String[] {"get" + suffix, "is" + suffix}) {
            try {
                Object value = bean.getClass().getMethod(getter).invoke(bean);
                return value == null ? null : value.toString();
            }
            catch (NoSuchMethodException e) {
                // try the other name
            }
            catch (ReflectiveOperationException e) {
                throw new IllegalStateException(getter + " of " + bean.getClass().getName() + " failed", e);
            }
        }
        throw new IllegalStateException(bean.getClass().getName() + " has no getter of the option " + name);
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

    public String getView() {
        return view;
    }

    public void setView(final String view) {
        this.view = view == null ? "" : view.trim();
    }

    public String getTargets() {
        return targets;
    }

    public void setTargets(final String targets) {
        this.targets = targets == null ? "" : targets.trim();
    }

    public boolean isAtTarget() {
        return atTarget;
    }

    public void setAtTarget(final boolean atTarget) {
        this.atTarget = atTarget;
    }

    public String getTeamProgress() {
        return teamProgress;
    }

    public void setTeamProgress(final String teamProgress) {
        this.teamProgress = teamProgress == null ? "" : teamProgress.trim();
    }

    public String getProgressDefinition() {
        return progressDefinition;
    }

    public void setProgressDefinition(final String progressDefinition) {
        this.progressDefinition = progressDefinition == null ? "" : progressDefinition.trim();
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

    public String getWeights() {
        return weights;
    }

    public void setWeights(final String weights) {
        this.weights = weights == null ? "" : weights;
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
