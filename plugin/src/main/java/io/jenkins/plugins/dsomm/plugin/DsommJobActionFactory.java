package io.jenkins.plugins.dsomm.plugin;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Run;
import jenkins.model.TransientActionFactory;

import java.util.Collection;
import java.util.Set;

/**
 * Adds the job's DSOMM page, trend and badge when core does not. Core's {@code SimpleBuildStep.LastBuildActionFactory}
 * takes the job actions of {@link DsommBuildAction#getProjectActions()} from the last <em>successful</em> build only,
 * so a job whose gate failed every build (the default outcome below a minimum level is FAILURE) or whose last
 * successful build has no assessment would show no trend. This factory covers exactly those jobs: it looks at the
 * newest {@link #LOOKBACK} completed builds of any result, and stays out when core already adds the action.
 */
@Extension
@SuppressWarnings("rawtypes")
public final class DsommJobActionFactory extends TransientActionFactory<Job> {
    /** Completed builds looked at for an assessment when the last successful build has none. */
    static final int LOOKBACK = 10;

    @Override
    public Class<Job> type() {
        return Job.class;
    }

    @Override
    public Class<? extends Action> actionType() {
        return DsommJobAction.class;
    }

    @NonNull
    @Override
    public Collection<? extends Action> createFor(@NonNull final Job target) {
        Job<?, ?> job = target;
        Run<?, ?> lastSuccessful = job.getLastSuccessfulBuild();
        if (lastSuccessful != null && lastSuccessful.getAction(DsommBuildAction.class) != null) {
            return Set.of(); // core's LastBuildActionFactory adds it
        }
        return DsommJobAction.lastAction(job, LOOKBACK) == null ? Set.of() : Set.of(new DsommJobAction(job));
    }
}
