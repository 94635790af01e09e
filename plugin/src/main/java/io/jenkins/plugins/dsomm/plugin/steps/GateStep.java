package io.jenkins.plugins.dsomm.plugin.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.FilePath;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.dsomm.plugin.DsommGateRunner;
import io.jenkins.plugins.dsomm.plugin.GateSettings;
import io.jenkins.plugins.dsomm.plugin.GateStepResult;
import io.jenkins.plugins.util.PipelineResultHandler;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

import java.io.Serializable;
import java.util.Set;

/**
 * {@code dsommGate minimumLevel: 2}: optionally records more reports, assesses all evidence of the build against
 * DSOMM, evaluates the gate, sets the build and stage result (UNSTABLE or FAILURE as configured), optionally
 * stops the Pipeline, and returns a {@link GateStepResult}. Every option is documented in its help file and in
 * docs/jenkins.md.
 */
public final class GateStep extends Step implements Serializable {
    private static final long serialVersionUID = 1L;

    private final GateSettings settings = new GateSettings();

    @DataBoundConstructor
    public GateStep() {
        // every option is optional
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
    public StepExecution start(final StepContext context) {
        return new Execution(context, settings.copy());
    }

    /** Assesses on the controller; parsing already happened on the agent. */
    static final class Execution extends SynchronousNonBlockingStepExecution<GateStepResult> {
        private static final long serialVersionUID = 1L;
        private final GateSettings settings;

        Execution(final StepContext context, final GateSettings settings) {
            super(context);
            this.settings = settings;
        }

        @Override
        protected GateStepResult run() throws Exception {
            FilePath workspace = getContext().get(FilePath.class);
            workspace.mkdirs();
            Run<?, ?> run = getContext().get(Run.class);
            return DsommGateRunner.gate(run, workspace, getContext().get(TaskListener.class), settings,
                    new PipelineResultHandler(run, getContext().get(FlowNode.class)), true);
        }
    }

    @Extension
    public static final class Descriptor extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "dsommGate";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.GateStep_DisplayName();
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(FilePath.class, Run.class, TaskListener.class, FlowNode.class);
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
