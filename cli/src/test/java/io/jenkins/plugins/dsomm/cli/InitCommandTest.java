package io.jenkins.plugins.dsomm.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code dsomm-gate init} writes the .dsomm.yml that {@code assess} reads; filled in, it gets the team to its
 * target; and {@code assess} reads a DSOMM application team progress given on the command line.
 */
class InitCommandTest extends CommandLineTest {
    private static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();

    @Test
    void initWritesTheTemplatesOfTheScopeUpToTheTarget() throws Exception {
        Path file = dir.resolve(".dsomm.yml");
        assertThat(run("init", "--scope", "Culture and Organization", "--scope", "Implementation / Application "
                + "Hardening", "--target", "1", "--team", "Payments", "-o", file.toString())).as(err).isZero();
        assertThat(out).isEqualTo("Wrote " + file + ": 7 attestation templates to fill in (see "
                + "docs/attestations.md)" + System.lineSeparator());
        String text = Files.readString(file);
        assertThat(text).startsWith("# .dsomm.yml: what this team states about its practices (docs/attestations.md), "
                + "started from dsomm-gate init on 2026-11-01.\n# Below are the 7 activities of DSOMM 4.3.1 in scope up "
                + "to level 1 that no CI evidence can show\n").contains("""
                version: 1
                team: 'Payments'

                targets:
                  overall: 1

                outOfScope:                 # outside the scope given to dsomm-gate init
                  - dimension: 'Build and Deployment'
                    reason: 'not in the scope chosen with dsomm-gate init on 2026-11-01'
                    date: 2026-11-01
                """).contains("""
                  - dimension: 'Implementation'
                    subDimension: 'Development and Source Control'
                """).contains("""
                attestations:
                  # Culture and Organization / Design
                  # - activity: 47419324-e263-415b-815d-e7161b6b905e   # Conduction of simple threat modeling on \
                technical level (level 1)
                  #   by:
                  #   date: 2026-11-01
                  #   evidence:
                """);
        // as written it declares nothing yet: the activities stay unverified, the scope counts
        Path reports = Files.createDirectories(dir.resolve("reports"));
        Files.copy(EXAMPLES.resolve("reports/secretlint.sarif"), reports.resolve("secretlint.sarif"));
        assertThat(run("assess", reports.toString(), "--attestations", file.toString(), "--pipeline", "--scm",
                "-o", dir.resolve("out").toString())).as(err).isZero();
        assertThat(out).contains("overall level 0, target 1, evidence ceiling 5")
                .contains("  Build and Deployment       out of scope");
        // filled in, it gets the team to its target
        Files.writeString(file, text.replace("  # - activity", "  - activity")
                .replace("  #   by:\n", "    by: alice@example.com\n").replace("  #   date:", "    date:")
                .replace("  #   evidence:\n", ""));
        assertThat(run("assess", reports.toString(), "--attestations", file.toString(), "--pipeline", "--scm",
                "--at-target", "-o", dir.resolve("out").toString())).as(err).isZero();
        assertThat(out).contains("overall level 1, target 1, evidence ceiling 5")
                .contains("[PASS] Every sub-dimension in scope with a target is at it (4 targets)");
        JsonNode json = new ObjectMapper().readTree(dir.resolve("out/assessment.json").toFile());
        assertThat(json.path("coverage").path("statuses").path("attested").asInt()).isEqualTo(7);
    }

    @Test
    void initRefusesToOverwriteAndNamesWhatIsNotInTheModel() throws Exception {
        Path file = Files.writeString(dir.resolve(".dsomm.yml"), "version: 1\n");
        assertThat(run("init", "-o", file.toString())).isEqualTo(3);
        assertThat(err).startsWith("dsomm-gate: " + file + " exists: not overwritten (give --force to replace it, or "
                + "-o another file)");
        assertThat(Files.readString(file)).isEqualTo("version: 1\n");
        assertThat(run("init", "-o", file.toString(), "--force")).isZero();
        assertThat(Files.readString(file)).contains("# Below are the 22 activities of DSOMM 4.3.1 in scope up to level 1");
        assertThat(run("init", "--scope", "Testing", "-o", "-")).isEqualTo(3);
        assertThat(err).startsWith("dsomm-gate: scope: not in DSOMM 4.3.1: Testing (dimensions: Build and "
                + "Deployment, ");
        assertThat(run("init", "--target", "6", "-o", "-")).isEqualTo(3);
        assertThat(err).startsWith("dsomm-gate: target must be 0 to 5: 6");
        assertThat(run("init", "--rules", "extended", "--target", "2", "-o", "-")).isZero();
        assertThat(out).startsWith("# .dsomm.yml").contains("rule set speaks for them").contains("targets:\n  overall: 2");
    }

    @Test
    void assessImportsTheTeamProgressOfTheDsommApplication() throws Exception {
        Path progress = Files.writeString(dir.resolve("team-progress.yaml"), """
                progress:
                  47419324-e263-415b-815d-e7161b6b905e:
                    'Payments':
                      'Planned': 2026-02-01
                      'Implemented': 2026-03-01
                  74938a3f-1269-49b9-9d0f-c43a79a1985a:
                    'Payments':
                      'Planned': 2026-04-01
                """);
        Path meta = Files.writeString(dir.resolve("meta.yaml"), """
                progressDefinition:
                  Nothing: {score: 0%}
                  Planned: {score: 20%}
                  Implemented: {score: 100%}
                """);
        Path reports = Files.createDirectories(dir.resolve("reports"));
        Files.copy(EXAMPLES.resolve("reports/secretlint.sarif"), reports.resolve("secretlint.sarif"));
        assertThat(run("assess", reports.toString(), "--team-progress", progress.toString(), "--team", "Payments",
                "--progress-definition", meta.toString(), "--pipeline", "--scm", "--build-url",
                "https://ci.example.com/7/", "-o", dir.resolve("out").toString())).as(err).isZero();
        assertThat(err).isEmpty();
        JsonNode json = new ObjectMapper().readTree(dir.resolve("out/assessment.json").toFile());
        List<String> attested = json.path("activities").findParents("status").stream()
                .filter(a -> "attested".equals(a.path("status").asText())).map(a -> a.path("name").asText()).toList();
        assertThat(attested).containsExactly("Conduction of simple threat modeling on technical level");
        assertThat(Files.readString(dir.resolve("out/team-progress.yaml"))).contains("""
                  47419324-e263-415b-815d-e7161b6b905e:  # Conduction of simple threat modeling on technical level
                    'Payments':
                      'Planned': 2026-03-01
                      'Implemented': 2026-03-01
                """).contains("""
                  74938a3f-1269-49b9-9d0f-c43a79a1985a:  # Defined deployment process
                    'Payments':
                      'Planned': 2026-04-01
                """);
        assertThat(Files.readString(dir.resolve("out/team-evidence.yaml")))
                .contains("externalLink: 'https://ci.example.com/7/'");
        // an unknown team is said, not dropped silently
        assertThat(run("assess", reports.toString(), "--team-progress", progress.toString(), "--team", "Platform",
                "--pipeline", "--scm", "-o", dir.resolve("out2").toString())).isZero();
        assertThat(out).contains("Warning: team-progress.yaml: team 'Platform' has no progress in this file (teams: "
                .replace("team-progress.yaml", progress.toString()) + "Payments): nothing imported");
        // strict is deprecated: it changes nothing and says so
        assertThat(run("assess", reports.toString(), "--strict", "--pipeline", "--scm", "-o",
                dir.resolve("out3").toString())).isZero();
        assertThat(err).isEqualTo("dsomm-gate: deprecated option: --strict has no effect: every activity in scope "
                + "counts in every assessment now (give --view evidence-only for the old default)"
                + System.lineSeparator());
    }
}
