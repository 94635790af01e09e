package io.jenkins.plugins.dsomm.plugin;

import hudson.util.FormValidation;
import io.jenkins.plugins.dsomm.catalog.CatalogLoader;
import io.jenkins.plugins.dsomm.gate.Policy;

/** Form validation shared by the step, the publisher and the global configuration (the engine decides). */
public final class FormChecks {
    private FormChecks() {
    }

    public static FormValidation dimensionMinimums(final String value) {
        try {
            var dims = CatalogLoader.bundled().dimensions();
            Policy.Builder b = Policy.builder();
            for (var e : GateSettings.pairs(value, "dimensionMinimums").entrySet()) {
                if (!dims.contains(e.getKey())) {
                    return FormValidation.warning("'" + e.getKey() + "' is not a dimension of the bundled DSOMM: "
                            + String.join(", ", dims));
                }
                b.dimensionMinimum(e.getKey(), Integer.parseInt(e.getValue()));
            }
            b.build();
            return FormValidation.ok();
        }
        catch (IllegalArgumentException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    public static FormValidation maxOpen(final String value) {
        try {
            Policy.Builder b = Policy.builder();
            GateSettings.pairs(value, "maxOpen").forEach((k, v) -> b.maxOpen(k, Integer.parseInt(v)));
            b.build();
            return FormValidation.ok();
        }
        catch (IllegalArgumentException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    public static FormValidation minimumLevel(final String value) {
        if (value == null || value.isBlank()) {
            return FormValidation.ok();
        }
        try {
            int level = Integer.parseInt(value.trim());
            return level >= 0 && level <= 5 ? FormValidation.ok() : FormValidation.error("a level is 0 to 5");
        }
        catch (NumberFormatException e) {
            return FormValidation.error("a level is a whole number 0 to 5");
        }
    }
}
