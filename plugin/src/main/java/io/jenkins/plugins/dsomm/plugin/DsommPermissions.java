package io.jenkins.plugins.dsomm.plugin;

import hudson.init.InitMilestone;
import hudson.init.Initializer;
import hudson.model.Item;
import hudson.security.Permission;
import hudson.security.PermissionScope;

/** Permissions of DSOMM Gate. */
public final class DsommPermissions {
    /**
     * View the DSOMM badge of a job through the unprotected badge URL ({@code /dsomm-badge/?job=...}), for README
     * embedding, like embeddable-build-status' ViewStatus. Item/Read implies it; grant it to anonymous to make badges
     * public without making jobs readable. Id: {@code hudson.model.Item.ViewDsommBadge}.
     */
    public static final Permission VIEW_BADGE = new Permission(Item.PERMISSIONS, "ViewDsommBadge",
            Messages._Permission_ViewBadge(), Item.READ, PermissionScope.ITEM);

    private DsommPermissions() {
    }

    /**
     * Registers the permission before Jenkins reads its global configuration: an authorization strategy that
     * grants {@code hudson.model.Item.ViewDsommBadge} looks it up by id, which only finds permissions whose class
     * is already loaded (the id names the group's owner {@code Item}, not this class).
     */
    @Initializer(after = InitMilestone.PLUGINS_STARTED, before = InitMilestone.EXTENSIONS_AUGMENTED)
    public static void register() {
        VIEW_BADGE.getId();
    }
}
