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
 * so a job whose gate failed every build (the default outcome below a minimum level is FAILURE) would show no trend.
 * This factory covers exactly those jobs. It runs on every job page and {@code api/json}, also of jobs that never
 * used DSOMM Gate, so it never walks the build history: {@link AssessedJobs} knows from a marker in the job's folder
 * whether any build was assessed, and the job action walks the history only when its own page or trend renders.
 */
@Extension
@SuppressWarnings("rawtypes")
public final class DsommJobActionFactory extends TransientActionFactory<Job> {
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
        return AssessedJobs.isAssessed(job) ? Set.of(new DsommJobAction(job)) : Set.of();
    }
}
