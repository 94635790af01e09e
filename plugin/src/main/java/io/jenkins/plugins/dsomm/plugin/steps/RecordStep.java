package io.jenkins.plugins.dsomm.plugin.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.SuppressFBWarnings;
import hudson.Extension;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.dsomm.ingest.IngestedFile;
import io.jenkins.plugins.dsomm.ingest.IngestResult;
import io.jenkins.plugins.dsomm.plugin.DsommGateRunner;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.verb.POST;

import java.io.Serializable;
import java.util.Set;

/**
 * {@code dsommRecord pattern: '**}{@code /*.sarif'}: reads the reports a pattern selects in the workspace (on
 * the agent) and adds their evidence to the build. Call it as often as needed, in any stage or parallel branch;
 * {@code dsommGate} assesses everything recorded. Returns the number of reports read.
 */
public final class RecordStep extends Step implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String pattern;
    private String format = "";

    @DataBoundConstructor
    public RecordStep(final String pattern) {
        this.pattern = pattern == null ? "" : pattern.trim();
    }

    public String getPattern() {
        return pattern;
    }

    public String getFormat() {
        return format;
    }

    /** An explicit report format for every file the pattern selects (see the formats list); empty: detect. */
    @DataBoundSetter
    public void setFormat(final String format) {
        this.format = format == null ? "" : format.trim();
    }

    @Override
    public StepExecution start(final StepContext context) {
        return new Execution(context, this);
    }

    /** Reads on the agent, records on the controller. */
    static final class Execution extends SynchronousNonBlockingStepExecution<Integer> {
        private static final long serialVersionUID = 1L;
        @SuppressFBWarnings(value = "SE_TRANSIENT_FIELD_NOT_RESTORED", justification = "Only used when starting: "
                + "a synchronous step does not resume after a restart (as workflow-basic-steps' ReadFileStep)")
        private final transient RecordStep step;

        Execution(final StepContext context, final RecordStep step) {
            super(context);
            this.step = step;
        }

        @Override
        protected Integer run() throws Exception {
            FilePath workspace = getContext().get(FilePath.class);
            workspace.mkdirs();
            IngestResult result = DsommGateRunner.record(getContext().get(Run.class), workspace, step.getPattern(),
                    step.getFormat(), getContext().get(TaskListener.class));
            return (int) result.files().stream().filter(f -> f.status() == IngestedFile.Status.READ).count();
        }
    }

    @Extension
    public static final class Descriptor extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "dsommRecord";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.RecordStep_DisplayName();
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(FilePath.class, Run.class, TaskListener.class);
        }

        @POST
        public ListBoxModel doFillFormatItems() {
            return Formats.items();
        }
    }
}
