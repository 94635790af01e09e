package io.jenkins.plugins.dsomm.plugin;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import hudson.model.Descriptor;
import hudson.util.ComboBoxModel;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.dsomm.assess.Assessor;
import io.jenkins.plugins.dsomm.gate.Gate;
import io.jenkins.plugins.dsomm.kpi.KpiCalculator;
import jenkins.model.Jenkins;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.bind.JavaScriptMethod;
import org.kohsuke.stapler.verb.POST;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.constructors;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The plugin is an adapter over the engine's entry point, and follows the Jenkins conventions the best reporting
 * plugins check the same way (plugin-util-api's PluginArchitectureRules): form endpoints only by POST, data-bound
 * and JavaScript-bound members in public classes, no package cycles.
 */
class PluginArchitectureTest {
    private static final JavaClasses PLUGIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.jenkins.plugins.dsomm.plugin");

    @Test
    void thePluginRunsNoStepOfAnAssessmentItself() {
        noClasses().should().dependOnClassesThat().belongToAnyOf(Assessor.class, KpiCalculator.class, Gate.class)
                .because("AssessmentRun runs an assessment end to end; the plugin translates and shows")
                .check(PLUGIN);
    }

    @Test
    void formValidationAndFillEndpointsNeedPost() {
        methods().that().areDeclaredInClassesThat().areAssignableTo(Descriptor.class)
                .and().haveNameMatching("doCheck[A-Z].*").and().haveRawReturnType(FormValidation.class)
                .should().beAnnotatedWith(POST.class).allowEmptyShould(true)
                .because("validation with side effects or disclosures must not answer GET (CSRF)").check(PLUGIN);
        methods().that().areDeclaredInClassesThat().areAssignableTo(Descriptor.class)
                .and().haveNameMatching("doFill[A-Z].*").and().haveRawReturnType(ListBoxModel.class)
                .or().haveRawReturnType(ComboBoxModel.class)
                .should().beAnnotatedWith(POST.class).allowEmptyShould(true).check(PLUGIN);
        methods().that().areDeclaredInClassesThat().haveSimpleName("DsommGlobalConfiguration")
                .and().haveNameMatching("do(Check|Fill)[A-Z].*")
                .should().beAnnotatedWith(POST.class).check(PLUGIN);
    }

    @Test
    void boundMembersAreInPublicClasses() {
        constructors().that().areAnnotatedWith(DataBoundConstructor.class).should().beDeclaredInClassesThat()
                .arePublic().check(PLUGIN);
        methods().that().areAnnotatedWith(DataBoundSetter.class).should().beDeclaredInClassesThat().arePublic()
                .check(PLUGIN);
        methods().that().areAnnotatedWith(JavaScriptMethod.class).should().bePublic()
                .andShould().beDeclaredInClassesThat().arePublic().check(PLUGIN);
    }

    @Test
    void jenkinsIsReachedThroughJenkinsGetOnly() {
        noClasses().should().callMethod(Jenkins.class, "getInstanceOrNull")
                .because("Jenkins.get() fails clearly where there is no Jenkins").check(PLUGIN);
    }

    @Test
    void noPackageCycles() {
        slices().matching("io.jenkins.plugins.dsomm.plugin.(**)").should().beFreeOfCycles().check(PLUGIN);
    }
}
