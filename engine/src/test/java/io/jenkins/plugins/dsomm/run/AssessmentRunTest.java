package io.jenkins.plugins.dsomm.run;

import io.jenkins.plugins.dsomm.assess.ActivityStatus;
import io.jenkins.plugins.dsomm.context.BuildContext;
import io.jenkins.plugins.dsomm.gate.Outcome;
import io.jenkins.plugins.dsomm.gate.RuleCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one entry point: both sides' options read alike, inputs that cannot be read reported, nothing dropped. */
class AssessmentRunTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-01T10:00:00Z"), ZoneOffset.UTC);
    /** Uuid of "Test for stored secrets in code" (DSOMM 4.3.1). */
    private static final String SECRETS = "c6e3c812-56e2-41b0-ae01-b7afc41a004c";

    @TempDir
    Path dir;

    private Path reports() throws IOException {
        Path reports = Files.createDirectories(dir.resolve("reports"));
        Files.writeString(reports.resolve("bandit.sarif"), "{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":"
                + "{\"name\":\"Bandit\"}},\"results\":[{\"ruleId\":\"B105\",\"level\":\"error\",\"locations\":[{"
                + "\"physicalLocation\":{\"artifactLocation\":{\"uri\":\"src/app.py\"}}}]}]}]}", StandardCharsets.UTF_8);
        Files.writeString(reports.resolve("gitleaks.json"), "[{\"RuleID\":\"aws-access-token\",\"File\":"
                + "\"deploy.sh\",\"StartLine\":3,\"Fingerprint\":\"deploy.sh:aws-access-token:3\"}]",
                StandardCharsets.UTF_8);
        return reports;
    }

    private RunResult run(final OptionValues options) throws IOException {
        return AssessmentRun.execute(AssessmentRequest.builder(options).reports(List.of(reports()), null)
                .context(new BuildContext(true, true, Set.of())).subject("shop", "7").clock(CLOCK).build());
    }

    @Test
    void theCommandLineAndJenkinsReadTheSameValuesAlike() throws IOException {
        OptionValues cli = OptionValues.commandLine().add(AssessOption.MINIMUM_LEVEL, "1")
                .add(AssessOption.MAX_OPEN, "high=0").add(AssessOption.MAX_OPEN, "total=5")
                .add(AssessOption.DIMENSION_MINIMUMS, "Test and Verification=1");
        OptionValues jenkins = OptionValues.jenkins().add(AssessOption.MINIMUM_LEVEL, "1")
                .add(AssessOption.MAX_OPEN, "high=0, total=5")
                .add(AssessOption.DIMENSION_MINIMUMS, "Test and Verification=1");
        RunResult a = run(cli);
        RunResult b = run(jenkins);
        assertThat(a.gate().checks()).isEqualTo(b.gate().checks());
        assertThat(a.gate().checks()).extracting(RuleCheck::rule).containsExactly("minimum-level",
                "minimum-level:Test and Verification", "no-regression", "max-open:high", "max-open:total");
        assertThat(a.gate().outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(a.gate().checks().get(3)).isEqualTo(new RuleCheck("max-open:high", Outcome.UNSTABLE,
                "1 open HIGH finding, at most 0 allowed (Bandit: 1)"));
    }

    @Test
    void anInvalidValueIsNamedAsItsSideKnowsIt() {
        assertThatThrownBy(() -> run(OptionValues.commandLine().add(AssessOption.MAX_OPEN, "high=many")))
                .isInstanceOf(RequestException.class).hasMessage("--max-open: 'many' is not a whole number");
        assertThatThrownBy(() -> run(OptionValues.jenkins().add(AssessOption.MAX_OPEN, "high=many")))
                .isInstanceOf(RequestException.class).hasMessage("maxOpen: 'many' is not a whole number");
        assertThatThrownBy(() -> run(OptionValues.jenkins().add(AssessOption.LEVEL_OUTCOME, "RED")))
                .isInstanceOf(RequestException.class).hasMessage("levelOutcome: outcome must be UNSTABLE or FAILURE: RED");
        assertThatThrownBy(() -> run(OptionValues.jenkins().add(AssessOption.SCOPE, "Testing")))
                .isInstanceOf(RequestException.class)
                .hasMessageStartingWith("unknown dimension 'Testing'; DSOMM 4.3.1 has: Build and Deployment");
    }

    @Test
    void aBrokenAttestationFileIsUnreadableInputAndTheEvidenceStillCounts() throws IOException {
        Path yml = Files.writeString(dir.resolve(".dsomm.yml"), "version: 1\nattestations: [oops\n");
        RunResult r = AssessmentRun.execute(AssessmentRequest.builder(OptionValues.commandLine())
                .reports(List.of(reports()), null).attestations(NamedInput.file(yml), true).clock(CLOCK).build());
        assertThat(r.inputProblem()).isTrue();
        assertThat(r.assessment().unreadable()).hasSize(1);
        assertThat(r.assessment().unreadable().get(0).file()).isEqualTo(yml.toString());
        assertThat(r.warnings()).singleElement().asString().startsWith(yml.toString())
                .endsWith("(its declarations do not count)");
        assertThat(r.assessment().activity(SECRETS).orElseThrow().status()).isEqualTo(ActivityStatus.MET);
        assertThat(r.team()).isEqualTo(AssessmentRequest.DEFAULT_TEAM);
    }

    @Test
    void aMissingDefaultAttestationFileDeclaresNothingButAMissingNamedOneIsAProblem() throws IOException {
        Path none = dir.resolve("none.yml");
        RunResult quiet = AssessmentRun.execute(AssessmentRequest.builder(OptionValues.commandLine())
                .reports(List.of(reports()), null).attestations(NamedInput.file(none), true).clock(CLOCK).build());
        assertThat(quiet.inputProblem()).isFalse();
        assertThat(quiet.warnings()).isEmpty();
        RunResult named = AssessmentRun.execute(AssessmentRequest.builder(OptionValues.jenkins())
                .attestations(NamedInput.unreadable("sec/.dsomm.yml", "sec/.dsomm.yml: no such file in the workspace"),
                        false).clock(CLOCK).build());
        assertThat(named.inputProblem()).isTrue();
        assertThat(named.warnings()).containsExactly(
                "sec/.dsomm.yml: no such file in the workspace (its declarations do not count)");
    }

    @Test
    void anUnreadableReferenceIsReportedAndTheRegressionRuleSaysItCouldNotCheck() throws IOException {
        Path corrupt = Files.writeString(dir.resolve("ref.json"), "{\"schema\":");
        RunResult r = AssessmentRun.execute(AssessmentRequest.builder(OptionValues.commandLine())
                .reports(List.of(reports()), null).referenceFile(corrupt).clock(CLOCK).build());
        assertThat(r.inputProblem()).isTrue();
        assertThat(r.warnings()).singleElement().asString().startsWith(corrupt.toString())
                .endsWith(": regression not checked");
        assertThat(r.gate().checks()).filteredOn(c -> c.rule().equals("no-regression")).singleElement()
                .extracting(RuleCheck::outcome).isEqualTo(Outcome.UNSTABLE);
        RunResult missing = AssessmentRun.execute(AssessmentRequest.builder(OptionValues.commandLine())
                .reports(List.of(reports()), null).referenceFile(dir.resolve("nope.json")).clock(CLOCK).build());
        assertThat(missing.inputProblem()).isFalse();
        assertThat(missing.warnings()).containsExactly("reference " + dir.resolve("nope.json")
                + " does not exist: regression not checked");
    }

    @Test
    void factsOfTheOptionsJoinTheBuildContextAndTheTeamComesFromTheOptions() throws IOException {
        RunResult r = run(OptionValues.jenkins().add(AssessOption.FACTS, "vulnerability-management, timer-trigger")
                .add(AssessOption.TEAM, "Payments"));
        assertThat(r.assessment().context().all()).containsExactly("pipeline", "scm", "timer-trigger",
                "vulnerability-management");
        assertThat(r.team()).isEqualTo("Payments");
        assertThat(r.assessment().subject()).containsEntry("team", "Payments").containsEntry("job", "shop")
                .containsEntry("build", "7");
        assertThat(r.files()).hasSize(2);
        assertThat(r.trend()).singleElement().extracting(p -> p.label()).isEqualTo("#7");
    }

    @Test
    void aFileFoundInTheFolderInNoFormatIsIgnoredWithItsReasonButOneGivenByNameIsUnreadableInput() throws IOException {
        Path reports = reports();
        Path readme = Files.writeString(reports.resolve("README.md"), "# Reports\n");
        RunResult found = run(OptionValues.commandLine());
        assertThat(found.inputProblem()).isFalse();
        assertThat(found.assessment().unreadable()).isEmpty();
        assertThat(found.assessment().ignored()).singleElement().satisfies(f -> {
            assertThat(f.file()).isEqualTo("README.md");
            assertThat(f.reason()).isEqualTo("neither JSON nor XML, and no format DSOMM Gate reads");
        });
        RunResult named = AssessmentRun.execute(AssessmentRequest.builder(OptionValues.commandLine())
                .reports(List.of(readme), null).clock(CLOCK).build());
        assertThat(named.inputProblem()).isTrue();
        assertThat(named.assessment().ignored()).isEmpty();
        assertThat(named.assessment().unreadable()).singleElement().extracting(f -> f.file())
                .isEqualTo(readme.toString());
    }

    @Test
    void optionChecksAnswerAsARunWould() {
        assertThat(OptionCheck.of(AssessOption.MINIMUM_LEVEL, "7")).isEqualTo(new OptionCheck(OptionCheck.Kind.ERROR,
                "minimum level must be 0 to 5: 7"));
        assertThat(OptionCheck.of(AssessOption.MAX_OPEN, "high=1, total=9").kind()).isEqualTo(OptionCheck.Kind.OK);
        assertThat(OptionCheck.of(AssessOption.DIMENSION_MINIMUMS, "Testing=2")).extracting(OptionCheck::kind)
                .isEqualTo(OptionCheck.Kind.WARNING);
        assertThat(OptionCheck.of(AssessOption.SLA, "urgent=3")).isEqualTo(new OptionCheck(OptionCheck.Kind.ERROR,
                "sla: unknown severity 'urgent' (critical, high, medium, low, info, unknown)"));
    }

    @Test
    void theViewTargetsAndAtTargetComeFromTheOptions() throws IOException {
        RunResult dsomm = run(OptionValues.jenkins().add(AssessOption.TARGETS, "Test and Verification=1, "
                + "Implementation / Application Hardening=2").add(AssessOption.AT_TARGET, "true"));
        assertThat(dsomm.assessment().view()).isEqualTo(io.jenkins.plugins.dsomm.assess.LevelView.DSOMM);
        assertThat(dsomm.assessment().options().targets().asMap()).containsExactly(
                java.util.Map.entry("Test and Verification", 1),
                java.util.Map.entry("Implementation / Application Hardening", 2));
        assertThat(dsomm.gate().checks()).extracting(RuleCheck::rule).containsExactly("at-target", "no-regression");
        assertThat(dsomm.gate().checks().get(0).message()).startsWith("4 of 8 sub-dimensions below target: "
                + "Implementation / Application Hardening is at level 0, target 2: unverified App. Hardening Level 1 "
                + "(50%), Context-aware output encoding, Parametrization, App. Hardening Level 1, Containers are "
                + "running as non-root; Test and Verification / Consolidation is at level 0, target 1: failed "
                + "Treatment of defects with high or critical severity (open findings: 1 HIGH (Bandit: 1)), "
                + "unverified Simple false positive treatment; ");
        RunResult evidenceOnly = run(OptionValues.commandLine().add(AssessOption.VIEW, "evidence-only")
                .add(AssessOption.MINIMUM_LEVEL, "0"));
        assertThat(evidenceOnly.assessment().view()).isEqualTo(io.jenkins.plugins.dsomm.assess.LevelView.EVIDENCE_ONLY);
        assertThat(evidenceOnly.summary().get(0)).startsWith("DSOMM 4.3.1 assessment (standard rules; EVIDENCE-ONLY "
                + "VIEW: UNVERIFIED ACTIVITIES ARE IGNORED, SO THESE ARE NOT DSOMM LEVELS): overall level ");
        assertThat(evidenceOnly.outputs().badge()).contains("DSOMM (evidence only)");
        assertThatThrownBy(() -> run(OptionValues.commandLine().add(AssessOption.VIEW, "lenient")))
                .isInstanceOf(RequestException.class).hasMessage("unknown level view 'lenient' (dsomm or evidence-only)");
        assertThatThrownBy(() -> run(OptionValues.commandLine().add(AssessOption.TARGETS, "Testing=2")))
                .isInstanceOf(RequestException.class).hasMessageStartingWith("--target: not in DSOMM 4.3.1: Testing "
                        + "(name overall, a dimension, or 'dimension / sub-dimension'; dimensions: ");
        assertThatThrownBy(() -> run(OptionValues.jenkins().add(AssessOption.TARGETS, "overall=7")))
                .isInstanceOf(RequestException.class).hasMessage("target of overall must be 0 to 5: 7");
    }

    @Test
    void strictHasNoEffectAndAWarningSaysSo() throws IOException {
        RunResult strict = run(OptionValues.commandLine().add(AssessOption.STRICT, "true"));
        RunResult plain = run(OptionValues.commandLine());
        assertThat(strict.warnings()).containsExactly("deprecated option: --strict has no effect: every activity in "
                + "scope counts in every assessment now (give --view evidence-only for the old default)");
        assertThat(strict.assessment().dimensions()).isEqualTo(plain.assessment().dimensions());
        assertThat(run(OptionValues.jenkins().add(AssessOption.STRICT, "true")).warnings().get(0))
                .isEqualTo("deprecated option: strict has no effect: every activity in scope counts in every "
                        + "assessment now (give view evidence-only for the old default)");
    }

    @Test
    void aTeamProgressFileOfTheDsommApplicationIsImportedForTheTeam() throws IOException {
        Path progress = Files.writeString(dir.resolve("team-progress.yaml"), """
                progress:
                  47419324-e263-415b-815d-e7161b6b905e:  # Conduction of simple threat modeling on technical level
                    'Payments':
                      'Started': 2026-03-01
                      'Partly implemented': 2026-03-01
                      'Fully implemented': 2026-03-01
                  74938a3f-1269-49b9-9d0f-c43a79a1985a:  # Defined deployment process
                    'Payments':
                      'Started': 2026-05-01
                  0b28367b-75a0-4bae-a926-3725c1bf9bb0:  # Security consulting on request
                    'Payments':
                      'Done': 2026-05-01
                """, StandardCharsets.UTF_8);
        RunResult r = AssessmentRun.execute(AssessmentRequest.builder(OptionValues.commandLine()
                .add(AssessOption.TEAM, "Payments")).reports(List.of(reports()), null).clock(CLOCK)
                .teamProgress(NamedInput.file(progress)).buildUrl("https://ci.example.com/job/shop/7/").build());
        assertThat(r.assessment().activity("47419324-e263-415b-815d-e7161b6b905e").orElseThrow().status())
                .isEqualTo(ActivityStatus.ATTESTED);
        assertThat(r.assessment().activity("74938a3f-1269-49b9-9d0f-c43a79a1985a").orElseThrow().notes())
                .containsExactly("in progress in the DSOMM application: 'Started' since 2026-05-01 ("
                        + progress + ", team 'Payments')");
        assertThat(r.assessment().warnings()).containsExactly(progress + ": team 'Payments', activity 'Security "
                + "consulting on request': state 'Done' is not in the DSOMM application's default progress definition "
                + "(Started < Partly implemented < Fully implemented): ignored");
        assertThat(r.assessment().subject()).containsEntry("url", "https://ci.example.com/job/shop/7/");
        assertThat(r.inputProblem()).isFalse();
        // exported again in the states of a definition given
        Path meta = Files.writeString(dir.resolve("meta.yaml"), "progressDefinition:\n  None: {score: 0%}\n  "
                + "Begun: {score: 40%}\n  Done: {score: 100%}\n", StandardCharsets.UTF_8);
        RunResult own = AssessmentRun.execute(AssessmentRequest.builder(OptionValues.commandLine()
                .add(AssessOption.TEAM, "Payments")).reports(List.of(reports()), null).clock(CLOCK)
                .teamProgress(NamedInput.file(progress)).progressDefinition(NamedInput.file(meta)).build());
        assertThat(own.assessment().activity("0b28367b-75a0-4bae-a926-3725c1bf9bb0").orElseThrow().status())
                .isEqualTo(ActivityStatus.ATTESTED);
        assertThat(own.outputs().teamProgressYaml()).contains("""
                  0b28367b-75a0-4bae-a926-3725c1bf9bb0:  # Security consulting on request
                    'Payments':
                      'Begun': 2026-05-01
                      'Done': 2026-05-01
                """);
    }

    @Test
    void aTeamProgressFileThatCannotBeUsedIsUnreadableInputAndTheRestCounts() throws IOException {
        Path broken = Files.writeString(dir.resolve("team-progress.yaml"), "teams: [Payments]\n");
        RunResult r = AssessmentRun.execute(AssessmentRequest.builder(OptionValues.commandLine()
                .add(AssessOption.TEAM, "Payments")).reports(List.of(reports()), null).clock(CLOCK)
                .teamProgress(NamedInput.file(broken)).build());
        assertThat(r.inputProblem()).isTrue();
        assertThat(r.warnings()).containsExactly(broken + ": not a DSOMM team progress file: no 'progress' map of "
                + "activity uuid to team to state (nothing of it is imported)");
        assertThat(r.assessment().activity(SECRETS).orElseThrow().status()).isEqualTo(ActivityStatus.MET);
        assertThatThrownBy(() -> AssessmentRun.execute(AssessmentRequest.builder(OptionValues.jenkins())
                .teamProgress(NamedInput.file(broken)).clock(CLOCK).build())).isInstanceOf(RequestException.class)
                .hasMessage("teamProgress needs the team whose progress counts: give team, or team: in the "
                        + "attestation file");
        assertThatThrownBy(() -> AssessmentRun.execute(AssessmentRequest.builder(OptionValues.jenkins())
                .progressDefinition(NamedInput.file(broken)).clock(CLOCK).build())).isInstanceOf(RequestException.class)
                .hasMessage(broken + ": no 'progressDefinition' map of state title to score (the DSOMM application's "
                        + "meta.yaml has one)");
    }
}
