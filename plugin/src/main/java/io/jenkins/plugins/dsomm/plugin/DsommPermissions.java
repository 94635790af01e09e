package io.jenkins.plugins.dsomm.plugin;

import hudson.model.Item;
import hudson.security.Permission;
import hudson.security.PermissionScope;
import org.jvnet.localizer.Localizable;
import org.jvnet.localizer.ResourceBundleHolder;

/** Permissions of DSOMM Gate. */
public final class DsommPermissions {
    /**
     * View the DSOMM badge of a job through the unprotected badge URL ({@code /dsomm-badge/?job=...}), for README
     * embedding. Implied by Item/Read; grant it to anonymous to make badges public without making jobs readable.
     */
    public static final Permission VIEW_BADGE = new Permission(Item.PERMISSIONS, "ViewDsommBadge",
            new Localizable(ResourceBundleHolder.get(DsommPermissions.class), "ViewBadge"), Item.READ,
            PermissionScope.ITEM);

    private DsommPermissions() {
    }
}
