package io.jenkins.plugins.dsomm.render;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.dsomm.TestData;
import io.jenkins.plugins.dsomm.assess.Assessment;
import io.jenkins.plugins.dsomm.assess.Assessor;
import io.jenkins.plugins.dsomm.context.BuildContext;
import io.jenkins.plugins.dsomm.attest.Attestation;
import io.jenkins.plugins.dsomm.attest.Declarations;
import io.jenkins.plugins.dsomm.catalog.Catalog;
import io.jenkins.plugins.dsomm.catalog.CatalogLoader;
import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
import io.jenkins.plugins.dsomm.json.Json;
import io.jenkins.plugins.dsomm.mapping.RuleSetLoader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exported {@code team-progress.yaml} and {@code team-evidence.yaml} read the way the DSOMM application reads
 * them: with the npm package {@code yaml} 2.x and {@code schema: 'yaml-1.1'} (its yaml-loader.service.ts), in Node.
 * Dates must come back as Date objects (the application calls Date methods on them), titles and team names as the
 * strings written. The package is installed once into {@code target/node-yaml} (never into the repository) with
 * the npm client; without Node or npm, or when the npm registry cannot be reached, the test is skipped, loudly.
 */
class TeamFilesInTheApplicationTest {
    /** The version of the npm package {@code yaml} the test reads with (the application depends on yaml 2.x). */
    static final String YAML_PACKAGE = "yaml@2.9.1";
    private static final Path PREFIX = Path.of("target", "node-yaml").toAbsolutePath();
    private static final String TEAM = "Team 'A': \"B\" #1";

    @TempDir
    static Path dir;
    static Path node;

    @BeforeAll
    static void installYaml() throws IOException, InterruptedException {
        node = onPath("node");
        Path npm = onPath("npm");
        if (node == null || npm == null) {
            skip("no " + (node == null ? "node" : "npm") + " on the PATH");
        }
        if (!Files.isRegularFile(PREFIX.resolve("node_modules/yaml/package.json"))) {
            Files.createDirectories(PREFIX);
            Path log = dir.resolve("npm.log");
            Process p = new ProcessBuilder(npm.toString(), "install", "--prefix", PREFIX.toString(), "--no-save",
                    "--no-package-lock", "--ignore-scripts", "--no-audit", "--no-fund", YAML_PACKAGE)
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                skip("npm could not install " + YAML_PACKAGE + " into " + PREFIX + ": "
                        + Files.readString(log).strip());
            }
        }
    }

    private static void skip(final String why) {
        String message = "TeamFilesInTheApplicationTest SKIPPED: " + why + ": the team files were NOT read the way "
                + "the DSOMM application reads them (npm " + YAML_PACKAGE + ", schema yaml-1.1)";
        System.err.println("*** " + message + " ***");
        Assumptions.abort(message);
    }

    private static Path onPath(final String command) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path p = Path.of(d, command);
            if (!d.isEmpty() && Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    /** Parses a file with yaml 2.x and the 1.1 schema; every scalar comes back typed: "Date:…", "string:…". */
    private static JsonNode readLikeTheApplication(final Path file) throws IOException, InterruptedException {
        Path script = dir.resolve("read.js");
        Files.writeString(script, """
                const YAML = require(process.argv[2]);
                const fs = require('fs');
                const doc = YAML.parse(fs.readFileSync(process.argv[3], 'utf8'), { schema: 'yaml-1.1' });
                const typed = v => v instanceof Date ? 'Date:' + v.toISOString().substring(0, 10)
                    : Array.isArray(v) ? v.map(typed)
                    : v !== null && typeof v === 'object'
                        ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, typed(x)]))
                    : typeof v + ':' + v;
                process.stdout.write(JSON.stringify(typed(doc)));
                """, StandardCharsets.UTF_8);
        Path out = dir.resolve(file.getFileName() + ".json");
        Path err = dir.resolve(file.getFileName() + ".err");
        Process p = new ProcessBuilder(node.toString(), script.toString(),
                PREFIX.resolve("node_modules/yaml").toString(), file.toString())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("node: %s", Files.readString(err)).isZero();
        return Json.mapper().readTree(out.toFile());
    }

    private static Assessment assessment() {
        Catalog dsomm = CatalogLoader.bundled();
        Declarations d = new Declarations(".dsomm.yml", TEAM, List.of(new Attestation(
                "e9a6d403-a467-445e-b98a-74f0c29da0b1", "alice", LocalDate.parse("2026-09-01"),
                LocalDate.parse("2027-09-01"), "", "")), List.of(), List.of());
        Map<String, String> subject = new LinkedHashMap<>();
        subject.put("job", "payments");
        subject.put("build", "12");
        subject.put("url", "https://ci.example.com/job/payments/12/");
        return Assessor.of(dsomm, new RuleSetLoader(dsomm).bundled(RuleSetLoader.STANDARD)).at(TestData.NOW,
                ZoneOffset.UTC).declarations(d).context(new BuildContext(true, false, Set.of())).subject(subject)
                .evidence(List.of(TestData.evidence("Gitleaks", EvidenceKind.SECRETS))).assess();
    }

    @Test
    void theTeamProgressLoadsWithDatesAsDates() throws Exception {
        Path file = dir.resolve("team-progress.yaml");
        Files.writeString(file, TeamProgressYaml.render(assessment(), TEAM, LocalDate.parse("2026-11-01")),
                StandardCharsets.UTF_8);
        JsonNode progress = readLikeTheApplication(file).path("progress");
        List<String> activities = new ArrayList<>();
        progress.fieldNames().forEachRemaining(activities::add);
        // Defined build process (pipeline) and six activities a clean Gitleaks report shows, by evidence; Simple
        // application metrics attested
        assertThat(activities).containsExactly("f6f7737f-25a9-4317-8de2-09bf59f29b5b",
                "e9a6d403-a467-445e-b98a-74f0c29da0b1", "bc548cba-cb82-4f76-bd4b-325d9d256279",
                "44f2c8a9-4aaa-4c72-942d-63f78b89f385", "55f4c916-3a34-474d-ad96-9a9f7a4f6a83",
                "9cac3341-fe83-4079-bef2-bfc4279eb594", "b2f77606-3e6c-41e9-b72d-7c0b1d3d581d",
                "c6e3c812-56e2-41b0-ae01-b7afc41a004c");
        assertThat(progress.path("f6f7737f-25a9-4317-8de2-09bf59f29b5b").toString()).isEqualTo(
                "{\"Team 'A': \\\"B\\\" #1\":{\"Started\":\"Date:2026-11-01\",\"Partly implemented\":"
                        + "\"Date:2026-11-01\",\"Fully implemented\":\"Date:2026-11-01\"}}");
        assertThat(progress.path("e9a6d403-a467-445e-b98a-74f0c29da0b1").path(TEAM).path("Fully implemented")
                .asText()).isEqualTo("Date:2026-09-01");
    }

    @Test
    void theTeamEvidenceLoadsWithItsDateAndStableIds() throws Exception {
        Path file = dir.resolve("team-evidence.yaml");
        Files.writeString(file, TeamEvidenceYaml.render(assessment(), TEAM, LocalDate.parse("2026-11-01")),
                StandardCharsets.UTF_8);
        JsonNode evidence = readLikeTheApplication(file).path("evidence");
        assertThat(evidence.size()).as("the met activities, not the attested one").isEqualTo(7);
        assertThat(evidence.has("e9a6d403-a467-445e-b98a-74f0c29da0b1")).isFalse();
        JsonNode entry = evidence.path("c6e3c812-56e2-41b0-ae01-b7afc41a004c").get(0);
        assertThat(entry.path("id").asText()).isEqualTo("string:" + TeamEvidenceYaml.id(TEAM,
                "c6e3c812-56e2-41b0-ae01-b7afc41a004c", "payments"));
        assertThat(entry.path("teams").toString()).isEqualTo("[\"string:Team 'A': \\\"B\\\" #1\"]");
        assertThat(entry.path("title").asText()).isEqualTo("string:Shown by CI: SECRETS evidence: Gitleaks 1.0 "
                + "(gitleaks.json)");
        assertThat(entry.path("evidenceRecorded").asText()).isEqualTo("Date:2026-11-01");
        assertThat(entry.path("attachment").toString()).isEqualTo("[{\"type\":\"string:link\",\"externalLink\":"
                + "\"string:https://ci.example.com/job/payments/12/\"}]");
    }
}
