package io.jenkins.plugins.dsomm.plugin;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.dsomm.catalog.CatalogException;
import io.jenkins.plugins.dsomm.catalog.CatalogLoader;
import io.jenkins.plugins.dsomm.mapping.MappingException;
import io.jenkins.plugins.dsomm.mapping.RuleSetLoader;
import io.jenkins.plugins.dsomm.run.AssessOption;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Global defaults of DSOMM Gate (Manage Jenkins » System, or Configuration as Code under
 * {@code unclassified: dsommGate:}): the default policy, an upstream DSOMM model replacing the bundled catalog,
 * and a mapping replacing the bundled rule set. Steps override each value they set.
 */
@Extension
@Symbol("dsommGate")
public class DsommGlobalConfiguration extends GlobalConfiguration {
    private Integer minimumLevel;
    private String dimensionMinimums = "";
    private String maxOpen = "";
    private String levelOutcome = "FAILURE";
    private String regressionOutcome = "UNSTABLE";
    private String thresholdOutcome = "UNSTABLE";
    private String rules = RuleSetLoader.STANDARD;
    private String catalogOverride = "";
    private String mappingOverride = "";

    public DsommGlobalConfiguration() {
        load();
    }

    public static DsommGlobalConfiguration get() {
        return ExtensionList.lookupSingleton(DsommGlobalConfiguration.class);
    }

    @CheckForNull
    public Integer getMinimumLevel() {
        return minimumLevel;
    }

    @DataBoundSetter
    public void setMinimumLevel(@CheckForNull final Integer minimumLevel) {
        this.minimumLevel = minimumLevel;
        save();
    }

    public String getDimensionMinimums() {
        return dimensionMinimums;
    }

    @DataBoundSetter
    public void setDimensionMinimums(final String dimensionMinimums) {
        this.dimensionMinimums = dimensionMinimums == null ? "" : dimensionMinimums;
        save();
    }

    public String getMaxOpen() {
        return maxOpen;
    }

    @DataBoundSetter
    public void setMaxOpen(final String maxOpen) {
        this.maxOpen = maxOpen == null ? "" : maxOpen;
        save();
    }

    public String getLevelOutcome() {
        return levelOutcome;
    }

    @DataBoundSetter
    public void setLevelOutcome(final String levelOutcome) {
        this.levelOutcome = levelOutcome;
        save();
    }

    public String getRegressionOutcome() {
        return regressionOutcome;
    }

    @DataBoundSetter
    public void setRegressionOutcome(final String regressionOutcome) {
        this.regressionOutcome = regressionOutcome;
        save();
    }

    public String getThresholdOutcome() {
        return thresholdOutcome;
    }

    @DataBoundSetter
    public void setThresholdOutcome(final String thresholdOutcome) {
        this.thresholdOutcome = thresholdOutcome;
        save();
    }

    public String getRules() {
        return rules == null || rules.isBlank() ? RuleSetLoader.STANDARD : rules;
    }

    @DataBoundSetter
    public void setRules(final String rules) {
        this.rules = rules;
        save();
    }

    /** An upstream DSOMM model.yaml (content) used instead of the bundled catalog; empty for the bundled one. */
    public String getCatalogOverride() {
        return catalogOverride == null ? "" : catalogOverride;
    }

    @DataBoundSetter
    public void setCatalogOverride(final String catalogOverride) {
        this.catalogOverride = catalogOverride;
        save();
    }

    /** A mapping file (content) used instead of the bundled rule set; empty for the bundled one. */
    public String getMappingOverride() {
        return mappingOverride == null ? "" : mappingOverride;
    }

    @DataBoundSetter
    public void setMappingOverride(final String mappingOverride) {
        this.mappingOverride = mappingOverride;
        save();
    }

    @POST
    public ListBoxModel doFillLevelOutcomeItems() {
        return outcomes();
    }

    @POST
    public ListBoxModel doFillRegressionOutcomeItems() {
        return outcomes();
    }

    @POST
    public ListBoxModel doFillThresholdOutcomeItems() {
        return outcomes();
    }

    @POST
    public ListBoxModel doFillRulesItems() {
        ListBoxModel m = new ListBoxModel();
        m.add("standard: activities common scanners show directly", RuleSetLoader.STANDARD);
        m.add("extended: standard plus further direct and partial activities", RuleSetLoader.EXTENDED);
        return m;
    }

    static ListBoxModel outcomes() {
        ListBoxModel m = new ListBoxModel();
        m.add("Failure", "FAILURE");
        m.add("Unstable", "UNSTABLE");
        return m;
    }

    @POST
    public FormValidation doCheckCatalogOverride(@QueryParameter final String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        if (value == null || value.isBlank()) {
            return FormValidation.ok();
        }
        try {
            var catalog = CatalogLoader.load(new ByteArrayInputStream(value.getBytes(StandardCharsets.UTF_8)),
                    "model");
            return FormValidation.ok("DSOMM " + catalog.version() + ": " + catalog.activities().size() + " activities");
        }
        catch (CatalogException | IOException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    @POST
    public FormValidation doCheckMappingOverride(@QueryParameter final String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        if (value == null || value.isBlank()) {
            return FormValidation.ok();
        }
        try {
            var set = new RuleSetLoader(CatalogLoader.bundled())
                    .parse(new ByteArrayInputStream(value.getBytes(StandardCharsets.UTF_8)), "mapping");
            return FormValidation.ok(set.rules().size() + " rules");
        }
        catch (MappingException | IOException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    @POST
    public FormValidation doCheckDimensionMinimums(@QueryParameter final String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return FormChecks.check(AssessOption.DIMENSION_MINIMUMS, value);
    }

    @POST
    public FormValidation doCheckMaxOpen(@QueryParameter final String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return FormChecks.check(AssessOption.MAX_OPEN, value);
    }
}
