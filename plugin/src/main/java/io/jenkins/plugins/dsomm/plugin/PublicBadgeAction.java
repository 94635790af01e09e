package io.jenkins.plugins.dsomm.plugin;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Extension;
import hudson.model.Job;
import hudson.model.Run;
import hudson.model.UnprotectedRootAction;
import hudson.security.ACL;
import hudson.security.ACLContext;
import io.jenkins.plugins.dsomm.render.BadgeSvg;
import io.jenkins.plugins.dsomm.render.LevelColors;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;
import org.kohsuke.stapler.verb.GET;

import java.io.IOException;

/**
 * {@code /dsomm-badge/?job=FULL/NAME[&build=N][&dimension=NAME]}: the badge without logging in, for READMEs, as
 * embeddable-build-status serves {@code /buildStatus/icon}. The job is looked up as the system, then the caller needs
 * {@link DsommPermissions#VIEW_BADGE} on it (Item/Read implies it); otherwise the answer is the same badge as for a
 * job that does not exist, so nothing is disclosed. Only the level is shown, never report content.
 */
@Extension
public final class PublicBadgeAction implements UnprotectedRootAction {
    static final String URL = "dsomm-badge";
    /**
     * Completed builds an anonymous request may make Jenkins load, at most, to find the last assessment (a badge of
     * a job whose newest builds have none says "no assessment" rather than loading its history).
     */
    static final int LOOKBACK = 5;

    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return null;
    }

    @Override
    public String getUrlName() {
        return URL;
    }

    @GET
    public void doIndex(final StaplerRequest2 req, final StaplerResponse2 rsp, @QueryParameter final String job,
            @QueryParameter final String build, @QueryParameter final String dimension) throws IOException {
        Job<?, ?> found = visibleJob(job);
        if (found == null) {
            Badges.send(req, rsp, BadgeSvg.render("DSOMM", "not found", LevelColors.NONE));
            return;
        }
        DsommBuildAction action;
        try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
            if (build == null || build.isBlank()) {
                action = DsommJobAction.lastAction(found, LOOKBACK);
            }
            else {
                Run<?, ?> run = build.matches("\\d{1,9}") ? found.getBuildByNumber(Integer.parseInt(build)) : null;
                action = run == null ? null : run.getAction(DsommBuildAction.class);
            }
        }
        Badges.send(req, rsp, action == null ? BadgeSvg.render("DSOMM", "no assessment", LevelColors.NONE)
                : action.badge(dimension));
    }

    /** The job, when it exists and the caller may view its badge; null otherwise (either way the same answer). */
    @CheckForNull
    static Job<?, ?> visibleJob(@CheckForNull final String fullName) {
        if (fullName == null || fullName.isBlank()) {
            return null;
        }
        Job<?, ?> found;
        try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
            found = Jenkins.get().getItemByFullName(fullName, Job.class);
        }
        return found != null && found.hasPermission(DsommPermissions.VIEW_BADGE) ? found : null;
    }
}
