package io.jenkins.plugins.dsomm.assess;

import io.jenkins.plugins.dsomm.TestData;
import io.jenkins.plugins.dsomm.attest.Attestation;
import io.jenkins.plugins.dsomm.attest.Declarations;
import io.jenkins.plugins.dsomm.attest.NotApplicable;
import io.jenkins.plugins.dsomm.attest.OutOfScope;
import io.jenkins.plugins.dsomm.attest.Targets;
import io.jenkins.plugins.dsomm.attest.Waiver;
import io.jenkins.plugins.dsomm.catalog.Activity;
import io.jenkins.plugins.dsomm.catalog.Catalog;
import io.jenkins.plugins.dsomm.catalog.CatalogLoader;
import io.jenkins.plugins.dsomm.context.BuildContext;
import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
import io.jenkins.plugins.dsomm.evidence.Severity;
import io.jenkins.plugins.dsomm.mapping.RuleSet;
import io.jenkins.plugins.dsomm.mapping.RuleSetLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of the levels (docs/assessment.md) that hold for any input: random evidence, build facts,
 * attestations, declarations, scope and view, from a seeded generator (the seed is in every failure message), on the
 * small test model and on the bundled DSOMM 4.3.1 with the standard rules.
 */
class LevelPropertiesTest {
    private static final int ROUNDS = 300;
    private static final LocalDate FROM = LocalDate.parse("2026-10-01");
    private static final LocalDate UNTIL = LocalDate.parse("2027-10-01");

    /** A model and its rules. */
    private record Model(Catalog catalog, RuleSet rules) {
        static Model of(final String name) {
            if ("test".equals(name)) {
                Catalog c = TestData.testCatalog();
                return new Model(c, TestData.testRules(c));
            }
            Catalog c = CatalogLoader.bundled();
            return new Model(c, new RuleSetLoader(c).bundled(RuleSetLoader.STANDARD));
        }

        Activity any(final Random random) {
            return catalog.activities().get(random.nextInt(catalog.activities().size()));
        }
    }

    /** One random input. */
    private record Input(List<Evidence> evidence, BuildContext context, Declarations declarations,
            AssessmentOptions options) {
        Assessment assess(final Model m) {
            return assess(m, declarations);
        }

        Assessment assess(final Model m, final Declarations d) {
            return Assessor.of(m.catalog(), m.rules()).at(TestData.NOW, ZoneOffset.UTC).evidence(evidence)
                    .context(context).declarations(d).options(options).assess();
        }
    }

    private static Input input(final Model m, final Random random) {
        EvidenceKind[] kinds = EvidenceKind.values();
        Severity[] severities = Severity.values();
        List<Evidence> evidence = new ArrayList<>();
        for (int i = random.nextInt(7); i > 0; i--) {
            if (random.nextInt(5) == 0) {
                evidence.add(TestData.sbom("S" + random.nextInt(3), random.nextInt(3)));
                continue;
            }
            Severity[] findings = new Severity[random.nextInt(3)];
            for (int f = 0; f < findings.length; f++) {
                findings[f] = severities[random.nextInt(severities.length)];
            }
            evidence.add(TestData.evidence("T" + random.nextInt(4), kinds[random.nextInt(kinds.length)], findings));
        }
        List<Attestation> attestations = new ArrayList<>();
        List<NotApplicable> notApplicable = new ArrayList<>();
        List<Waiver> waivers = new ArrayList<>();
        List<OutOfScope> scope = new ArrayList<>();
        for (int i = random.nextInt(m.catalog().activities().size() / 2 + 1); i > 0; i--) {
            attestations.add(attestation(m.any(random).uuid(), random));
        }
        for (int i = random.nextInt(3); i > 0; i--) {
            notApplicable.add(new NotApplicable(m.any(random).uuid(), "n/a", "x", FROM, null));
        }
        for (int i = random.nextInt(2); i > 0; i--) {
            waivers.add(new Waiver(m.any(random).uuid(), null, null, null, "later", "x", null, UNTIL));
        }
        if (random.nextInt(3) == 0) {
            Activity a = m.any(random);
            scope.add(random.nextBoolean() ? new OutOfScope(null, null, a.uuid(), "not ours", "x", FROM, null)
                    : new OutOfScope(a.dimension(), random.nextBoolean() ? a.subDimension() : null, null, "not ours",
                            "x", FROM, null));
        }
        Declarations d = new Declarations(".dsomm.yml", "", attestations, notApplicable, waivers, null, scope,
                Targets.none(), List.of(), List.of());
        LevelView view = random.nextInt(4) == 0 ? LevelView.EVIDENCE_ONLY : LevelView.DSOMM;
        return new Input(evidence, new BuildContext(random.nextBoolean(), random.nextBoolean(), Set.of()), d,
                new AssessmentOptions(view, null, List.of(), Targets.none()));
    }

    private static Attestation attestation(final String uuid, final Random random) {
        // now and then an expired one, which must not count
        return random.nextInt(8) == 0 ? new Attestation(uuid, "x", LocalDate.parse("2025-01-01"),
                LocalDate.parse("2025-12-31"), "", "") : new Attestation(uuid, "x", FROM, UNTIL, "", "");
    }

    @ParameterizedTest
    @ValueSource(strings = {"test", "bundled"})
    void addingAnAttestationNeverLowersALevelNorTheEvidenceCeiling(final String model) {
        Model m = Model.of(model);
        Random random = new Random(20261101L + model.hashCode());
        for (int round = 0; round < ROUNDS; round++) {
            Input in = input(m, random);
            Assessment before = in.assess(m);
            List<Attestation> more = new ArrayList<>(in.declarations().attestations());
            more.add(new Attestation(m.any(random).uuid(), "y", FROM, UNTIL, "", ""));
            Declarations d = in.declarations();
            Assessment after = in.assess(m, new Declarations(d.source(), d.team(), more, d.notApplicable(),
                    d.waivers(), null, d.outOfScope(), d.targets(), List.of(), List.of()));
            String what = model + " round " + round;
            AssessorTest.assertNotLower(before, after, what);
            assertThat(orMinus(after.evidenceCeiling())).as(what + " ceiling")
                    .isGreaterThanOrEqualTo(orMinus(before.evidenceCeiling()));
            assertThat(orMinus(after.evidenceCeiling())).as(what + " ceiling ≥ level")
                    .isGreaterThanOrEqualTo(orMinus(after.overall()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"test", "bundled"})
    void aLevelNeverExceedsWhatEveryActivityAtOrBelowItSupports(final String model) {
        Model m = Model.of(model);
        Random random = new Random(7L + model.hashCode());
        for (int round = 0; round < ROUNDS; round++) {
            Assessment a = input(m, random).assess(m);
            String what = model + " round " + round;
            Integer overall = null;
            for (DimensionLevel d : a.dimensions()) {
                Integer dimension = null;
                for (SubDimensionLevel s : d.subDimensions()) {
                    List<ActivityResult> all = a.activities().stream()
                            .filter(r -> r.activity().dimension().equals(d.name())
                                    && r.activity().subDimension().equals(s.name())).toList();
                    List<ActivityResult> counted = all.stream().filter(r -> Levels.counts(r.status(), a.view()))
                            .toList();
                    if (counted.isEmpty()) {
                        assertThat(s.level()).as(what + " " + s.label() + " has nothing that counts").isNull();
                        continue;
                    }
                    int level = s.level();
                    for (ActivityResult r : counted) {
                        if (r.activity().level() <= level) {
                            assertThat(r.status().satisfied()).as(what + " " + s.label() + " at " + level + ": "
                                    + r.activity().name() + " is " + r.status().label()).isTrue();
                        }
                    }
                    if (level < 5) {
                        assertThat(counted).as(what + " " + s.label() + " would be higher than " + level)
                                .anyMatch(r -> r.activity().level() == level + 1 && !r.status().satisfied());
                    }
                    if (a.view() == LevelView.DSOMM) {
                        assertThat(all).as(what + ": no level above an unverified activity").noneMatch(r ->
                                r.status() == ActivityStatus.UNVERIFIED && r.activity().level() <= level);
                    }
                    dimension = Levels.min(dimension, s.level());
                }
                assertThat(d.level()).as(what + " " + d.name()).isEqualTo(dimension);
                if (d.inScope()) {
                    overall = Levels.min(overall, d.level());
                }
            }
            assertThat(a.overall()).as(what + " overall").isEqualTo(overall);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"test", "bundled"})
    void outOfScopeAndNotApplicableActivitiesNeverCount(final String model) {
        Model m = Model.of(model);
        Random random = new Random(42L + model.hashCode());
        for (int round = 0; round < ROUNDS; round++) {
            Input in = input(m, random);
            Activity x = m.any(random);
            Declarations d = in.declarations();
            String what = model + " round " + round + " " + x.name();
            // whatever is said of x, nothing else changes once it is out of scope or not applicable
            for (boolean outOfScope : new boolean[] {true, false}) {
                List<OutOfScope> scope = new ArrayList<>(d.outOfScope());
                List<NotApplicable> na = new ArrayList<>(d.notApplicable());
                if (outOfScope) {
                    scope.add(0, new OutOfScope(null, null, x.uuid(), "not ours", "x", FROM, null));
                }
                else {
                    na.add(0, new NotApplicable(x.uuid(), "does not apply", "x", FROM, null));
                }
                List<Attestation> withX = new ArrayList<>(d.attestations());
                withX.add(new Attestation(x.uuid(), "y", FROM, UNTIL, "", ""));
                List<Attestation> withoutX = d.attestations().stream().filter(t -> !t.activity().equals(x.uuid()))
                        .toList();
                Assessment said = in.assess(m, new Declarations("", "", withX, na, d.waivers(), null, scope,
                        Targets.none(), List.of(), List.of()));
                Assessment unsaid = in.assess(m, new Declarations("", "", withoutX, na, d.waivers(), null, scope,
                        Targets.none(), List.of(), List.of()));
                assertThat(levelsOf(said)).as(what).isEqualTo(levelsOf(unsaid));
                ActivityStatus status = said.activity(x.uuid()).orElseThrow().status();
                if (outOfScope) {
                    assertThat(status).as(what).isEqualTo(ActivityStatus.OUT_OF_SCOPE);
                    assertThat(LevelSupport.overall(said).get(ActivityStatus.OUT_OF_SCOPE)).as(what).isZero();
                    assertThat(said.countedActivities()).as(what).isEqualTo(said.activities().stream()
                            .filter(r -> Levels.counts(r.status(), said.view())).count());
                }
                else if (status == ActivityStatus.NOT_APPLICABLE) {
                    // satisfied for the level, but never done: percentages leave it out
                    assertThat(status.satisfied() && !status.done()).as(what).isTrue();
                }
            }
        }
    }

    /** Every level, ceiling and target of an assessment, and each activity's status but for nothing else. */
    private static String levelsOf(final Assessment a) {
        StringBuilder b = new StringBuilder().append(a.overall()).append('/').append(a.evidenceCeiling());
        for (DimensionLevel d : a.dimensions()) {
            b.append(" | ").append(d.name()).append(' ').append(d.level()).append('/').append(d.evidenceCeiling());
            for (SubDimensionLevel s : d.subDimensions()) {
                b.append(", ").append(s.level()).append('/').append(s.evidenceCeiling()).append('/').append(s.counted())
                        .append('/').append(s.satisfied());
            }
        }
        return b.toString();
    }

    private static int orMinus(final Integer level) {
        return level == null ? -1 : level;
    }
}
