package io.jenkins.plugins.dsomm.gate;

import io.jenkins.plugins.dsomm.assess.ActivityStatus;
import io.jenkins.plugins.dsomm.assess.Assessment;
import io.jenkins.plugins.dsomm.assess.Assessor;
import io.jenkins.plugins.dsomm.context.BuildContext;
import io.jenkins.plugins.dsomm.attest.Declarations;
import io.jenkins.plugins.dsomm.attest.DeclarationsLoader;
import io.jenkins.plugins.dsomm.catalog.Catalog;
import io.jenkins.plugins.dsomm.catalog.CatalogLoader;
import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
import io.jenkins.plugins.dsomm.mapping.RuleSetLoader;
import io.jenkins.plugins.dsomm.render.AttestationSkeleton;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.jenkins.plugins.dsomm.TestData.evidence;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reference made on the bundled DSOMM 4.3.1 and a build assessed on a DSOMM 5.x-shaped model (new sub-dimension
 * Identity and Access Management with activities moved there, a renamed activity, a new dimension): the model
 * change is reported, never failed as a regression; a real regression still is.
 */
class ModelUpgradeTest {
    private static final Instant NOW = Instant.parse("2026-11-01T10:00:00Z");
    static Catalog v4;
    static Catalog v5;
    static String attestations;

    @BeforeAll
    static void models() throws IOException {
        v4 = CatalogLoader.bundled();
        try (InputStream in = ModelUpgradeTest.class.getResourceAsStream("/model/dsomm-5-shaped.yaml")) {
            v5 = CatalogLoader.load(in, "dsomm-5-shaped.yaml");
        }
        // every level-1 activity no rule can show, attested (by uuid, as dsomm-gate init writes them)
        attestations = AttestationSkeleton.render(v4, new RuleSetLoader(v4).bundled(RuleSetLoader.STANDARD),
                List.of(), 1, "Payments", LocalDate.parse("2026-10-01")).lines()
                .map(l -> l.startsWith("  # - activity") ? "  - activity" + l.substring(14)
                        : l.equals("  #   by:") ? "    by: alice@example.com"
                        : l.startsWith("  #   date: ") ? "    date: " + l.substring(12) : l)
                .reduce("", (a, l) -> a + l + "\n");
    }

    private static Assessment assess(final Catalog catalog, final List<Evidence> evidence) throws IOException {
        Declarations d = new DeclarationsLoader(catalog).parse(new ByteArrayInputStream(attestations
                .getBytes(StandardCharsets.UTF_8)), ".dsomm.yml");
        return Assessor.of(catalog, new RuleSetLoader(catalog).bundled(RuleSetLoader.STANDARD)).at(NOW, ZoneOffset.UTC)
                .context(new BuildContext(true, true, Set.of())).evidence(evidence).declarations(d)
                .subject(Map.of("job", "payments", "build", "41")).assess();
    }

    private static List<Evidence> reports() {
        return List.of(evidence("Gitleaks", EvidenceKind.SECRETS), evidence("Semgrep", EvidenceKind.SAST));
    }

    @Test
    void aNewerModelIsAModelChangeNotARegression() throws IOException {
        Assessment reference = assess(v4, reports());
        assertThat(reference.overall()).isEqualTo(1);
        Assessment current = assess(v5, reports());
        // the moved activities are attested in their new place, by uuid
        assertThat(current.activity("8098e416-e1ed-4ae4-a561-83efbe76bf57").orElseThrow().status())
                .isEqualTo(ActivityStatus.ATTESTED);
        assertThat(current.subDimension("Implementation", "Identity and Access Management").orElseThrow().level())
                .isEqualTo(1);
        // the new dimension's level-1 activities are unverified: overall 0, only because the model changed
        assertThat(current.dimension("Agentic AI").orElseThrow().level()).isZero();
        assertThat(current.overall()).isZero();
        GateResult result = Gate.evaluate(Policy.defaults(), current, reference);
        assertThat(result.outcome()).isEqualTo(Outcome.PASS);
        assertThat(result.checks()).singleElement().satisfies(c -> assertThat(c.message()).isEqualTo(
                "No regression against payments #41 (model change DSOMM 4.3.1 → 5.0.2-test: 6 activities added "
                        + "(Account inventory (test), Central identity provider (test), Agents run in a disposable "
                        + "sandbox (test), Rules for AI-assisted coding are written down (test), No secrets in prompts "
                        + "(test), and 1 more); 3 activities moved (MFA for admins: Implementation / Infrastructure "
                        + "Hardening → Implementation / Identity and Access Management, Simple access control for "
                        + "systems: Implementation / Infrastructure Hardening → Implementation / Identity and Access "
                        + "Management, MFA: Implementation / Infrastructure Hardening → Implementation / Identity and "
                        + "Access Management); 1 activity renamed (Usage of edge encryption at transit → Edge "
                        + "encryption in transit); levels that differ for that reason, not a regression: overall 1 → "
                        + "0; new sub-dimension Implementation / Identity and Access Management at 1; new dimension "
                        + "Agentic AI at 0)"));
    }

    @Test
    void aRealRegressionAcrossModelsStillFails() throws IOException {
        Assessment reference = assess(v4, reports());
        Assessment current = assess(v5, List.of(evidence("Semgrep", EvidenceKind.SAST)));
        GateResult result = Gate.evaluate(Policy.defaults(), current, reference);
        assertThat(result.outcome()).isEqualTo(Outcome.UNSTABLE);
        assertThat(result.violations()).singleElement().satisfies(c -> assertThat(c.message()).startsWith(
                "Regression against payments #41: overall level 1 → 0, Test and Verification 1 → 0; no longer met: "
                        + "Test for stored secrets in code (met → missing: no SECRETS evidence) (model change DSOMM "
                        + "4.3.1 → 5.0.2-test: "));
    }
}
