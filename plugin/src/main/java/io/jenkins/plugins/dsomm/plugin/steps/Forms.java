package io.jenkins.plugins.dsomm.plugin.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.dsomm.assess.LevelView;
import io.jenkins.plugins.dsomm.plugin.FormChecks;
import io.jenkins.plugins.dsomm.run.AssessOption;
import jenkins.model.Jenkins;

import java.util.function.Supplier;

/** Form helpers of the step and the publisher: validation needs Item/Configure (or Overall/Administer). */
final class Forms {
    private Forms() {
    }

    static FormValidation check(@CheckForNull final Item item, final Supplier<FormValidation> check) {
        if (item == null) {
            if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
                return FormValidation.ok();
            }
        }
        else if (!item.hasPermission(Item.CONFIGURE)) {
            return FormValidation.ok();
        }
        return check.get();
    }

    /** The level views: DSOMM levels (the default) and the explicitly named evidence-only view. */
    static ListBoxModel views() {
        ListBoxModel m = new ListBoxModel();
        for (LevelView v : LevelView.values()) {
            m.add(v.key() + ": " + v.description(), v == LevelView.DSOMM ? "" : v.key());
        }
        return m;
    }

    static ListBoxModel outcomes() {
        ListBoxModel m = new ListBoxModel();
        m.add("default", "");
        m.add("Failure", "FAILURE");
        m.add("Unstable", "UNSTABLE");
        return m;
    }

    static FormValidation minimumLevel(final String value) {
        return FormChecks.check(AssessOption.MINIMUM_LEVEL, value);
    }

    static FormValidation dimensionMinimums(final String value) {
        return FormChecks.check(AssessOption.DIMENSION_MINIMUMS, value);
    }

    static FormValidation maxOpen(final String value) {
        return FormChecks.check(AssessOption.MAX_OPEN, value);
    }
}
