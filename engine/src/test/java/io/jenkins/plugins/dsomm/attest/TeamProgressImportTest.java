package io.jenkins.plugins.dsomm.attest;

import io.jenkins.plugins.dsomm.assess.ActivityResult;
import io.jenkins.plugins.dsomm.assess.ActivityStatus;
import io.jenkins.plugins.dsomm.assess.Assessment;
import io.jenkins.plugins.dsomm.assess.Assessor;
import io.jenkins.plugins.dsomm.context.BuildContext;
import io.jenkins.plugins.dsomm.catalog.Catalog;
import io.jenkins.plugins.dsomm.catalog.CatalogLoader;
import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
import io.jenkins.plugins.dsomm.ingest.SharedSamples;
import io.jenkins.plugins.dsomm.mapping.RuleSet;
import io.jenkins.plugins.dsomm.mapping.RuleSetLoader;
import io.jenkins.plugins.dsomm.render.TeamProgressYaml;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static io.jenkins.plugins.dsomm.TestData.evidence;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/** The DSOMM application's team progress as a source of attestations, and the export read back by the import. */
class TeamProgressImportTest {
    private static final Catalog DSOMM = CatalogLoader.bundled();
    private static final RuleSet STANDARD = new RuleSetLoader(DSOMM).bundled(RuleSetLoader.STANDARD);
    private static final TeamProgressImport IMPORT = new TeamProgressImport(DSOMM);
    private static final Path OWN = Path.of("src/test/resources/dsomm-app");

    @TempDir
    Path dir;

    private static Assessment assess(final Declarations d, final Instant at) {
        return Assessor.of(DSOMM, STANDARD).at(at, ZoneOffset.UTC).declarations(d).assess();
    }

    private static ActivityResult result(final Assessment a, final String name) {
        return a.activities().stream().filter(r -> r.activity().name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void theCompleteStateAttestsLowerStatesAreInProgressAndEveryProblemIsNamed() {
        ImportedProgress p = IMPORT.read(OWN.resolve("team-progress.yaml"), "Payments", null);
        assertThat(p.attestations()).singleElement().satisfies(a -> {
            assertThat(a.activity()).isEqualTo("f6f7737f-25a9-4317-8de2-09bf59f29b5b");
            assertThat(a.by()).isEqualTo("team 'Payments' (DSOMM application)");
            assertThat(a.date()).isEqualTo(LocalDate.parse("2026-03-01"));
            assertThat(a.expires()).isEqualTo(LocalDate.parse("2027-03-01"));
            assertThat(a.note()).isEqualTo("'Fully implemented' in team-progress.yaml");
        });
        assertThat(p.inProgress()).containsExactly(
                new ProgressState("74938a3f-1269-49b9-9d0f-c43a79a1985a", "Payments", "Partly implemented", 0.5,
                        LocalDate.parse("2026-04-01"), "team-progress.yaml"),
                new ProgressState("9f107927-61e9-4574-85ad-3f2b4bca8665", "Payments", "Started", 0.2,
                        LocalDate.parse("2026-02-10"), "team-progress.yaml"));
        assertThat(p.warnings()).containsExactly(
                "team-progress.yaml: team 'Payments', activity 00000000-dead-4bee-8000-000000000000 is not in DSOMM "
                        + "4.3.1: not counted",
                "team-progress.yaml: team 'Payments', activity 'Signing of code': state 'Done' is not in the DSOMM "
                        + "application's default progress definition (Started < Partly implemented < Fully "
                        + "implemented): ignored",
                "team-progress.yaml: team 'Payments', activity 'Inventory of production components': state 'Fully "
                        + "implemented' has no date (YYYY-MM-DD): 'yesterday': ignored");

        Assessment a = assess(Declarations.none().with(p), Instant.parse("2026-06-01T00:00:00Z"));
        assertThat(result(a, "Defined deployment process").status()).isEqualTo(ActivityStatus.UNVERIFIED);
        assertThat(result(a, "Defined deployment process").notes()).containsExactly("in progress in the DSOMM "
                + "application: 'Partly implemented' since 2026-04-01 (team-progress.yaml, team 'Payments')");
        assertThat(a.warnings()).isEqualTo(p.warnings());
    }

    @Test
    void anAttestationFromTheApplicationCountsWhereNoRuleSpeaks() {
        ImportedProgress p = IMPORT.read(OWN.resolve("team-progress.yaml"), "Payments", null);
        // Defined build process has a rule (a CI pipeline): outside one, the attestation makes it attested
        Assessment a = assess(Declarations.none().with(p), Instant.parse("2026-06-01T00:00:00Z"));
        assertThat(result(a, "Defined build process").status()).isEqualTo(ActivityStatus.ATTESTED);
        assertThat(result(a, "Defined build process").reason()).isEqualTo("attested by team 'Payments' (DSOMM "
                + "application) on 2026-03-01, expires 2027-03-01");
        // a year later it has expired, as any attestation
        Assessment later = assess(Declarations.none().with(p), Instant.parse("2027-03-02T00:00:00Z"));
        assertThat(result(later, "Defined build process").status()).isEqualTo(ActivityStatus.MISSING);
    }

    @Test
    void statesComeFromTheProgressDefinitionGiven() {
        ProgressDefinition own = ProgressDefinition.load(OWN.resolve("meta.yaml"));
        assertThat(own.order()).isEqualTo("Planned < Started < Implemented");
        ImportedProgress p = IMPORT.read(OWN.resolve("team-progress.yaml"), "Platform", own);
        // 'Started' is a state of this definition too; Platform has nothing complete
        assertThat(p.attestations()).isEmpty();
        assertThat(p.inProgress()).extracting(ProgressState::state, ProgressState::score)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Started", 0.3));
        assertThat(p.warnings()).isEmpty();
    }

    @Test
    void anUnknownTeamIsNamedWithTheTeamsTheFileHas() {
        ImportedProgress p = IMPORT.read(OWN.resolve("team-progress.yaml"), "Payment", null);
        assertThat(p.attestations()).isEmpty();
        assertThat(p.warnings()).containsExactly("team-progress.yaml: team 'Payment' has no progress in this file "
                + "(teams: Payments, Platform): nothing imported");
    }

    @Test
    void whatIsNotATeamProgressFileIsRefused() {
        assertThatThrownBy(() -> IMPORT.parse(new ByteArrayInputStream("teams: [A]".getBytes(StandardCharsets.UTF_8)),
                "meta.yaml", "A", null)).isInstanceOf(DeclarationsException.class).hasMessage("meta.yaml: not a DSOMM "
                + "team progress file: no 'progress' map of activity uuid to team to state");
        assertThatThrownBy(() -> IMPORT.read(dir.resolve("none.yaml"), "A", null))
                .hasMessage(dir.resolve("none.yaml") + ": no such team progress file");
        assertThatThrownBy(() -> ProgressDefinition.parse(new ByteArrayInputStream(
                "progressDefinition: {Started: {score: 20%}, Done: {score: 100%}}".getBytes(StandardCharsets.UTF_8)),
                "meta.yaml")).hasMessage("meta.yaml: progressDefinition needs a state of 0% and one of 100% (as the "
                + "DSOMM application does)");
        assertThatThrownBy(() -> ProgressDefinition.parse(new ByteArrayInputStream(
                "progressDefinition: {No: {score: 0}, Done: {score: 150%}}".getBytes(StandardCharsets.UTF_8)),
                "meta.yaml")).hasMessage("meta.yaml: progressDefinition: the score of 'Done' must be 0% to 100%: 150%");
    }

    /**
     * The application's own sample ({@code ../shared/dsomm/app}, never copied into the project): its states are
     * Planned / Started / Implemented, which the import takes in the order the file has them.
     */
    @Test
    void theApplicationsOwnSampleImportsAsDescribed() {
        Path sample = SharedSamples.dsomm().map(d -> d.resolve("app/app-sample-team-progress.yaml"))
                .filter(Files::isRegularFile).orElse(null);
        if (sample == null) {
            Assumptions.abort(SharedSamples.skipMessage("TeamProgressImportTest.theApplicationsOwnSampleImportsAsDescribed"));
        }
        ImportedProgress p = IMPORT.read(sample, "Team A", null);
        Map<String, String> attested = new TreeMap<>();
        p.attestations().forEach(a -> attested.put(DSOMM.activity(a.activity()).orElseThrow().name(), a.date()
                + " to " + a.expires()));
        assertThat(attested).containsExactly(entry("Signing of code", "2025-04-22 to 2026-04-22"),
                entry("Simple application metrics", "2025-04-01 to 2026-04-01"),
                entry("Simple budget metrics", "2025-05-12 to 2026-05-12"),
                entry("Simple system metrics", "2025-01-08 to 2026-01-08"));
        Map<String, String> inProgress = new TreeMap<>();
        p.inProgress().forEach(s -> inProgress.put(DSOMM.activity(s.activity()).orElseThrow().name(), s.state()
                + " " + s.date()));
        assertThat(inProgress).containsExactly(
                entry("Building and testing of artifacts in virtual environments", "Started 2025-02-01"),
                entry("Defined build process", "Planned 2025-07-13"),
                entry("Defined deployment process", "Started 2025-01-01"),
                entry("Inventory of production components", "Planned 2025-03-22"));
        assertThat(p.warnings()).containsExactly("app-sample-team-progress.yaml: no progress definition given and "
                + "the states are not the DSOMM application's defaults: taken in the order the file has them, Planned "
                + "< Started < Implemented, so 'Implemented' counts as complete (give the application's meta.yaml as "
                + "progress definition to be sure)");

        Assessment a = assess(Declarations.none().with(p), Instant.parse("2025-09-01T00:00:00Z"));
        assertThat(result(a, "Simple system metrics").status()).isEqualTo(ActivityStatus.ATTESTED);
        // Signing of code depends on Defined build process, which Team A only planned
        assertThat(result(a, "Signing of code").status()).isEqualTo(ActivityStatus.BLOCKED);
        assertThat(result(a, "Signing of code").reason()).isEqualTo("blocked by Defined build process (missing)");
        assertThat(result(a, "Defined build process").notes()).contains("in progress in the DSOMM application: "
                + "'Planned' since 2025-07-13 (app-sample-team-progress.yaml, team 'Team A')");

        ImportedProgress unknown = IMPORT.read(sample, "Team Z", null);
        assertThat(unknown.warnings().get(0)).isEqualTo("app-sample-team-progress.yaml: team 'Team Z' has no "
                + "progress in this file (teams: Team A, Team B, Team D, Not referenced, Team C): nothing imported");
        // with the application's default definition, the sample's own titles are unknown states: each is named
        ImportedProgress defaults = IMPORT.read(sample, "Team A", ProgressDefinition.defaults());
        assertThat(defaults.attestations()).isEmpty();
        // 12: each Planned and Implemented of Team A (Started is a default state)
        assertThat(defaults.warnings()).hasSize(12).allMatch(w -> w.endsWith("is not in the DSOMM application's "
                + "default progress definition (Started < Partly implemented < Fully implemented): ignored"));
    }

    @Test
    void anExportImportedAgainGivesTheSameStatuses() throws IOException {
        Declarations declared = new Declarations(".dsomm.yml", "Payments", List.of(
                new Attestation("e9a6d403-a467-445e-b98a-74f0c29da0b1", "alice", LocalDate.parse("2026-09-01"),
                        LocalDate.parse("2027-09-01"), "", ""),
                new Attestation("74938a3f-1269-49b9-9d0f-c43a79a1985a", "bob", LocalDate.parse("2026-10-15"),
                        LocalDate.parse("2027-10-15"), "", "")), List.of(), List.of());
        Instant now = Instant.parse("2026-11-01T10:00:00Z");
        Assessment original = Assessor.of(DSOMM, STANDARD).at(now, ZoneOffset.UTC).declarations(declared)
                .context(new BuildContext(true, true, Set.of()))
                .evidence(List.of(evidence("Gitleaks", EvidenceKind.SECRETS), evidence("Semgrep", EvidenceKind.SAST)))
                .assess();
        for (ProgressDefinition definition : List.of(ProgressDefinition.defaults(),
                ProgressDefinition.load(OWN.resolve("meta.yaml")))) {
            Path export = dir.resolve("team-progress.yaml");
            Files.writeString(export, TeamProgressYaml.render(original, "Payments", LocalDate.parse("2026-11-01"),
                    definition), StandardCharsets.UTF_8);
            ImportedProgress back = IMPORT.read(export, "Payments", definition);
            assertThat(back.warnings()).isEmpty();
            Assessment again = Assessor.of(DSOMM, STANDARD).at(now, ZoneOffset.UTC).context(new BuildContext(true,
                    true, Set.of())).evidence(List.of(evidence("Gitleaks", EvidenceKind.SECRETS),
                    evidence("Semgrep", EvidenceKind.SAST))).declarations(Declarations.none().with(back)).assess();
            for (ActivityResult r : original.activities()) {
                assertThat(again.activity(r.uuid()).orElseThrow().status()).as(definition.source() + ": "
                        + r.activity().name()).isEqualTo(r.status());
            }
            assertThat(again.dimensions()).isEqualTo(original.dimensions());
            // the attested ones keep their date, the met ones are dated the assessment day
            assertThat(back.attestations()).extracting(a -> DSOMM.activity(a.activity()).orElseThrow().name() + " "
                    + a.date()).contains("Simple application metrics 2026-09-01", "Defined deployment process "
                    + "2026-10-15", "Test for stored secrets in code 2026-11-01");
        }
        // an import without evidence: every exported activity is attested
        Path export = dir.resolve("team-progress.yaml");
        Files.writeString(export, TeamProgressYaml.render(original, "Payments", LocalDate.parse("2026-11-01")));
        Assessment attestedOnly = assess(Declarations.none().with(IMPORT.read(export, "Payments", null)), now);
        for (ActivityResult r : original.activities()) {
            if (r.status() == ActivityStatus.MET || r.status() == ActivityStatus.ATTESTED) {
                assertThat(attestedOnly.activity(r.uuid()).orElseThrow().status()).as(r.activity().name())
                        .isIn(ActivityStatus.ATTESTED, ActivityStatus.BLOCKED);
            }
        }
    }
}
