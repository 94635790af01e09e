package io.jenkins.plugins.dsomm.plugin;

import hudson.util.FormValidation;
import io.jenkins.plugins.dsomm.run.AssessOption;
import io.jenkins.plugins.dsomm.run.OptionCheck;

/**
 * Form validation shared by the step, the publisher and the global configuration: the engine reads the value as
 * a run would ({@link OptionCheck}); this only turns its answer into a {@link FormValidation}.
 */
public final class FormChecks {
    private FormChecks() {
    }

    public static FormValidation check(final AssessOption option, final String value) {
        OptionCheck check = OptionCheck.of(option, value);
        return switch (check.kind()) {
            case OK -> FormValidation.ok();
            case WARNING -> FormValidation.warning(check.message());
            case ERROR -> FormValidation.error(check.message());
        };
    }
}
