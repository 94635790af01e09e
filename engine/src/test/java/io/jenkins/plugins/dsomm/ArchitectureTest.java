package io.jenkins.plugins.dsomm;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The engine stays a plain library: no Jenkins, one hardened way to read XML, no printing; its packages form
 * layers without cycles (drawn in docs/architecture.md), and only the entry point ({@code run}) sees them all;
 * ingestion's own packages have no cycle either (the parsers depend on the ingestion API, never the other way round).
 */
class ArchitectureTest {
    private static final JavaClasses ENGINE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.jenkins.plugins.dsomm");

    @Test
    void engineHasNoJenkinsDependency() {
        ArchRule rule = noClasses().should().dependOnClassesThat().resideInAnyPackage("hudson..", "jenkins..",
                "org.jenkinsci..", "org.kohsuke.stapler..", "io.jenkins.plugins.util..")
                .because("the engine must run outside Jenkins (CLI, tests on any machine)");
        rule.check(ENGINE);
    }

    @Test
    void xmlIsOnlyReadThroughSecureXml() {
        noClasses().that().doNotHaveFullyQualifiedName("io.jenkins.plugins.dsomm.ingest.SecureXml")
                .should().callMethod(javax.xml.stream.XMLInputFactory.class, "newFactory")
                .orShould().callMethod(javax.xml.stream.XMLInputFactory.class, "newInstance")
                .orShould().callMethod(javax.xml.stream.XMLInputFactory.class, "newDefaultFactory")
                .because("SecureXml disables DTDs and external entities (XXE)")
                .check(ENGINE);
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javax.xml.parsers..", "org.xml.sax..",
                "org.w3c.dom..").because("DOM and SAX factories are not hardened; use SecureXml (StAX)")
                .check(ENGINE);
    }

    @Test
    void engineDoesNotPrint() {
        noClasses().should().accessField(System.class, "out").orShould().accessField(System.class, "err")
                .because("the engine reports through return values; the CLI and the plugin print")
                .check(ENGINE);
    }

    @Test
    void domainPackagesDoNotDependOnRenderingOrCli() {
        noClasses().that().resideInAnyPackage("..catalog..", "..evidence..", "..mapping..", "..assess..", "..gate..",
                "..attest..").should().dependOnClassesThat().resideInAnyPackage("..render..", "..cli..")
                .check(ENGINE);
    }

    /** Package cycles: none among the engine's top-level packages. */
    static final ArchRule NO_CYCLES = slices().matching("io.jenkins.plugins.dsomm.(**)").should().beFreeOfCycles()
            .because("a package graph without cycles is one a newcomer can change (docs/architecture.md)");

    /** The layers, lowest last; a package may use the ones below it only. */
    static final ArchRule LAYERS = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("run").definedBy("io.jenkins.plugins.dsomm.run..")
            .layer("render").definedBy("io.jenkins.plugins.dsomm.render..")
            .layer("json").definedBy("io.jenkins.plugins.dsomm.json..")
            .layer("gate").definedBy("io.jenkins.plugins.dsomm.gate..")
            .layer("kpi").definedBy("io.jenkins.plugins.dsomm.kpi..")
            .layer("assess").definedBy("io.jenkins.plugins.dsomm.assess..")
            .layer("mapping").definedBy("io.jenkins.plugins.dsomm.mapping..")
            .layer("attest").definedBy("io.jenkins.plugins.dsomm.attest..")
            .layer("catalog").definedBy("io.jenkins.plugins.dsomm.catalog..")
            .layer("ingest").definedBy("io.jenkins.plugins.dsomm.ingest..")
            .layer("foundation").definedBy("io.jenkins.plugins.dsomm.evidence..", "io.jenkins.plugins.dsomm.context..",
                    "io.jenkins.plugins.dsomm.yaml..")
            .whereLayer("run").mayNotBeAccessedByAnyLayer()
            .whereLayer("render").mayOnlyBeAccessedByLayers("run")
            .whereLayer("json").mayOnlyBeAccessedByLayers("render", "run")
            .whereLayer("gate").mayOnlyBeAccessedByLayers("json", "render", "run")
            .whereLayer("kpi").mayOnlyBeAccessedByLayers("gate", "json", "render", "run")
            .whereLayer("assess").mayOnlyBeAccessedByLayers("kpi", "gate", "json", "render", "run")
            .whereLayer("mapping").mayOnlyBeAccessedByLayers("assess", "json", "render", "run")
            .whereLayer("attest").mayOnlyBeAccessedByLayers("assess", "kpi", "gate", "json", "render", "run")
            .whereLayer("catalog").mayOnlyBeAccessedByLayers("attest", "mapping", "assess", "kpi", "gate", "json",
                    "render", "run")
            .whereLayer("ingest").mayOnlyBeAccessedByLayers("json", "render", "run")
            .because("each layer builds on the ones below it (docs/architecture.md)");

    @Test
    void packagesAreFreeOfCycles() {
        NO_CYCLES.check(ENGINE);
    }

    @Test
    void packagesAreLayered() {
        LAYERS.check(ENGINE);
    }

    @Test
    void aPlantedCycleFailsTheRule() {
        JavaClasses planted = new ClassFileImporter().importPackages("io.jenkins.plugins.dsomm.cyclea",
                "io.jenkins.plugins.dsomm.cycleb"); // test classes: cyclea.First <-> cycleb.Second
        assertThatThrownBy(() -> NO_CYCLES.check(planted)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected: Slice cyclea").hasMessageContaining("Slice cycleb");
    }

    @Test
    void ingestionPackagesAreFreeOfCycles() {
        ingestionIsFreeOfCycles("io.jenkins.plugins.dsomm.ingest").check(ENGINE);
        noClasses().that().resideInAPackage("io.jenkins.plugins.dsomm.ingest")
                .should().dependOnClassesThat().resideInAPackage("io.jenkins.plugins.dsomm.ingest.parser..")
                .because("parsers are found by ServiceLoader (META-INF/services), so ingestion never names one")
                .check(ENGINE);
    }

    @Test
    void aPlantedIngestionCycleIsFound() {
        JavaClasses planted = new ClassFileImporter().importPackages("io.jenkins.plugins.dsomm.planted");
        assertThatThrownBy(() -> ingestionIsFreeOfCycles("io.jenkins.plugins.dsomm.planted.ingest").check(planted))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected: Slice io.jenkins.plugins.dsomm.planted.ingest");
    }

    /** Every package below {@code root} (and {@code root} itself) is a slice; no slice may reach itself again. */
    static ArchRule ingestionIsFreeOfCycles(final String root) {
        SliceAssignment packages = new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(final JavaClass c) {
                String p = c.getPackageName();
                return p.equals(root) || p.startsWith(root + ".") ? SliceIdentifier.of(p) : SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "the packages of " + root;
            }
        };
        return slices().assignedFrom(packages).should().beFreeOfCycles();
    }
}
