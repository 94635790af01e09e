package io.jenkins.plugins.dsomm.gate;

import io.jenkins.plugins.dsomm.TestData;
import io.jenkins.plugins.dsomm.assess.Assessment;
import io.jenkins.plugins.dsomm.assess.AssessmentOptions;
import io.jenkins.plugins.dsomm.assess.Assessor;
import io.jenkins.plugins.dsomm.context.BuildContext;
import io.jenkins.plugins.dsomm.assess.LevelView;
import io.jenkins.plugins.dsomm.attest.Attestation;
import io.jenkins.plugins.dsomm.attest.Declarations;
import io.jenkins.plugins.dsomm.attest.Targets;
import io.jenkins.plugins.dsomm.catalog.Catalog;
import io.jenkins.plugins.dsomm.catalog.CatalogLoader;
import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
import io.jenkins.plugins.dsomm.evidence.Severity;
import io.jenkins.plugins.dsomm.mapping.RuleSet;
import io.jenkins.plugins.dsomm.mapping.RuleSetLoader;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.jenkins.plugins.dsomm.TestData.evidence;
import static io.jenkins.plugins.dsomm.TestData.sbom;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GateTest {
    private static final Catalog CATALOG = TestData.testCatalog();
    private static final RuleSet RULES = TestData.testRules(CATALOG);

    /** X1 has no rule: attested, so that levels can rise above 0. */
    private static final Declarations X1_ATTESTED = new Declarations(".dsomm.yml", "", List.of(new Attestation(
            TestData.X1, "alice", LocalDate.parse("2026-10-01"), LocalDate.parse("2027-10-01"), "", "")), List.of(),
            List.of());

    private static Assessment assess(final List<Evidence> evidence, final boolean pipeline) {
        return assess(evidence, pipeline, X1_ATTESTED);
    }

    private static Assessment assess(final List<Evidence> evidence, final boolean pipeline, final Declarations d) {
        return assess(CATALOG, RULES, evidence, pipeline, d, AssessmentOptions.defaults());
    }

    private static Assessment assess(final Catalog catalog, final RuleSet rules, final List<Evidence> evidence,
            final boolean pipeline, final Declarations d, final AssessmentOptions options) {
        return Assessor.of(catalog, rules).at(TestData.NOW, ZoneOffset.UTC).evidence(evidence)
                .context(new BuildContext(pipeline, false, Set.of())).declarations(d).options(options)
                .subject(Map.of("job", "app", "build", "7")).assess();
    }

    private static List<Evidence> full() {
        return List.of(evidence("CodeQL", EvidenceKind.SAST), evidence("Trivy", EvidenceKind.SCA),
                sbom("Syft", 3), evidence("Gitleaks", EvidenceKind.SECRETS), evidence("ZAP", EvidenceKind.DAST));
    }

    @Test
    void minimumLevelViolationNamesWhatIsMissingWhere() {
        GateResult result = Gate.evaluate(Policy.defaults().withMinimumLevel(2), assess(List.of(), false,
                Declarations.none()), null);
        assertThat(result.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(result.violations()).singleElement().satisfies(v -> {
            assertThat(v.rule()).isEqualTo("minimum-level");
            assertThat(v.message()).isEqualTo("Overall level is 0, minimum 2: "
                    + "Dim A / Sub 1 is at level 0: missing A1 (no SAST evidence), missing A2 (no SCA evidence); "
                    + "Dim A / Sub 2 is at level 0: missing B1 (not shown: the assessment runs in a CI pipeline), "
                    + "missing B2 (no SBOM evidence with at least 1 component); "
                    + "Dim B / Sub 3 is at level 0: missing C2 (no SECRETS evidence), unverified X1");
        });
        assertThat(result.checks()).extracting(RuleCheck::rule).containsExactly("minimum-level", "no-regression");
        assertThat(result.checks().get(1)).isEqualTo(new RuleCheck("no-regression", Outcome.PASS,
                "No reference assessment: regression not checked"));
    }

    @Test
    void dimensionMinimumAndPass() {
        Policy policy = Policy.builder().minimumLevel(3).dimensionMinimum("Dim A", 4).dimensionMinimum("Dim B", 2)
                .regression(false).build();
        List<Evidence> evidence = List.of(evidence("CodeQL", EvidenceKind.SAST), evidence("Trivy", EvidenceKind.SCA),
                sbom("Syft", 3), evidence("Gitleaks", EvidenceKind.SECRETS));
        GateResult result = Gate.evaluate(policy, assess(evidence, true), null);
        assertThat(result.checks()).containsExactly(
                new RuleCheck("minimum-level", Outcome.PASS, "Overall level 3 meets the minimum 3"),
                new RuleCheck("minimum-level:Dim A", Outcome.FAILURE,
                        "Dim A is at level 3, minimum 4: missing A4 (no DAST evidence)"),
                new RuleCheck("minimum-level:Dim B", Outcome.PASS, "Dim B is at level 5, minimum 2"));
        assertThat(result.outcome()).isEqualTo(Outcome.FAILURE);
    }

    @Test
    void levelRulesOfTheEvidenceOnlyViewSaySo() {
        AssessmentOptions evidenceOnly = new AssessmentOptions(LevelView.EVIDENCE_ONLY, null, List.of(),
                Targets.none());
        GateResult result = Gate.evaluate(Policy.builder().minimumLevel(3).regression(false).build(),
                assess(CATALOG, RULES, full(), true, Declarations.none(), evidenceOnly), null);
        assertThat(result.checks()).containsExactly(new RuleCheck("minimum-level", Outcome.PASS,
                "Overall level 5 meets the minimum 3 [evidence-only view: unverified activities are ignored, so these "
                        + "are not DSOMM levels]"));
    }

    @Test
    void atTargetNamesEverySubDimensionBelowItsTarget() {
        Declarations d = new Declarations(".dsomm.yml", "", X1_ATTESTED.attestations(), List.of(), List.of(), null,
                List.of(), Targets.of(Map.of("Dim A", 4, "Dim B / Sub 3", 2)), List.of(), List.of());
        List<Evidence> evidence = List.of(evidence("CodeQL", EvidenceKind.SAST, Severity.HIGH),
                evidence("Trivy", EvidenceKind.SCA), sbom("Syft", 3), evidence("Gitleaks", EvidenceKind.SECRETS));
        Policy policy = Policy.builder().atTarget(true).regression(false).build();
        GateResult result = Gate.evaluate(policy, assess(evidence, true, d), null);
        assertThat(result.checks()).containsExactly(new RuleCheck("at-target", Outcome.FAILURE,
                "1 of 3 sub-dimensions below target: Dim A / Sub 1 is at level 2, target 4: failed A3 (open findings: "
                        + "1 HIGH (CodeQL 1.0: 1)), missing A4 (no DAST evidence)"));
        GateResult reached = Gate.evaluate(policy.toBuilder().levelOutcome(Outcome.UNSTABLE).build(),
                assess(full(), true, d), null);
        assertThat(reached.checks()).containsExactly(new RuleCheck("at-target", Outcome.PASS,
                "Every sub-dimension in scope with a target is at it (3 targets)"));
        GateResult none = Gate.evaluate(policy, assess(full(), true), null);
        assertThat(none.checks()).containsExactly(new RuleCheck("at-target", Outcome.FAILURE,
                "No target is set, so none can be met: set targets in .dsomm.yml (targets:) or as a gate option"));
    }

    @Test
    void regressionNamesTheLevelDropsAndTheActivityNoLongerMet() {
        Assessment reference = assess(full(), true);
        List<Evidence> withoutDast = full().subList(0, 4);
        GateResult result = Gate.evaluate(Policy.defaults(), assess(withoutDast, true), reference);
        assertThat(result.outcome()).isEqualTo(Outcome.UNSTABLE);
        assertThat(result.violations()).singleElement().satisfies(v -> assertThat(v.message()).isEqualTo(
                "Regression against app #7: overall level 5 → 3, Dim A 5 → 3; no longer met: A4 (met → missing: "
                        + "no DAST evidence)"));
    }

    @Test
    void aReferenceOfTheEvidenceOnlyViewIsComparedInThatView() {
        AssessmentOptions evidenceOnly = new AssessmentOptions(LevelView.EVIDENCE_ONLY, null, List.of(),
                Targets.none());
        Assessment reference = assess(CATALOG, RULES, full(), true, Declarations.none(), evidenceOnly);
        Assessment current = assess(full(), true, Declarations.none());
        assertThat(current.overall()).isZero();
        GateResult same = Gate.evaluate(Policy.defaults(), current, reference);
        assertThat(same.checks()).containsExactly(new RuleCheck("no-regression", Outcome.PASS,
                "No regression against app #7 (the reference was assessed in the evidence-only view, this build in "
                        + "the dsomm view: compared in the reference's; levels that differ for that reason, not a "
                        + "regression: overall 5 → 0; Dim A 5 → 3; Dim B 5 → 0)"));
        GateResult lost = Gate.evaluate(Policy.defaults(), assess(full().subList(0, 4), true, Declarations.none()),
                reference);
        assertThat(lost.violations()).singleElement().satisfies(v -> assertThat(v.message()).startsWith(
                "Regression against app #7: overall level 5 → 3, Dim A 5 → 3; no longer met: A4 (met → missing: no "
                        + "DAST evidence) (the reference was assessed in the evidence-only view"));
    }

    @Test
    void aNewModelIsAModelChangeNotARegression() throws Exception {
        Catalog next;
        try (var in = GateTest.class.getResourceAsStream("/model/test-model-next.yaml")) {
            next = CatalogLoader.load(in, "test-model-next.yaml");
        }
        RuleSet rules = new RuleSetLoader(next).parse(new ByteArrayInputStream("""
                version: 1
                name: test
                rules:
                  - {activity: 00000000-0000-4000-8000-0000000000a1, when: [{evidence: [SAST]}]}
                  - {activity: 00000000-0000-4000-8000-0000000000a2, when: [{evidence: [SCA]}]}
                  - {activity: 00000000-0000-4000-8000-0000000000a3, when: [{evidence: [SAST]}, {noOpen: [CRITICAL, HIGH]}]}
                  - {activity: 00000000-0000-4000-8000-0000000000a4, when: [{evidence: [DAST]}]}
                  - {activity: 00000000-0000-4000-8000-0000000000b1, when: [{context: pipeline}]}
                  - {activity: 00000000-0000-4000-8000-0000000000b2, when: [{evidence: [SBOM], minComponents: 1}]}
                  - {activity: 00000000-0000-4000-8000-0000000000c2, when: [{evidence: [SECRETS]}]}
                """.getBytes(StandardCharsets.UTF_8)), "next rules");
        Assessment reference = assess(full(), true);
        Assessment current = assess(next, rules, full(), true, X1_ATTESTED, AssessmentOptions.defaults());
        // N1 (new, unverified, level 1) holds Dim A / Sub 1 at 0; Dim C is new, its D1 (level 2) unverified
        assertThat(current.overall()).isZero();
        GateResult result = Gate.evaluate(Policy.defaults(), current, reference);
        assertThat(result.checks()).containsExactly(new RuleCheck("no-regression", Outcome.PASS,
                "No regression against app #7 (model change DSOMM 9.9.9-test → 10.0.0-test: 2 activities added (N1, "
                        + "D1); 1 activity moved (X1: Dim B / Sub 3 → Dim B / Sub 4); 1 activity renamed (A3 → A3 "
                        + "renamed); 1 activity at another level (B2: level 2 → 3); levels that differ for that "
                        + "reason, not a regression: overall 5 → 0; Dim A 5 → 0; new sub-dimension Dim B / Sub 4 at "
                        + "5; new dimension Dim C at 1)"));
        Assessment worse = assess(next, rules, full().subList(0, 4), true, X1_ATTESTED, AssessmentOptions.defaults());
        GateResult lost = Gate.evaluate(Policy.defaults(), worse, reference);
        assertThat(lost.violations()).singleElement().satisfies(v -> assertThat(v.message()).startsWith(
                "Regression against app #7: overall level 5 → 3, Dim A 5 → 3; no longer met: A4 (met → missing: no "
                        + "DAST evidence) (model change DSOMM 9.9.9-test → 10.0.0-test"));
    }

    @Test
    void aReferenceThatCouldNotBeReadIsReportedWithTheRuleOutcomeNotAsAPass() {
        String problem = "prev/assessment.json: not a DSOMM Gate assessment: invalid JSON: Unexpected end-of-input";
        GateResult result = Gate.evaluate(Policy.defaults(), assess(full(), true), null, problem, null);
        assertThat(result.outcome()).isEqualTo(Outcome.UNSTABLE);
        assertThat(result.checks()).containsExactly(new RuleCheck("no-regression", Outcome.UNSTABLE,
                "Regression not checked: the reference assessment could not be read: " + problem));
        GateResult failing = Gate.evaluate(Policy.builder().regressionOutcome(Outcome.FAILURE).build(),
                assess(full(), true), null, problem, null);
        assertThat(failing.outcome()).isEqualTo(Outcome.FAILURE);
        GateResult off = Gate.evaluate(Policy.builder().regression(false).build(), assess(full(), true), null, problem,
                null);
        assertThat(off.checks()).isEmpty();
        assertThat(off.outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void noRegressionWhenNothingDropped() {
        Assessment reference = assess(full(), true);
        GateResult result = Gate.evaluate(Policy.defaults(), assess(full(), true), reference);
        assertThat(result.outcome()).isEqualTo(Outcome.PASS);
        assertThat(result.checks()).containsExactly(new RuleCheck("no-regression", Outcome.PASS,
                "No regression against app #7"));
    }

    @Test
    void thresholdsCountOpenFindingsPerSeverityAndTheWorstOutcomeWins() {
        Policy policy = Policy.builder().minimumLevel(4).maxOpen("high", 0).build();
        List<Evidence> evidence = List.of(evidence("CodeQL", EvidenceKind.SAST, Severity.HIGH, Severity.HIGH),
                evidence("Trivy", EvidenceKind.SCA, Severity.HIGH, Severity.LOW));
        GateResult result = Gate.evaluate(policy, assess(evidence, true), null);
        assertThat(result.violations()).extracting(RuleCheck::rule).containsExactly("minimum-level", "max-open:high");
        assertThat(result.violations().get(1).message()).isEqualTo(
                "3 open HIGH findings, at most 0 allowed (CodeQL 1.0: 2; Trivy 1.0: 1)");
        assertThat(result.violations().get(1).outcome()).isEqualTo(Outcome.UNSTABLE);
        assertThat(result.outcome()).isEqualTo(Outcome.FAILURE);
    }

    @Test
    void policyRejectsImpossibleValues() {
        assertThatThrownBy(() -> Policy.defaults().withMinimumLevel(6)).hasMessage("minimum level must be 0 to 5: 6");
        assertThatThrownBy(() -> Policy.builder().maxOpen("severe", 1).build())
                .hasMessage("unknown severity 'severe' (critical, high, medium, low, info, unknown or total)");
    }
}
