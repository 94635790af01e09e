package io.jenkins.plugins.dsomm;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The engine stays a plain library: no Jenkins, one hardened way to read XML, no printing. */
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
}
