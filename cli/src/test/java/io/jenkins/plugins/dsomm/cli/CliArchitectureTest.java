package io.jenkins.plugins.dsomm.cli;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.jenkins.plugins.dsomm.assess.Assessor;
import io.jenkins.plugins.dsomm.gate.Gate;
import io.jenkins.plugins.dsomm.ingest.Ingestor;
import io.jenkins.plugins.dsomm.kpi.KpiCalculator;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The command line is an adapter: the engine's entry point runs the assessment, not the command. */
class CliArchitectureTest {
    private static final JavaClasses CLI = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.jenkins.plugins.dsomm.cli");

    @Test
    void theAssessmentStepsAreTheEnginesNotTheCommandLines() {
        noClasses().that().haveNameNotMatching(".*InspectCommand.*").should().dependOnClassesThat()
                .belongToAnyOf(Assessor.class, KpiCalculator.class, Gate.class, Ingestor.class)
                .because("AssessmentRun runs an assessment end to end; the command line only translates and shows")
                .check(CLI);
        noClasses().should().dependOnClassesThat().belongToAnyOf(Assessor.class, KpiCalculator.class, Gate.class)
                .check(CLI);
    }

    @Test
    void noCycles() {
        slices().matching("io.jenkins.plugins.dsomm.(**)").should().beFreeOfCycles().check(CLI);
    }
}
