package io.jenkins.plugins.dsomm.plugin.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.AbstractBuild;
import hudson.model.AbstractProject;
import hudson.model.BuildListener;
import hudson.model.Item;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.BuildStepMonitor;
import hudson.tasks.Publisher;
import hudson.tasks.Recorder;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.dsomm.plugin.DsommGateRunner;
import io.jenkins.plugins.dsomm.plugin.GateSettings;
import io.jenkins.plugins.util.RunResultHandler;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

import java.io.IOException;

/**
 * The freestyle post-build action: the same as {@code dsommGate}, with the same options; {@code pattern} selects
 * the reports to read. Freestyle (and other {@link AbstractProject}) jobs only: it is no {@code SimpleBuildStep} and
 * has no symbol, so Pipeline has exactly one gate step, {@code dsommGate}, which also sets the stage result and
 * returns the result.
 */
public final class DsommGatePublisher extends Recorder {
    private GateSettings settings = new GateSettings();

    @DataBoundConstructor
    public DsommGatePublisher() {
        super();
    }

    /** A config.xml without settings (XStream does not run field initialisers): the defaults. */
    protected Object readResolve() {
        if (settings == null) {
            settings = new GateSettings();
        }
        return this;
    }

    public String getPattern() {
        return settings.getPattern();
    }

    @DataBoundSetter
    public void setPattern(final String pattern) {
        settings.setPattern(pattern);
    }

    public String getFormat() {
        return settings.getFormat();
    }

    @DataBoundSetter
    public void setFormat(final String format) {
        settings.setFormat(format);
    }

    @CheckForNull
    public Integer getMinimumLevel() {
        return settings.getMinimumLevel();
    }

    @DataBoundSetter
    public void setMinimumLevel(@CheckForNull final Integer minimumLevel) {
        settings.setMinimumLevel(minimumLevel);
    }

    public String getDimensionMinimums() {
        return settings.getDimensionMinimums();
    }

    @DataBoundSetter
    public void setDimensionMinimums(final String dimensionMinimums) {
        settings.setDimensionMinimums(dimensionMinimums);
    }

    public String getMaxOpen() {
        return settings.getMaxOpen();
    }

    @DataBoundSetter
    public void setMaxOpen(final String maxOpen) {
        settings.setMaxOpen(maxOpen);
    }

    public boolean isRegression() {
        return settings.isRegression();
    }

    @DataBoundSetter
    public void setRegression(final boolean regression) {
        settings.setRegression(regression);
    }

    public String getReferenceJob() {
        return settings.getReferenceJob();
    }

    @DataBoundSetter
    public void setReferenceJob(final String referenceJob) {
        settings.setReferenceJob(referenceJob);
    }

    public String getLevelOutcome() {
        return settings.getLevelOutcome();
    }

    @DataBoundSetter
    public void setLevelOutcome(final String levelOutcome) {
        settings.setLevelOutcome(levelOutcome);
    }

    public String getRegressionOutcome() {
        return settings.getRegressionOutcome();
    }

    @DataBoundSetter
    public void setRegressionOutcome(final String regressionOutcome) {
        settings.setRegressionOutcome(regressionOutcome);
    }

    public String getThresholdOutcome() {
        return settings.getThresholdOutcome();
    }

    @DataBoundSetter
    public void setThresholdOutcome(final String thresholdOutcome) {
        settings.setThresholdOutcome(thresholdOutcome);
    }

    public String getKpiOutcome() {
        return settings.getKpiOutcome();
    }

    @DataBoundSetter
    public void setKpiOutcome(final String kpiOutcome) {
        settings.setKpiOutcome(kpiOutcome);
    }

    @CheckForNull
    public Integer getMaxEvidenceAge() {
        return settings.getMaxEvidenceAge();
    }

    @DataBoundSetter
    public void setMaxEvidenceAge(@CheckForNull final Integer maxEvidenceAge) {
        settings.setMaxEvidenceAge(maxEvidenceAge);
    }

    public boolean isStrict() {
        return settings.isStrict();
    }

    @DataBoundSetter
    public void setStrict(final boolean strict) {
        settings.setStrict(strict);
    }

    public String getView() {
        return settings.getView();
    }

    @DataBoundSetter
    public void setView(final String view) {
        settings.setView(view);
    }

    public String getTargets() {
        return settings.getTargets();
    }

    @DataBoundSetter
    public void setTargets(final String targets) {
        settings.setTargets(targets);
    }

    public boolean isAtTarget() {
        return settings.isAtTarget();
    }

    @DataBoundSetter
    public void setAtTarget(final boolean atTarget) {
        settings.setAtTarget(atTarget);
    }

    public String getTeamProgress() {
        return settings.getTeamProgress();
    }

    @DataBoundSetter
    public void setTeamProgress(final String teamProgress) {
        settings.setTeamProgress(teamProgress);
    }

    public String getProgressDefinition() {
        return settings.getProgressDefinition();
    }

    @DataBoundSetter
    public void setProgressDefinition(final String progressDefinition) {
        settings.setProgressDefinition(progressDefinition);
    }

    public String getRules() {
        return settings.getRules();
    }

    @DataBoundSetter
    public void setRules(final String rules) {
        settings.setRules(rules);
    }

    public String getModel() {
        return settings.getModel();
    }

    @DataBoundSetter
    public void setModel(final String model) {
        settings.setModel(model);
    }

    public String getAttestations() {
        return settings.getAttestations();
    }

    @DataBoundSetter
    public void setAttestations(final String attestations) {
        settings.setAttestations(attestations);
    }

    public String getScope() {
        return settings.getScope();
    }

    @DataBoundSetter
    public void setScope(final String scope) {
        settings.setScope(scope);
    }

    public boolean isStopOnFailure() {
        return settings.isStopOnFailure();
    }

    @DataBoundSetter
    public void setStopOnFailure(final boolean stopOnFailure) {
        settings.setStopOnFailure(stopOnFailure);
    }

    public boolean isFailOnSla() {
        return settings.isFailOnSla();
    }

    @DataBoundSetter
    public void setFailOnSla(final boolean failOnSla) {
        settings.setFailOnSla(failOnSla);
    }

    public String getSla() {
        return settings.getSla();
    }

    @DataBoundSetter
    public void setSla(final String sla) {
        settings.setSla(sla);
    }

    public String getMinCoverage() {
        return settings.getMinCoverage();
    }

    @DataBoundSetter
    public void setMinCoverage(final String minCoverage) {
        settings.setMinCoverage(minCoverage);
    }

    public String getMaxMttr() {
        return settings.getMaxMttr();
    }

    @DataBoundSetter
    public void setMaxMttr(final String maxMttr) {
        settings.setMaxMttr(maxMttr);
    }

    public int getCoverageWindow() {
        return settings.getCoverageWindow();
    }

    @DataBoundSetter
    public void setCoverageWindow(final int coverageWindow) {
        settings.setCoverageWindow(coverageWindow);
    }

    public boolean isExternalFacing() {
        return settings.isExternalFacing();
    }

    @DataBoundSetter
    public void setExternalFacing(final boolean externalFacing) {
        settings.setExternalFacing(externalFacing);
    }

    public boolean isPersonalData() {
        return settings.isPersonalData();
    }

    @DataBoundSetter
    public void setPersonalData(final boolean personalData) {
        settings.setPersonalData(personalData);
    }

    public String getWeights() {
        return settings.getWeights();
    }

    @DataBoundSetter
    public void setWeights(final String weights) {
        settings.setWeights(weights);
    }

    public String getTeam() {
        return settings.getTeam();
    }

    @DataBoundSetter
    public void setTeam(final String team) {
        settings.setTeam(team);
    }

    public String getJunitFile() {
        return settings.getJunitFile();
    }

    @DataBoundSetter
    public void setJunitFile(final String junitFile) {
        settings.setJunitFile(junitFile);
    }

    public String getFacts() {
        return settings.getFacts();
    }

    @DataBoundSetter
    public void setFacts(final String facts) {
        settings.setFacts(facts);
    }

    @Override
    public BuildStepMonitor getRequiredMonitorService() {
        return BuildStepMonitor.NONE;
    }

    @Override
    public boolean perform(final AbstractBuild<?, ?> build, final Launcher launcher, final BuildListener listener)
            throws InterruptedException, IOException {
        FilePath workspace = build.getWorkspace();
        if (workspace == null) {
            throw new AbortException("[DSOMM Gate] the build has no workspace");
        }
        DsommGateRunner.gate(build, workspace, listener, settings.copy(), new RunResultHandler(build), false);
        return true;
    }

    /**
     * Ordinal below the default: publishers configured in the form run in descriptor order, so the junit
     * publisher (ordinal 0) records its test results first and they count as TEST evidence.
     */
    @Extension(ordinal = -100)
    public static final class Descriptor extends BuildStepDescriptor<Publisher> {
        /** The form is the Pipeline step's ({@code config.jelly} includes it from this class). */
        public Class<?> getStepClass() {
            return GateStep.class;
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.Publisher_DisplayName();
        }

        @Override
        public boolean isApplicable(final Class<? extends AbstractProject> jobType) {
            return true;
        }

        /** The help of the Pipeline step's options, which are the same. */
        @Override
        public String getHelpFile(final String fieldName) {
            String help = super.getHelpFile(fieldName);
            return help != null ? help
                    : Jenkins.get().getDescriptorByType(GateStep.Descriptor.class).getHelpFile(fieldName);
        }

        @POST
        public ListBoxModel doFillFormatItems() {
            return Formats.items();
        }

        @POST
        public ListBoxModel doFillViewItems() {
            return Forms.views();
        }

        @POST
        public ListBoxModel doFillLevelOutcomeItems() {
            return Forms.outcomes();
        }

        @POST
        public ListBoxModel doFillRegressionOutcomeItems() {
            return Forms.outcomes();
        }

        @POST
        public ListBoxModel doFillThresholdOutcomeItems() {
            return Forms.outcomes();
        }

        @POST
        public ListBoxModel doFillKpiOutcomeItems() {
            return Forms.outcomes();
        }

        @POST
        public FormValidation doCheckMinimumLevel(@AncestorInPath @CheckForNull final Item item,
                @QueryParameter final String value) {
            return Forms.check(item, () -> Forms.minimumLevel(value));
        }

        @POST
        public FormValidation doCheckDimensionMinimums(@AncestorInPath @CheckForNull final Item item,
                @QueryParameter final String value) {
            return Forms.check(item, () -> Forms.dimensionMinimums(value));
        }

        @POST
        public FormValidation doCheckMaxOpen(@AncestorInPath @CheckForNull final Item item,
                @QueryParameter final String value) {
            return Forms.check(item, () -> Forms.maxOpen(value));
        }
    }
}
