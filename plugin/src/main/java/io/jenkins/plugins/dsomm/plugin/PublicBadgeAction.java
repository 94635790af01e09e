package io.jenkins.plugins.dsomm.plugin;

import hudson.Extension;
import hudson.model.Job;
import hudson.model.UnprotectedRootAction;
import hudson.security.ACL;
import hudson.security.ACLContext;
import io.jenkins.plugins.dsomm.render.BadgeSvg;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

import java.io.IOException;

/**
 * {@code /dsomm-badge/?job=FULL/NAME[&build=N][&dimension=NAME]}: the badge without logging in, for READMEs. The
 * job is looked up as the system, then the caller needs {@link DsommPermissions#VIEW_BADGE} on it (Item/Read
 * implies it); otherwise the answer is the same as for a job that does not exist, so nothing is disclosed.
 */
@Extension
public final class PublicBadgeAction implements UnprotectedRootAction {
    static final String URL = "dsomm-badge";
    /** Loads (and so registers) the permission when Jenkins starts the extension. */
    static final hudson.security.Permission PERMISSION = DsommPermissions.VIEW_BADGE;

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

    public void doIndex(final StaplerRequest2 req, final StaplerResponse2 rsp, @QueryParameter final String job,
            @QueryParameter final String build, @QueryParameter final String dimension) throws IOException {
        Job<?, ?> found;
        try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
            found = job == null ? null : Jenkins.get().getItemByFullName(job, Job.class);
        }
        if (found == null || !found.hasPermission(DsommPermissions.VIEW_BADGE)) {
            Badges.send(rsp, BadgeSvg.render("DSOMM", "not found", "#9f9f9f"));
            return;
        }
        DsommBuildAction action;
        try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
            if (build == null || build.isBlank()) {
                action = new DsommJobAction(found).getLastAction();
            }
            else {
                var run = build.matches("\\d{1,9}") ? found.getBuildByNumber(Integer.parseInt(build)) : null;
                action = run == null ? null : run.getAction(DsommBuildAction.class);
            }
        }
        if (action == null) {
            Badges.send(rsp, BadgeSvg.render("DSOMM", "no assessment", "#9f9f9f"));
            return;
        }
        String svg = dimension == null || dimension.isBlank() ? BadgeSvg.render(action.getOverall())
                : action.getDimensions().containsKey(dimension)
                ? BadgeSvg.render(dimension, action.getDimensions().get(dimension))
                : BadgeSvg.render("DSOMM", "unknown dimension", "#9f9f9f");
        Badges.send(rsp, svg);
    }
}
