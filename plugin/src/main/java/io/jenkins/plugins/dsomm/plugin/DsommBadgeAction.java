package io.jenkins.plugins.dsomm.plugin;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.BuildBadgeAction;
import hudson.model.Run;
import jenkins.model.RunAction2;

/** The small "DSOMM n" badge next to the build in the build history (rendered by its badge.jelly). */
public final class DsommBadgeAction implements BuildBadgeAction, RunAction2 {
    private transient Run<?, ?> owner;

    @Override
    public void onAttached(final Run<?, ?> r) {
        owner = r;
    }

    @Override
    public void onLoad(final Run<?, ?> r) {
        owner = r;
    }

    @CheckForNull
    private DsommBuildAction assessment() {
        return owner == null ? null : owner.getAction(DsommBuildAction.class);
    }

    /** "3", or "–" without a level. */
    public String getLevel() {
        DsommBuildAction a = assessment();
        Integer level = a == null ? null : a.getOverall();
        return level == null ? "–" : level.toString();
    }

    /** The design library's colour class of the level: a fixed set, never report text. */
    public String getLevelClass() {
        DsommBuildAction a = assessment();
        return AssessmentPage.levelClass(a == null ? null : a.getOverall());
    }

    public String getTooltip() {
        DsommBuildAction a = assessment();
        return a == null ? "DSOMM" : "DSOMM " + a.getLevelText() + ", gate " + a.getOutcome();
    }

    public String getUrl() {
        return owner == null ? "" : owner.getUrl() + DsommBuildAction.URL;
    }

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
        return null;
    }
}
