package io.jenkins.plugins.dsomm.assess;

import io.jenkins.plugins.dsomm.context.BuildContext;
import io.jenkins.plugins.dsomm.TestData;
import io.jenkins.plugins.dsomm.attest.Attestation;
import io.jenkins.plugins.dsomm.attest.Declarations;
import io.jenkins.plugins.dsomm.attest.NotApplicable;
import io.jenkins.plugins.dsomm.attest.Validity;
import io.jenkins.plugins.dsomm.attest.Waiver;
import io.jenkins.plugins.dsomm.catalog.Catalog;
import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
import io.jenkins.plugins.dsomm.evidence.Severity;
import io.jenkins.plugins.dsomm.evidence.SeverityCounts;
import io.jenkins.plugins.dsomm.gate.GapList;
import io.jenkins.plugins.dsomm.mapping.RuleSet;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static io.jenkins.plugins.dsomm.TestData.A1;
import static io.jenkins.plugins.dsomm.TestData.A2;
import static io.jenkins.plugins.dsomm.TestData.A3;
import static io.jenkins.plugins.dsomm.TestData.A4;
import static io.jenkins.plugins.dsomm.TestData.B1;
import static io.jenkins.plugins.dsomm.TestData.C2;
import static io.jenkins.plugins.dsomm.TestData.NOW;
import static io.jenkins.plugins.dsomm.TestData.X1;
import static io.jenkins.plugins.dsomm.TestData.evidence;
import static io.jenkins.plugins.dsomm.TestData.sbom;
import static org.assertj.core.api.Assertions.assertThat;

/** The level semantics of docs/assessment.md on a small model, with exact expected values. */
class AssessorTest {
    private static final Catalog CATALOG = TestData.testCatalog();
    private static final RuleSet RULES = TestData.testRules(CATALOG);
    private static final BuildContext PIPELINE = new BuildContext(true, false, Set.of());

    static Assessor assessor() {
        return Assessor.of(CATALOG, RULES).at(NOW, ZoneOffset.UTC);
    }

    static Assessment assess(final List<Evidence> evidence) {
        return assessor().evidence(evidence).context(PIPELINE).assess();
    }

    /** Levels as "overall | Dim A (Sub 1, Sub 2) | Dim B (Sub 3)". */
    static String levels(final Assessment a) {
        StringBuilder b = new StringBuilder(String.valueOf(a.overall()));
        for (DimensionLevel d : a.dimensions()) {
            b.append(" | ").append(d.name()).append(' ').append(d.level()).append(" (");
            b.append(String.join(", ", d.subDimensions().stream().map(s -> String.valueOf(s.level())).toList()));
            b.append(')');
        }
        return b.toString();
    }

    static ActivityStatus status(final Assessment a, final String uuid) {
        return a.activity(uuid).orElseThrow().status();
    }

    static ActivityResult result(final Assessment a, final String uuid) {
        return a.activity(uuid).orElseThrow();
    }

    static List<Evidence> allButDast() {
        return List.of(evidence("CodeQL", EvidenceKind.SAST), evidence("Trivy", EvidenceKind.SCA),
                sbom("Syft", 3), evidence("Gitleaks", EvidenceKind.SECRETS));
    }

    @Test
    void nothingGivesLevelZeroAndCountsOnlyAssessedActivities() {
        Assessment a = assessor().assess();
        assertThat(levels(a)).isEqualTo("0 | Dim A 0 (0, 0) | Dim B 1 (1)");
        assertThat(status(a, A1)).isEqualTo(ActivityStatus.MISSING);
        assertThat(result(a, A1).reason()).isEqualTo("no SAST evidence");
        assertThat(status(a, B1)).isEqualTo(ActivityStatus.MISSING);
        assertThat(result(a, B1).reason()).isEqualTo("not shown: the assessment runs in a CI pipeline");
        assertThat(status(a, X1)).isEqualTo(ActivityStatus.NOT_ASSESSED);
        assertThat(a.assessedActivities()).isEqualTo(7);
        assertThat(a.subDimension("Dim B", "Sub 3").orElseThrow()).isEqualTo(
                new SubDimensionLevel("Dim B", "Sub 3", 1, 2, 1, 0));
    }

    @Test
    void levelIsHighestLevelUpToWhichEveryCountedActivityIsSatisfied() {
        Assessment a = assess(allButDast());
        assertThat(levels(a)).isEqualTo("3 | Dim A 3 (3, 5) | Dim B 5 (5)");
        assertThat(status(a, A4)).isEqualTo(ActivityStatus.MISSING);
        assertThat(result(a, A1).reason()).isEqualTo("SAST evidence: CodeQL 1.0 (codeql.json)");
        assertThat(result(a, A1).evidence()).containsExactly("CodeQL 1.0 (codeql.json)");
        GapList gaps = GapList.of(a);
        assertThat(gaps.gaps()).hasSize(1);
        assertThat(gaps.gaps().get(0).subDimension()).isEqualTo("Sub 1");
        assertThat(gaps.gaps().get(0).target()).isEqualTo(4);
        assertThat(gaps.gaps().get(0).limitsOverall()).isTrue();
        assertThat(gaps.gaps().get(0).items()).singleElement().satisfies(i -> {
            assertThat(i.name()).isEqualTo("A4");
            assertThat(i.hint()).isEqualTo("needs: DAST evidence; or attest it in .dsomm.yml");
        });
    }

    @Test
    void openHighFindingFailsTheActivityAndLowersTheLevel() {
        List<Evidence> evidence = new ArrayList<>(allButDast());
        evidence.set(0, evidence("CodeQL", EvidenceKind.SAST, Severity.HIGH, Severity.LOW));
        Assessment a = assess(evidence);
        assertThat(status(a, A3)).isEqualTo(ActivityStatus.FAILED);
        assertThat(result(a, A3).reason()).isEqualTo("open findings: 1 HIGH (CodeQL 1.0: 1)");
        assertThat(levels(a)).isEqualTo("2 | Dim A 2 (2, 5) | Dim B 5 (5)");
    }

    @Test
    void unsatisfiedPrerequisiteBlocks() {
        Assessment a = assess(List.of(evidence("Trivy", EvidenceKind.SCA)));
        assertThat(status(a, A1)).isEqualTo(ActivityStatus.MISSING);
        assertThat(status(a, A2)).isEqualTo(ActivityStatus.BLOCKED);
        assertThat(result(a, A2).reason()).isEqualTo("blocked by A1 (missing)");
        assertThat(result(a, A2).notes()).containsExactly("would be met otherwise: SCA evidence: Trivy 1.0 (trivy.json)");
    }

    @Test
    void notAssessedPrerequisiteIsUnverifiedByDefaultAndBlocksInStrictMode() {
        List<Evidence> evidence = new ArrayList<>(allButDast());
        evidence.add(evidence("ZAP", EvidenceKind.DAST));
        Assessment lenient = assess(evidence);
        assertThat(status(lenient, A4)).isEqualTo(ActivityStatus.MET);
        assertThat(result(lenient, A4).notes()).containsExactly("prerequisite X1 unverified");
        assertThat(levels(lenient)).isEqualTo("5 | Dim A 5 (5, 5) | Dim B 5 (5)");
        assertThat(GapList.of(lenient).unverifiedPrerequisites()).containsExactly("X1");

        Assessment strict = assessor().evidence(evidence).context(PIPELINE)
                .options(new AssessmentOptions(true, null, List.of())).assess();
        assertThat(status(strict, A4)).isEqualTo(ActivityStatus.BLOCKED);
        assertThat(result(strict, A4).reason()).isEqualTo("blocked by X1 (not assessed)");
        // strict: X1 (level 1) counts and is not satisfied
        assertThat(levels(strict)).isEqualTo("0 | Dim A 3 (3, 5) | Dim B 0 (0)");
        assertThat(GapList.of(strict).of("Dim B", "Sub 3").orElseThrow().items()).singleElement()
                .satisfies(i -> assertThat(i.hint()).isEqualTo(
                        "no rule assesses it: attest it in .dsomm.yml or declare it not applicable"));
    }

    @Test
    void validAttestationCountsAndVerifiesPrerequisite() {
        List<Evidence> evidence = new ArrayList<>(allButDast());
        evidence.add(evidence("ZAP", EvidenceKind.DAST));
        Declarations d = new Declarations(".dsomm.yml", "", List.of(new Attestation(X1, "alice",
                LocalDate.parse("2026-10-01"), LocalDate.parse("2027-10-01"), "https://wiki/x1", "")), List.of(),
                List.of());
        Assessment a = assessor().evidence(evidence).context(PIPELINE).declarations(d).assess();
        assertThat(status(a, X1)).isEqualTo(ActivityStatus.ATTESTED);
        assertThat(result(a, X1).reason()).isEqualTo(
                "attested by alice on 2026-10-01, expires 2027-10-01, evidence: https://wiki/x1");
        assertThat(result(a, A4).notes()).isEmpty();
        assertThat(a.subDimension("Dim B", "Sub 3").orElseThrow().counted()).isEqualTo(2);
        assertThat(a.declarations()).singleElement().satisfies(s -> {
            assertThat(s.type()).isEqualTo("attestation");
            assertThat(s.subject()).isEqualTo("X1");
            assertThat(s.validity()).isEqualTo(Validity.VALID);
        });
    }

    @Test
    void expiredAttestationNoLongerCountsAndIsReported() {
        Declarations d = new Declarations(".dsomm.yml", "", List.of(new Attestation(X1, "alice",
                LocalDate.parse("2026-01-01"), LocalDate.parse("2026-10-31"), "", "")), List.of(), List.of());
        Assessment a = assessor().evidence(allButDast()).context(PIPELINE).declarations(d).assess();
        assertThat(status(a, X1)).isEqualTo(ActivityStatus.NOT_ASSESSED);
        assertThat(result(a, X1).notes()).containsExactly(
                "attestation by alice of 2026-01-01 expired on 2026-10-31: it no longer counts");
        assertThat(a.declarations().get(0).validity()).isEqualTo(Validity.EXPIRED);
    }

    @Test
    void attestationExpiringTodayStillCounts() {
        Declarations d = new Declarations(".dsomm.yml", "", List.of(new Attestation(X1, "alice",
                LocalDate.parse("2026-01-01"), LocalDate.parse("2026-11-01"), "", "")), List.of(), List.of());
        assertThat(status(assessor().declarations(d).assess(), X1)).isEqualTo(ActivityStatus.ATTESTED);
    }

    @Test
    void attestationOfMissingEvidenceCountsButNotOfFailingEvidence() {
        Declarations d = new Declarations(".dsomm.yml", "", List.of(
                new Attestation(A4, "bob", LocalDate.parse("2026-10-01"), LocalDate.parse("2027-10-01"), "", ""),
                new Attestation(A3, "bob", LocalDate.parse("2026-10-01"), LocalDate.parse("2027-10-01"), "", "")),
                List.of(), List.of());
        List<Evidence> evidence = new ArrayList<>(allButDast());
        evidence.set(0, evidence("CodeQL", EvidenceKind.SAST, Severity.CRITICAL));
        Assessment a = assessor().evidence(evidence).context(PIPELINE).declarations(d).assess();
        assertThat(status(a, A4)).isEqualTo(ActivityStatus.ATTESTED);
        assertThat(result(a, A4).notes()).containsExactly("the rule finds: no DAST evidence",
                "prerequisite X1 unverified");
        assertThat(status(a, A3)).isEqualTo(ActivityStatus.FAILED);
        assertThat(result(a, A3).notes()).containsExactly("attested by bob, but the evidence shows it is not met: "
                + "an attestation does not override failing evidence (use a waiver)");
    }

    @Test
    void notApplicableCountsAsSatisfied() {
        Declarations d = new Declarations(".dsomm.yml", "", List.of(), List.of(new NotApplicable(C2,
                "no secrets in this repository", "carol", LocalDate.parse("2026-10-01"), null)), List.of());
        Assessment a = assessor().declarations(d).assess();
        assertThat(status(a, C2)).isEqualTo(ActivityStatus.NOT_APPLICABLE);
        assertThat(a.subDimension("Dim B", "Sub 3").orElseThrow().level()).isEqualTo(5);
    }

    @Test
    void activityWaiverAcceptsAFailureUntilItExpires() {
        List<Evidence> evidence = new ArrayList<>(allButDast());
        evidence.set(0, evidence("CodeQL", EvidenceKind.SAST, Severity.HIGH));
        Waiver w = new Waiver(A3, null, null, null, "fix planned in JIRA-1", "dave", null, LocalDate.parse("2026-12-31"));
        Declarations d = new Declarations(".dsomm.yml", "", List.of(), List.of(), List.of(w));
        Assessment a = assessor().evidence(evidence).context(PIPELINE).declarations(d).assess();
        assertThat(status(a, A3)).isEqualTo(ActivityStatus.WAIVED);
        assertThat(result(a, A3).reason()).isEqualTo("waived until 2026-12-31: fix planned in JIRA-1 (dave)");
        assertThat(result(a, A3).notes()).containsExactly("without the waiver: open findings: 1 HIGH (CodeQL 1.0: 1)");
        assertThat(levels(a)).isEqualTo("3 | Dim A 3 (3, 5) | Dim B 5 (5)");

        Assessment later = assessor().at(java.time.Instant.parse("2027-01-01T00:00:00Z"), ZoneOffset.UTC)
                .evidence(evidence).context(PIPELINE).declarations(d).assess();
        assertThat(status(later, A3)).isEqualTo(ActivityStatus.FAILED);
    }

    @Test
    void findingWaiverRemovesTheFindingFromOpenCounts() {
        List<Evidence> evidence = new ArrayList<>(allButDast());
        evidence.set(0, evidence("CodeQL", EvidenceKind.SAST, Severity.HIGH, Severity.LOW));
        Waiver w = new Waiver(null, "R1", "f.java", null, "false positive", "erin", null, LocalDate.parse("2027-01-31"));
        Declarations d = new Declarations(".dsomm.yml", "", List.of(), List.of(), List.of(w));
        Assessment a = assessor().evidence(evidence).context(PIPELINE).declarations(d).assess();
        assertThat(status(a, A3)).isEqualTo(ActivityStatus.MET);
        Evidence codeql = a.evidence().get(0);
        assertThat(codeql.open()).isEqualTo(SeverityCounts.of(0, 0, 0, 1, 0, 0));
        assertThat(codeql.suppressed()).isEqualTo(1);
        assertThat(codeql.findings()).extracting(f -> f.rule()).containsExactly("R2");
        assertThat(a.declarations()).singleElement().satisfies(s -> assertThat(s.matched()).isEqualTo(1));
    }

    @Test
    void staleEvidenceDoesNotCountAndYoungReferenceEvidenceIsCarriedOver() {
        Assessment reference = assessor().evidence(List.of(evidence("ZAP", EvidenceKind.DAST,
                NOW.minusSeconds(86_400)), evidence("OldSAST", EvidenceKind.SAST, NOW.minusSeconds(5 * 86_400))))
                .subject(java.util.Map.of("job", "app", "build", "41")).assess();
        Assessment a = assessor().context(PIPELINE).reference(reference)
                .options(new AssessmentOptions(false, 2, List.of()))
                .evidence(List.of(evidence("CodeQL", EvidenceKind.SAST, NOW.minusSeconds(10 * 86_400)),
                        evidence("Trivy", EvidenceKind.SCA)))
                .assess();
        assertThat(a.stale()).containsExactly(
                "CodeQL 1.0 (codeql.json) was produced 2026-10-22, more than 2 days ago: it does not count");
        assertThat(a.evidence()).extracting(Evidence::tool).containsExactly("Trivy", "ZAP");
        assertThat(a.evidence().get(1).carriedFrom()).isEqualTo("app #41");
        assertThat(status(a, A1)).isEqualTo(ActivityStatus.MISSING);
        assertThat(result(a, A4).reason()).isEqualTo("DAST evidence: ZAP 1.0 (zap.json)");
    }

    @Test
    void withoutMaximumAgeNothingIsCarriedOverAndOldEvidenceCounts() {
        Assessment reference = assessor().evidence(List.of(evidence("ZAP", EvidenceKind.DAST))).assess();
        Assessment a = assessor().reference(reference)
                .evidence(List.of(evidence("CodeQL", EvidenceKind.SAST, NOW.minusSeconds(400 * 86_400L)))).assess();
        assertThat(a.evidence()).extracting(Evidence::tool).containsExactly("CodeQL");
        assertThat(a.stale()).isEmpty();
    }

    @Test
    void scopeLimitsTheOverallLevel() {
        Assessment a = assessor().options(new AssessmentOptions(false, null, List.of("Dim B")))
                .evidence(List.of(evidence("Gitleaks", EvidenceKind.SECRETS))).assess();
        assertThat(levels(a)).isEqualTo("5 | Dim A 0 (0, 0) | Dim B 5 (5)");
        assertThat(a.dimension("Dim A").orElseThrow().inScope()).isFalse();
    }

    @Test
    void sbomNeedsComponents() {
        Assessment empty = assess(List.of(sbom("Syft", 0)));
        assertThat(status(empty, TestData.B2)).isEqualTo(ActivityStatus.MISSING);
        assertThat(result(empty, TestData.B2).reason()).isEqualTo(
                "no SBOM evidence with at least 1 component (present: Syft (bom.json))");
    }

    /**
     * Properties that always hold: evidence without open findings, an attestation or a waiver never lowers a
     * level; with no input every assessed activity is unsatisfied.
     */
    @Test
    void addingCleanEvidenceNeverLowersALevel() {
        java.util.Random random = new java.util.Random(42);
        EvidenceKind[] kinds = EvidenceKind.values();
        Severity[] severities = Severity.values();
        for (int round = 0; round < 400; round++) {
            List<Evidence> base = new ArrayList<>();
            int n = random.nextInt(6);
            for (int i = 0; i < n; i++) {
                Severity[] findings = new Severity[random.nextInt(3)];
                for (int f = 0; f < findings.length; f++) {
                    findings[f] = severities[random.nextInt(severities.length)];
                }
                base.add(evidence("T" + random.nextInt(4), kinds[random.nextInt(kinds.length)], findings));
            }
            BuildContext context = new BuildContext(random.nextBoolean(), random.nextBoolean(), Set.of());
            boolean strict = random.nextBoolean();
            AssessmentOptions options = new AssessmentOptions(strict, null, List.of());
            Assessment before = assessor().evidence(base).context(context).options(options).assess();
            List<Evidence> more = new ArrayList<>(base);
            more.add(random.nextInt(4) == 0 ? sbom("S" + random.nextInt(3), 1 + random.nextInt(3))
                    : evidence("T" + random.nextInt(6), kinds[random.nextInt(kinds.length)]));
            Assessment after = assessor().evidence(more).context(context).options(options).assess();
            assertNotLower(before, after, "round " + round + ": " + base + " + " + more.get(more.size() - 1));

            Declarations attest = new Declarations("", "", List.of(new Attestation(
                    Arrays.asList(A1, A2, A3, A4, B1, X1, C2).get(random.nextInt(7)), "x",
                    LocalDate.parse("2026-10-01"), LocalDate.parse("2027-10-01"), "", "")), List.of(), List.of());
            Assessment attested = assessor().evidence(base).context(context).options(options).declarations(attest)
                    .assess();
            assertNotLower(before, attested, "round " + round + " attestation");
        }
    }

    static void assertNotLower(final Assessment before, final Assessment after, final String what) {
        assertThat(orMinus(after.overall())).as(what + " overall").isGreaterThanOrEqualTo(orMinus(before.overall()));
        for (int d = 0; d < before.dimensions().size(); d++) {
            DimensionLevel b = before.dimensions().get(d);
            DimensionLevel a = after.dimensions().get(d);
            for (int s = 0; s < b.subDimensions().size(); s++) {
                Integer lb = b.subDimensions().get(s).level();
                Integer la = a.subDimensions().get(s).level();
                if (lb != null) {
                    assertThat(la).as(what + " " + b.subDimensions().get(s).name()).isNotNull()
                            .isGreaterThanOrEqualTo(lb);
                }
            }
        }
    }

    private static int orMinus(final Integer level) {
        return level == null ? -1 : level;
    }
}
