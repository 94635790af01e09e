package io.jenkins.plugins.dsomm.assess;

import io.jenkins.plugins.dsomm.context.BuildContext;
import io.jenkins.plugins.dsomm.TestData;
import io.jenkins.plugins.dsomm.attest.Attestation;
import io.jenkins.plugins.dsomm.attest.Declarations;
import io.jenkins.plugins.dsomm.attest.ImportedProgress;
import io.jenkins.plugins.dsomm.attest.NotApplicable;
import io.jenkins.plugins.dsomm.attest.OutOfScope;
import io.jenkins.plugins.dsomm.attest.ProgressState;
import io.jenkins.plugins.dsomm.attest.Targets;
import io.jenkins.plugins.dsomm.attest.Validity;
import io.jenkins.plugins.dsomm.attest.Waiver;
import io.jenkins.plugins.dsomm.catalog.Catalog;
import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
import io.jenkins.plugins.dsomm.evidence.Severity;
import io.jenkins.plugins.dsomm.evidence.SeverityCounts;
import io.jenkins.plugins.dsomm.gate.Gap;
import io.jenkins.plugins.dsomm.gate.GapActor;
import io.jenkins.plugins.dsomm.gate.GapList;
import io.jenkins.plugins.dsomm.mapping.RuleSet;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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

    static Declarations attest(final String... uuids) {
        List<Attestation> list = new ArrayList<>();
        for (String u : uuids) {
            list.add(new Attestation(u, "alice", LocalDate.parse("2026-10-01"), LocalDate.parse("2027-10-01"), "", ""));
        }
        return new Declarations(".dsomm.yml", "", list, List.of(), List.of());
    }

    @Test
    void nothingGivesLevelZeroAndEveryActivityCounts() {
        Assessment a = assessor().assess();
        assertThat(levels(a)).isEqualTo("0 | Dim A 0 (0, 0) | Dim B 0 (0)");
        assertThat(status(a, A1)).isEqualTo(ActivityStatus.MISSING);
        assertThat(result(a, A1).reason()).isEqualTo("no SAST evidence");
        assertThat(status(a, B1)).isEqualTo(ActivityStatus.MISSING);
        assertThat(result(a, B1).reason()).isEqualTo("not shown: the assessment runs in a CI pipeline");
        assertThat(status(a, X1)).isEqualTo(ActivityStatus.UNVERIFIED);
        assertThat(result(a, X1).reason()).isEqualTo("unverified: no rule, attestation or declaration speaks for it");
        assertThat(a.assessedActivities()).isEqualTo(7);
        assertThat(a.countedActivities()).isEqualTo(8);
        // X1 holds Sub 3 at 0; attested, it would be at 1 (C2 is missing)
        assertThat(a.subDimension("Dim B", "Sub 3").orElseThrow()).isEqualTo(
                new SubDimensionLevel("Dim B", "Sub 3", 0, 2, 2, 0, true, null, 1));
        assertThat(a.evidenceCeiling()).isZero();
    }

    @Test
    void levelIsHighestLevelUpToWhichEveryActivityInScopeIsSatisfied() {
        Assessment a = assess(allButDast());
        assertThat(levels(a)).isEqualTo("0 | Dim A 3 (3, 5) | Dim B 0 (0)");
        assertThat(status(a, A4)).isEqualTo(ActivityStatus.MISSING);
        assertThat(result(a, A1).reason()).isEqualTo("SAST evidence: CodeQL 1.0 (codeql.json)");
        assertThat(result(a, A1).evidence()).containsExactly("CodeQL 1.0 (codeql.json)");
        GapList gaps = GapList.of(a);
        assertThat(gaps.gaps()).extracting(Gap::subDimension).containsExactly("Sub 1", "Sub 3");
        Gap sub1 = gaps.gaps().get(0);
        assertThat(sub1.target()).isEqualTo(4);
        assertThat(sub1.limitsOverall()).isFalse();
        assertThat(sub1.items()).singleElement().satisfies(i -> {
            assertThat(i.name()).isEqualTo("A4");
            assertThat(i.actor()).isEqualTo(GapActor.PIPELINE);
            assertThat(i.hint()).isEqualTo("needs: DAST evidence; or attest it in .dsomm.yml");
        });
        Gap sub3 = gaps.gaps().get(1);
        assertThat(sub3.limitsOverall()).isTrue();
        assertThat(sub3.pipeline()).isEmpty();
        assertThat(sub3.attestation()).singleElement().satisfies(i -> {
            assertThat(i.name()).isEqualTo("X1");
            assertThat(i.hint()).isEqualTo("no rule can show it: attest it in .dsomm.yml, declare it not applicable "
                    + "or take it out of scope");
        });
    }

    @Test
    void theEvidenceCeilingIsTheLevelIfEveryUnverifiedActivityWereAttested() {
        Assessment a = assess(allButDast());
        assertThat(a.subDimension("Dim B", "Sub 3").orElseThrow().evidenceCeiling()).isEqualTo(5);
        assertThat(a.subDimension("Dim A", "Sub 1").orElseThrow().evidenceCeiling()).isEqualTo(3);
        assertThat(a.dimension("Dim A").orElseThrow().evidenceCeiling()).isEqualTo(3);
        assertThat(a.overall()).isZero();
        assertThat(a.evidenceCeiling()).isEqualTo(3);
        Assessment attested = assessor().evidence(allButDast()).context(PIPELINE).declarations(attest(X1)).assess();
        assertThat(attested.overall()).isEqualTo(a.evidenceCeiling());
    }

    @Test
    void whatCarriesALevelIsCountedUpToTheNextLevel() {
        Assessment a = assessor().evidence(allButDast()).context(PIPELINE).declarations(attest(X1)).assess();
        LevelSupport overall = LevelSupport.overall(a);
        assertThat(overall.upTo()).isEqualTo(4);
        assertThat(overall.sentence()).isEqualTo("up to level 4: 6 by CI evidence, 1 attested, 1 missing");
        assertThat(LevelSupport.of(a, a.subDimension("Dim B", "Sub 3").orElseThrow()).sentence())
                .isEqualTo("up to level 5: 1 by CI evidence, 1 attested");
        assertThat(LevelSupport.overall(assessor().assess()).sentence())
                .isEqualTo("up to level 1: 2 missing, 1 unverified");
    }

    @Test
    void openHighFindingFailsTheActivityAndLowersTheLevel() {
        List<Evidence> evidence = new ArrayList<>(allButDast());
        evidence.set(0, evidence("CodeQL", EvidenceKind.SAST, Severity.HIGH, Severity.LOW));
        Assessment a = assessor().evidence(evidence).context(PIPELINE).declarations(attest(X1)).assess();
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
        assertThat(result(a, A2).blockedBy()).containsExactly(A1);
        assertThat(result(a, A2).wouldBe()).isEqualTo(ActivityStatus.MET);
        assertThat(result(a, A2).notes()).containsExactly("would be met otherwise: SCA evidence: Trivy 1.0 (trivy.json)");
    }

    @Test
    void anUnverifiedPrerequisiteBlocksAndTheGapListNamesItFirst() {
        List<Evidence> evidence = new ArrayList<>(allButDast());
        evidence.add(evidence("ZAP", EvidenceKind.DAST));
        Assessment a = assess(evidence);
        assertThat(status(a, A4)).isEqualTo(ActivityStatus.BLOCKED);
        assertThat(result(a, A4).reason()).isEqualTo("blocked by X1 (unverified)");
        assertThat(levels(a)).isEqualTo("0 | Dim A 3 (3, 5) | Dim B 0 (0)");
        assertThat(GapList.of(a).of("Dim A", "Sub 1").orElseThrow().items()).satisfiesExactly(
                x1 -> {
                    assertThat(x1.name()).isEqualTo("X1");
                    assertThat(x1.prerequisiteOf()).isEqualTo("A4");
                    assertThat(x1.actor()).isEqualTo(GapActor.ATTESTATION);
                },
                a4 -> {
                    assertThat(a4.name()).isEqualTo("A4");
                    assertThat(a4.actor()).isEqualTo(GapActor.ATTESTATION);
                    assertThat(a4.hint()).isEqualTo("satisfy the prerequisites first: X1 (unverified)");
                });
        assertThat(GapList.of(a).unverifiedPrerequisites()).isEmpty();
    }

    @Test
    void theEvidenceOnlyViewIgnoresUnverifiedActivitiesAndSaysSo() {
        List<Evidence> evidence = new ArrayList<>(allButDast());
        evidence.add(evidence("ZAP", EvidenceKind.DAST));
        Assessment a = assessor().evidence(evidence).context(PIPELINE)
                .options(new AssessmentOptions(LevelView.EVIDENCE_ONLY, null, List.of(), Targets.none())).assess();
        assertThat(status(a, A4)).isEqualTo(ActivityStatus.MET);
        assertThat(result(a, A4).notes()).containsExactly("prerequisite X1 unverified");
        assertThat(levels(a)).isEqualTo("5 | Dim A 5 (5, 5) | Dim B 5 (5)");
        assertThat(a.view()).isEqualTo(LevelView.EVIDENCE_ONLY);
        assertThat(a.countedActivities()).isEqualTo(7);
        assertThat(GapList.of(a).unverifiedPrerequisites()).containsExactly("X1");
        // the same statuses in the DSOMM view
        assertThat(Levels.overall(Levels.of(Levels.inView(a.activities(), LevelView.EVIDENCE_ONLY, LevelView.DSOMM),
                LevelView.DSOMM, Targets.none(), null))).isZero();
        // and the DSOMM view's statuses in the evidence-only view give its levels back
        Assessment dsomm = assess(evidence);
        assertThat(Levels.of(Levels.inView(dsomm.activities(), LevelView.DSOMM, LevelView.EVIDENCE_ONLY),
                LevelView.EVIDENCE_ONLY, Targets.none(), null)).extracting(DimensionLevel::level).containsExactly(5, 5);
        assertThat(AssessmentOptions.defaults().strict()).as("strict is what the default does now").isTrue();
        assertThat(new AssessmentOptions(false, 3, List.of()).view()).isEqualTo(LevelView.DSOMM);
    }

    @Test
    void aSubDimensionWithoutLevelOneActivitiesIsAtLeastOne() {
        Assessment a = assessor().declarations(attest(X1)).evidence(List.of(evidence("CodeQL", EvidenceKind.SAST)))
                .context(PIPELINE).options(new AssessmentOptions(LevelView.DSOMM, null, List.of(), Targets.none()))
                .assess();
        // Sub 3: X1 (1) attested, C2 (2) missing
        assertThat(a.subDimension("Dim B", "Sub 3").orElseThrow().level()).isEqualTo(1);
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
        assertThat(status(a, A4)).isEqualTo(ActivityStatus.MET);
        assertThat(levels(a)).isEqualTo("5 | Dim A 5 (5, 5) | Dim B 5 (5)");
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
        assertThat(status(a, X1)).isEqualTo(ActivityStatus.UNVERIFIED);
        assertThat(a.subDimension("Dim B", "Sub 3").orElseThrow().level()).isZero();
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
        // attested, but its prerequisite X1 is unverified
        assertThat(status(a, A4)).isEqualTo(ActivityStatus.BLOCKED);
        assertThat(result(a, A4).wouldBe()).isEqualTo(ActivityStatus.ATTESTED);
        assertThat(result(a, A4).notes()).containsExactly("the rule finds: no DAST evidence",
                "would be attested otherwise: attested by bob on 2026-10-01, expires 2027-10-01");
        assertThat(status(a, A3)).isEqualTo(ActivityStatus.FAILED);
        assertThat(result(a, A3).notes()).containsExactly("attested by bob, but the evidence shows it is not met: "
                + "an attestation does not override failing evidence (use a waiver)");
    }

    @Test
    void notApplicableCountsAsSatisfiedButNotAsDone() {
        Declarations d = new Declarations(".dsomm.yml", "", attest(X1).attestations(), List.of(new NotApplicable(C2,
                "no secrets in this repository", "carol", LocalDate.parse("2026-10-01"), null)), List.of());
        Assessment a = assessor().declarations(d).assess();
        assertThat(status(a, C2)).isEqualTo(ActivityStatus.NOT_APPLICABLE);
        assertThat(a.subDimension("Dim B", "Sub 3").orElseThrow().level()).isEqualTo(5);
        assertThat(ActivityStatus.NOT_APPLICABLE.done()).isFalse();
        assertThat(LevelSupport.of(a, a.subDimension("Dim B", "Sub 3").orElseThrow()).sentence())
                .isEqualTo("up to level 5: 1 attested, 1 not applicable");
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
        assertThat(levels(a)).isEqualTo("0 | Dim A 3 (3, 5) | Dim B 0 (0)");

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
                .options(new AssessmentOptions(LevelView.DSOMM, 2, List.of(), Targets.none()))
                .evidence(List.of(evidence("CodeQL", EvidenceKind.SAST, NOW.minusSeconds(10 * 86_400)),
                        evidence("Trivy", EvidenceKind.SCA)))
                .assess();
        assertThat(a.stale()).containsExactly(
                "CodeQL 1.0 (codeql.json) was produced 2026-10-22, more than 2 days ago: it does not count");
        assertThat(a.evidence()).extracting(Evidence::tool).containsExactly("Trivy", "ZAP");
        assertThat(a.evidence().get(1).carriedFrom()).isEqualTo("app #41");
        assertThat(status(a, A1)).isEqualTo(ActivityStatus.MISSING);
        assertThat(result(a, A4).notes()).contains("would be met otherwise: DAST evidence: ZAP 1.0 (zap.json)");
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
    void dimensionsNotInTheScopeOptionAreOutOfScopeAndCountNowhere() {
        Assessment a = assessor().options(new AssessmentOptions(LevelView.DSOMM, null, List.of("Dim B"),
                Targets.none())).declarations(attest(X1)).evidence(List.of(evidence("Gitleaks", EvidenceKind.SECRETS)))
                .assess();
        assertThat(levels(a)).isEqualTo("5 | Dim A null (null, null) | Dim B 5 (5)");
        assertThat(a.dimension("Dim A").orElseThrow().inScope()).isFalse();
        assertThat(status(a, A1)).isEqualTo(ActivityStatus.OUT_OF_SCOPE);
        assertThat(result(a, A1).reason()).isEqualTo("out of scope: not among the dimensions in scope (Dim B)");
        assertThat(result(a, A1).notes()).containsExactly("in scope it would be missing: no SAST evidence");
        assertThat(GapList.of(a).gaps()).isEmpty();
    }

    @Test
    void outOfScopeDeclarationsTakeOutASubDimensionOrAnActivity() {
        List<OutOfScope> scope = List.of(
                new OutOfScope("Dim A", "Sub 2", null, "no build here", "carol", LocalDate.parse("2026-10-01"), null),
                new OutOfScope(null, null, A4, "no web interface", "", null, null),
                new OutOfScope(null, null, A3, "expired", "", null, LocalDate.parse("2026-10-31")));
        Declarations d = new Declarations(".dsomm.yml", "", attest(X1).attestations(), List.of(), List.of(),
                null, scope, null, List.of(), List.of());
        Assessment a = assessor().declarations(d).evidence(List.of(evidence("CodeQL", EvidenceKind.SAST),
                evidence("Trivy", EvidenceKind.SCA), evidence("Gitleaks", EvidenceKind.SECRETS))).assess();
        assertThat(levels(a)).isEqualTo("5 | Dim A 5 (5, null) | Dim B 5 (5)");
        assertThat(a.subDimension("Dim A", "Sub 2").orElseThrow().inScope()).isFalse();
        assertThat(status(a, B1)).isEqualTo(ActivityStatus.OUT_OF_SCOPE);
        assertThat(result(a, B1).reason()).isEqualTo("out of scope: no build here (by carol on 2026-10-01)");
        assertThat(status(a, A4)).isEqualTo(ActivityStatus.OUT_OF_SCOPE);
        assertThat(result(a, A4).reason()).isEqualTo("out of scope: no web interface");
        assertThat(status(a, A3)).isEqualTo(ActivityStatus.MET);
        assertThat(result(a, A3).notes()).containsExactly(
                "out-of-scope declaration of the activity expired on 2026-10-31: it no longer counts");
        assertThat(a.declarations()).extracting(DeclarationState::type, DeclarationState::subject)
                .contains(org.assertj.core.groups.Tuple.tuple("out-of-scope", "sub-dimension Dim A / Sub 2"),
                        org.assertj.core.groups.Tuple.tuple("out-of-scope", "A4"));
        assertThat(LevelSupport.overall(a).sentence()).isEqualTo("up to level 5: 4 by CI evidence, 1 attested");
    }

    @Test
    void targetsComeFromTheFileAndTheOptionsAndSetTheGoalOfTheGapList() {
        Declarations d = new Declarations(".dsomm.yml", "", attest(X1).attestations(), List.of(), List.of(),
                null, List.of(), Targets.of(Map.of("overall", 2, "Dim A", 3)), List.of(), List.of());
        Assessment a = assessor().declarations(d).context(PIPELINE)
                .options(AssessmentOptions.defaults().withTargets(Targets.of(Map.of("Dim A / Sub 1", 5))))
                .evidence(allButDast()).assess();
        assertThat(a.subDimension("Dim A", "Sub 1").orElseThrow().target()).isEqualTo(5);
        assertThat(a.subDimension("Dim A", "Sub 2").orElseThrow().target()).isEqualTo(3);
        assertThat(a.subDimension("Dim B", "Sub 3").orElseThrow().target()).isEqualTo(2);
        assertThat(a.dimension("Dim A").orElseThrow().target()).isEqualTo(3);
        assertThat(a.overallTarget()).isEqualTo(2);
        assertThat(a.options().targets().asMap()).containsExactly(Map.entry("overall", 2), Map.entry("Dim A", 3),
                Map.entry("Dim A / Sub 1", 5));
        Gap sub1 = GapList.of(a).of("Dim A", "Sub 1").orElseThrow();
        assertThat(sub1.target()).isEqualTo(5);
        assertThat(sub1.byTarget()).isTrue();
        assertThat(sub1.belowTarget()).isTrue();
        assertThat(a.subDimension("Dim A", "Sub 1").orElseThrow().atTarget()).isFalse();
        assertThat(a.dimension("Dim B").orElseThrow().atTarget()).isTrue();
    }

    @Test
    void progressImportedAsInProgressIsShownAndNeverMet() {
        Declarations d = Declarations.none().with(new ImportedProgress(List.of(), List.of(new ProgressState(X1,
                "Team A", "Started", 0.2, LocalDate.parse("2026-09-01"), "team-progress.yaml")), List.of(
                "team-progress.yaml: a warning")));
        Assessment a = assessor().declarations(d).assess();
        assertThat(status(a, X1)).isEqualTo(ActivityStatus.UNVERIFIED);
        assertThat(result(a, X1).notes()).containsExactly("in progress in the DSOMM application: 'Started' since "
                + "2026-09-01 (team-progress.yaml, team 'Team A')");
        assertThat(a.warnings()).containsExactly("team-progress.yaml: a warning");
        assertThat(GapList.of(a).of("Dim B", "Sub 3").orElseThrow().items().get(0).hint()).endsWith(
                "(in progress in the DSOMM application: 'Started' since 2026-09-01 (team-progress.yaml, team 'Team A'))");
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
            LevelView view = random.nextBoolean() ? LevelView.DSOMM : LevelView.EVIDENCE_ONLY;
            AssessmentOptions options = new AssessmentOptions(view, null, List.of(), Targets.none());
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
