package io.jenkins.plugins.dsomm.mapping;

import io.jenkins.plugins.dsomm.TestData;
import io.jenkins.plugins.dsomm.context.BuildContext;
import io.jenkins.plugins.dsomm.catalog.Catalog;
import io.jenkins.plugins.dsomm.catalog.CatalogLoader;
import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
import io.jenkins.plugins.dsomm.evidence.Severity;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RuleSetLoaderTest {
    private static final Catalog DSOMM = CatalogLoader.bundled();
    private static final RuleSetLoader LOADER = new RuleSetLoader(DSOMM);

    /** The activities of PRODUCT.md's default rule set. */
    private static final List<String> STANDARD = List.of(
            "Defined build process", "Version control", "SBOM of components", "Test for stored secrets in code",
            "Treatment of defects with high or critical severity", "Treatment of defects with medium severity",
            "Treatment of all defects", "Number of vulnerabilities/severity", "Number of vulnerabilities/severity/layer",
            "Simple visualization of defects", "Simple Scan", "Usage of multiple scanners",
            "Software Composition Analysis (server side)", "Software Composition Analysis (client side)",
            "Static analysis for important server side components", "Static analysis for important client side components",
            "Usage of multiple analyzers", "Test the definition of virtualized environments",
            "Test cluster deployment resources", "Software Composition Analysis",
            "Test of infrastructure components for known vulnerabilities");

    /** Every activity the DSOMM facts file marks as shown "direct"ly by CI evidence. */
    private static final List<String> DIRECT = List.of(
            "f6f7737f-25a9-4317-8de2-09bf59f29b5b", "a340f46b-6360-4cb8-847b-a0d3483d09d3",
            "2858ac12-0179-40d9-9acf-1b839c030473", "5786959d-0c6f-46a6-8e1c-a32ff1a50222",
            "8ae0b92c-10e0-4602-ba22-7524d6aed488", "34869eaf-f2e1-4926-b0bd-28c43402f057",
            "a86c1fbc-28fd-4610-89a3-a7f73acfe45f", "29318d60-18ce-4526-80ea-f5928e49f639",
            "066084c6-1135-4635-9cc5-9e75c7c5459f", "363a3eea-baf9-4010-88ca-bb8186a2989d",
            "bc548cba-cb82-4f76-bd4b-325d9d256279", "0ec92899-a5cb-4649-984b-2fb1d6c784ad",
            "44f2c8a9-4aaa-4c72-942d-63f78b89f385", "55f4c916-3a34-474d-ad96-9a9f7a4f6a83",
            "9cac3341-fe83-4079-bef2-bfc4279eb594", "85ba5623-84be-4219-8892-808837be582d",
            "b2f77606-3e6c-41e9-b72d-7c0b1d3d581d", "07796811-37f9-467c-9ff2-48f346e77ff3",
            "5b5a1eb2-113f-41fb-a3d6-06af4fdc9cea", "d918cd44-a972-43e9-a974-eff3f4a5dcfe",
            "87b54313-fafd-4860-930f-5ef132b3e4ad", "017d9e26-42b5-49a4-b945-9f59b308fb99",
            "07fe8c4f-ae33-4409-b1b2-cf64cfccea86", "e237176b-bec5-447d-a926-e37d6dd60e4b",
            "6c05c837-8c99-46e2-828b-7c903e27dba4", "297be001-8d94-41ee-ab29-207020d423c0",
            "d17dbff0-1f10-492a-b4c7-17bb59a0a711", "efa52cc8-6c5c-4ba2-a3d2-7164b0402f34",
            "d5e6303c-d5c6-4d59-b258-a3b9de38a07f", "c6e3c812-56e2-41b0-ae01-b7afc41a004c",
            "621fb6a5-5c0a-4408-826a-068868bb031b", "8fc3de67-7b8d-420b-8d24-f35928cfed6e",
            "837f8f90-adc2-4e6b-9ebb-60c2ee29494d", "26e1c6d5-5632-4ec7-80d2-e564b98732ad",
            "13367d8f-e37f-4197-a610-9ffca4fde261", "598897a2-358e-441f-984c-e12ec4f6110a");

    @Test
    void standardRuleSetIsExactlyTheProductDefault() {
        RuleSet standard = LOADER.bundled(RuleSetLoader.STANDARD);
        assertThat(standard.rules().keySet().stream().map(u -> DSOMM.activity(u).orElseThrow().name()).toList())
                .containsExactlyElementsOf(STANDARD);
        assertThat(standard.sources()).containsExactly("bundled standard rule set");
    }

    @Test
    void extendedRuleSetCoversEveryDirectActivityAndKeepsTheStandardRules() {
        RuleSet standard = LOADER.bundled(RuleSetLoader.STANDARD);
        RuleSet extended = LOADER.bundled(RuleSetLoader.EXTENDED);
        assertThat(extended.rules().keySet()).containsAll(DIRECT).containsAll(standard.rules().keySet());
        assertThat(extended.rules()).hasSize(standard.rules().size() + 23);
        assertThat(extended.sources()).containsExactly("bundled standard rule set", "bundled extended rule set");
    }

    @Test
    void rulesDescribeWhatSatisfiesThem() {
        RuleSet standard = LOADER.bundled(RuleSetLoader.STANDARD);
        assertThat(standard.ruleFor("2858ac12-0179-40d9-9acf-1b839c030473").orElseThrow().description())
                .isEqualTo("SBOM evidence with at least 1 component");
        assertThat(standard.ruleFor("44f2c8a9-4aaa-4c72-942d-63f78b89f385").orElseThrow().description())
                .isEqualTo("SAST, SCA, DAST, SECRETS, IAC or CONTAINER evidence, and no open CRITICAL or HIGH finding "
                        + "in SAST, SCA, DAST, SECRETS, IAC or CONTAINER evidence");
        assertThat(standard.ruleFor("5b5a1eb2-113f-41fb-a3d6-06af4fdc9cea").orElseThrow().description())
                .isEqualTo("DAST evidence from at least 2 distinct tools");
    }

    @Test
    void userFileExtendsReplacesAndRemoves() throws IOException {
        String yaml = """
                version: 1
                name: ours
                extends: standard
                remove: [Treatment of all defects]
                rules:
                  - activity: Simple Scan
                    description: a ZAP baseline scan
                    when:
                      - evidence: [DAST]
                        tools: ["(?i)zap"]
                  - activity: Conduction of simple threat modeling on technical level
                    when:
                      - context: [threat-model-reviewed]
                """;
        RuleSet ours = LOADER.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "ours.yml");
        assertThat(ours.name()).isEqualTo("ours");
        assertThat(ours.rules()).hasSize(21);
        assertThat(ours.ruleFor("b2f77606-3e6c-41e9-b72d-7c0b1d3d581d")).isEmpty();
        ActivityRule scan = ours.ruleFor("07796811-37f9-467c-9ff2-48f346e77ff3").orElseThrow();
        assertThat(scan.description()).isEqualTo("a ZAP baseline scan");
        assertThat(scan.evaluate(List.of(TestData.evidence("Nuclei", EvidenceKind.DAST)), BuildContext.none()).verdict())
                .isEqualTo(Verdict.MISSING);
        assertThat(scan.evaluate(List.of(TestData.evidence("OWASP ZAP", EvidenceKind.DAST)), BuildContext.none())
                .verdict()).isEqualTo(Verdict.MET);
        assertThat(ours.sources()).containsExactly("bundled standard rule set", "ours.yml");
    }

    @Test
    void findingRulesWithRuleIdsAndWildcards() throws IOException {
        RuleSet extended = LOADER.bundled(RuleSetLoader.EXTENDED);
        ActivityRule headers = extended.ruleFor("29318d60-18ce-4526-80ea-f5928e49f639").orElseThrow();
        var clean = TestData.evidence("ZAP", EvidenceKind.DAST, Severity.MEDIUM);
        assertThat(headers.evaluate(List.of(clean), BuildContext.none()).verdict()).isEqualTo(Verdict.MET);
        var csp = io.jenkins.plugins.dsomm.evidence.Evidence.builder().format("zap-json").tool("ZAP")
                .kind(EvidenceKind.DAST).open(io.jenkins.plugins.dsomm.evidence.SeverityCounts.of(0, 0, 1, 0, 0, 0))
                .findings(List.of(new io.jenkins.plugins.dsomm.evidence.Finding(1L, Severity.MEDIUM, "10038-1",
                        "Content Security Policy (CSP) Header Not Set", "https://app")), false).build();
        RuleResult outcome = headers.evaluate(List.of(csp), BuildContext.none());
        assertThat(outcome.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(outcome.reason()).isEqualTo("open findings: 1 MEDIUM (ZAP: 1): 10038-1 Content Security Policy "
                + "(CSP) Header Not Set");
    }

    @Test
    void errorsNameFileRuleAndProblem() {
        assertError("rules: [{activity: Nope, when: [{evidence: [SAST]}]}]",
                "m.yml: rule 1: activity 'Nope' is not in DSOMM 4.3.1 (give its uuid or exact name)");
        assertError("rules: [{activity: Simple Scan, when: [{evidence: [XSS]}]}]",
                "m.yml: rule 1 (Simple Scan), condition 1: unknown evidence kind 'XSS' (known: SAST, SCA, DAST, SBOM, "
                        + "SECRETS, IAC, CONTAINER, LICENSE, TEST, LINT, DUPLICATION, PROVENANCE, API_SPEC, "
                        + "DEPENDENCY_AGE, MALWARE)");
        assertError("rules: [{activity: Simple Scan, when: [{noOpen: [SEVERE]}]}]",
                "m.yml: rule 1 (Simple Scan), condition 1: unknown severity 'SEVERE' (CRITICAL, HIGH, MEDIUM, LOW, "
                        + "INFO, UNKNOWN or ALL)");
        assertError("rules: [{activity: Simple Scan, when: [{evidence: [DAST], minTool: 2}]}]",
                "m.yml: rule 1 (Simple Scan), condition 1: unknown key 'minTool' (allowed: anyFacet, evidence, formats, "
                        + "minComponents, minReports, minSuppressed, minTools, tools, withKinds)");
        assertError("rules: [{activity: Simple Scan, when: []}]",
                "m.yml: rule 1 (Simple Scan): 'when' must list at least one condition");
        assertError("extends: basic\nrules: []", "unknown rule set 'basic': use standard, extended or a file");
        assertError("rules: [{activity: Simple Scan, when: [{evidence: [DAST], tools: ['(']}]}]",
                "m.yml: rule 1 (Simple Scan), condition 1: invalid tool pattern '(': Unclosed group");
        assertError("rules: [{activity: Simple Scan, when: [{something: 1}]}]",
                "m.yml: rule 1 (Simple Scan), condition 1: a condition needs one of evidence, noOpen or context");
        assertThatThrownBy(() -> LOADER.parse(new ByteArrayInputStream("rules: [\n  {".getBytes(StandardCharsets.UTF_8)),
                "m.yml")).isInstanceOf(MappingException.class).hasMessageStartingWith("m.yml: not valid YAML at line 2: ");
    }

    private static void assertError(final String yaml, final String message) {
        assertThatThrownBy(() -> LOADER.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "m.yml"))
                .isInstanceOf(MappingException.class).hasMessage(message);
    }

    @Test
    void conditionsExplainThemselves() {
        EvidenceCondition multi = new EvidenceCondition(Set.of(EvidenceKind.SAST), Set.of(), List.of(), List.of(),
                List.of(), 1, 2, 0, 0);
        var one = multi.test(List.of(TestData.evidence("CodeQL", EvidenceKind.SAST),
                TestData.evidence("codeql", EvidenceKind.SAST)), BuildContext.none());
        assertThat(one.holds()).isFalse();
        assertThat(one.reason()).isEqualTo("SAST evidence from 1 tool (CodeQL, codeql), 2 distinct tools needed");
    }
}
