package io.jenkins.plugins.dsomm.gate;

import io.jenkins.plugins.dsomm.TestData;
import io.jenkins.plugins.dsomm.assess.Assessment;
import io.jenkins.plugins.dsomm.assess.Assessor;
import io.jenkins.plugins.dsomm.context.BuildContext;
import io.jenkins.plugins.dsomm.catalog.Catalog;
import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
import io.jenkins.plugins.dsomm.evidence.Severity;
import io.jenkins.plugins.dsomm.mapping.RuleSet;
import org.junit.jupiter.api.Test;

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

    private static Assessment assess(final List<Evidence> evidence, final boolean pipeline) {
        return Assessor.of(CATALOG, RULES).at(TestData.NOW, ZoneOffset.UTC).evidence(evidence)
                .context(new BuildContext(pipeline, false, Set.of()))
                .subject(Map.of("job", "app", "build", "7")).assess();
    }

    private static List<Evidence> full() {
        return List.of(evidence("CodeQL", EvidenceKind.SAST), evidence("Trivy", EvidenceKind.SCA),
                sbom("Syft", 3), evidence("Gitleaks", EvidenceKind.SECRETS), evidence("ZAP", EvidenceKind.DAST));
    }

    @Test
    void minimumLevelViolationNamesWhatIsMissingWhere() {
        GateResult result = Gate.evaluate(Policy.defaults().withMinimumLevel(2), assess(List.of(), false), null);
        assertThat(result.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(result.violations()).singleElement().satisfies(v -> {
            assertThat(v.rule()).isEqualTo("minimum-level");
            assertThat(v.message()).isEqualTo("Overall level is 0, minimum 2: "
                    + "Dim A / Sub 1 is at level 0: missing A1 (no SAST evidence), missing A2 (no SCA evidence); "
                    + "Dim A / Sub 2 is at level 0: missing B1 (not shown: the assessment runs in a CI pipeline), "
                    + "missing B2 (no SBOM evidence with at least 1 component); "
                    + "Dim B / Sub 3 is at level 1: missing C2 (no SECRETS evidence)");
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
