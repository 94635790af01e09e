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
}
