package io.jenkins.plugins.dsomm.run;

import io.jenkins.plugins.dsomm.catalog.CatalogLoader;

/**
 * The check of one option value as an assessment run would read it, for forms that validate as the user types
 * (the Jenkins snippet generator and configuration pages): an error when a run would refuse it, a warning when it
 * names a dimension the bundled DSOMM lacks (a custom model may have it).
 *
 * @param kind    OK, WARNING or ERROR
 * @param message what is wrong, empty when OK
 */
public record OptionCheck(Kind kind, String message) {
    /** How bad it is. */
    public enum Kind {
        OK, WARNING, ERROR
    }

    /** Checks a Jenkins option value. */
    public static OptionCheck of(final AssessOption option, final String value) {
        OptionValues values = OptionValues.jenkins().add(option, value);
        try {
            AssessmentRun.checkOptions(values);
            String unknown = AssessmentRun.unknownDimension(values, CatalogLoader.bundled());
            return unknown == null ? new OptionCheck(Kind.OK, "")
                    : new OptionCheck(Kind.WARNING, unknown + " (bundled DSOMM; a model option may name others)");
        }
        catch (RequestException e) {
            return new OptionCheck(Kind.ERROR, e.getMessage());
        }
    }
}
