package io.jenkins.plugins.dsomm.assess;

import io.jenkins.plugins.dsomm.context.BuildContext;
import io.jenkins.plugins.dsomm.attest.Declarations;
import io.jenkins.plugins.dsomm.attest.Waiver;
import io.jenkins.plugins.dsomm.catalog.Catalog;
import io.jenkins.plugins.dsomm.catalog.CatalogLoader;
import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
import io.jenkins.plugins.dsomm.evidence.Facets;
import io.jenkins.plugins.dsomm.evidence.Finding;
import io.jenkins.plugins.dsomm.evidence.FindingIdentity;
import io.jenkins.plugins.dsomm.evidence.Severity;
import io.jenkins.plugins.dsomm.evidence.SeverityCounts;
import io.jenkins.plugins.dsomm.gate.Gate;
import io.jenkins.plugins.dsomm.gate.GateResult;
import io.jenkins.plugins.dsomm.gate.Policy;
import io.jenkins.plugins.dsomm.mapping.RuleSet;
import io.jenkins.plugins.dsomm.mapping.RuleSetLoader;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worked example of docs/assessment.md, step by step, on the bundled DSOMM 4.3.1 catalog and the standard
 * rules. If this test changes, the document must change with it.
 */
class WorkedExampleTest {
    private static final Catalog DSOMM = CatalogLoader.bundled();
    private static final RuleSet STANDARD = new RuleSetLoader(DSOMM).bundled(RuleSetLoader.STANDARD);
    private static final Instant NOW = Instant.parse("2026-11-01T10:00:00Z");
    private static final BuildContext CONTEXT = new BuildContext(true, true, Set.of());

    private static Evidence report(final String tool, final String file, final List<EvidenceKind> kinds,
            final Set<String> facets, final int components, final Severity... findings) {
        SeverityCounts.Counter c = new SeverityCounts.Counter();
        List<Finding> list = new ArrayList<>();
        int i = 0;
        for (Severity s : findings) {
            c.add(s);
            String rule = tool.equals("Trivy") ? "CVE-2026-000" + ++i : "js/rule-" + ++i;
            list.add(new Finding(FindingIdentity.of(rule, "app", 1), s, rule, "", "app"));
        }
        return Evidence.builder().format("example").tool(tool).kinds(kinds).facets(facets).components(components)
                .open(c.toCounts()).findings(list, false).sourceFile(file).producedAt(NOW).build();
    }

    static List<Evidence> step1() {
        return new ArrayList<>(List.of(
                report("CodeQL", "codeql.sarif", List.of(EvidenceKind.SAST), Set.of(Facets.LANGUAGE_JAVASCRIPT), 0,
                        Severity.MEDIUM, Severity.MEDIUM, Severity.MEDIUM),
                report("Trivy", "trivy-image.json", List.of(EvidenceKind.CONTAINER, EvidenceKind.SCA),
                        Set.of(Facets.ECOSYSTEM_NPM), 0, Severity.HIGH, Severity.HIGH),
                report("cyclonedx-npm", "bom.json", List.of(EvidenceKind.SBOM), Set.of(Facets.ECOSYSTEM_NPM), 120),
                report("Gitleaks", "gitleaks.json", List.of(EvidenceKind.SECRETS), Set.of(), 0)));
    }

    private static Assessment assess(final List<Evidence> evidence, final Declarations declarations) {
        return Assessor.of(DSOMM, STANDARD).at(NOW, ZoneOffset.UTC).context(CONTEXT).evidence(evidence)
                .declarations(declarations).assess();
    }

    static String levels(final Assessment a) {
        StringBuilder b = new StringBuilder("overall ").append(a.overall());
        for (DimensionLevel d : a.dimensions()) {
            b.append("; ").append(d.name()).append(' ').append(d.level());
        }
        return b.toString();
    }

    static Integer sub(final Assessment a, final String dimension, final String sub) {
        return a.subDimension(dimension, sub).orElseThrow().level();
    }

    @Test
    void step1FourReportsOneFailingActivity() {
        Assessment a = assess(step1(), Declarations.none());
        assertThat(levels(a)).isEqualTo("overall 0; Build and Deployment 5; Culture and Organization null; "
                + "Implementation 5; Information Gathering 5; Test and Verification 0");
        assertThat(sub(a, "Test and Verification", "Consolidation")).isZero();
        assertThat(sub(a, "Test and Verification", "Dynamic depth for applications")).isEqualTo(1);
        assertThat(sub(a, "Test and Verification", "Static depth for applications")).isEqualTo(3);
        assertThat(sub(a, "Test and Verification", "Static depth for infrastructure")).isEqualTo(1);
        assertThat(a.activity("44f2c8a9-4aaa-4c72-942d-63f78b89f385").orElseThrow().reason())
                .isEqualTo("open findings: 2 HIGH (Trivy: 2)");
        assertThat(a.activity("d918cd44-a972-43e9-a974-eff3f4a5dcfe").orElseThrow().notes())
                .containsExactly("prerequisite Inventory of production components unverified");
        assertThat(a.assessedActivities()).isEqualTo(21);
        GateResult gate = Gate.evaluate(Policy.defaults().withMinimumLevel(1), a, null);
        assertThat(gate.violations()).singleElement().satisfies(v -> assertThat(v.message()).isEqualTo(
                "Overall level is 0, minimum 1: Test and Verification / Consolidation is at level 0: failed Treatment "
                        + "of defects with high or critical severity (open findings: 2 HIGH (Trivy: 2))"));
    }

    @Test
    void step2WaivingTheTwoHighFindings() {
        Declarations waiver = new Declarations(".dsomm.yml", "", List.of(), List.of(), List.of(
                new Waiver(null, "CVE-2026-0001", null, null, "base image update in JIRA-7", "ops", null,
                        LocalDate.parse("2026-12-31")),
                new Waiver(null, "CVE-2026-0002", null, null, "base image update in JIRA-7", "ops", null,
                        LocalDate.parse("2026-12-31"))));
        Assessment a = assess(step1(), waiver);
        assertThat(sub(a, "Test and Verification", "Consolidation")).isEqualTo(2);
        assertThat(levels(a)).isEqualTo("overall 1; Build and Deployment 5; Culture and Organization null; "
                + "Implementation 5; Information Gathering 5; Test and Verification 1");
    }

    @Test
    void step3AddingZapAndCheckov() {
        Declarations waiver = new Declarations(".dsomm.yml", "", List.of(), List.of(), List.of(
                new Waiver(null, "CVE-2026-0001", null, null, "JIRA-7", "ops", null, LocalDate.parse("2026-12-31")),
                new Waiver(null, "CVE-2026-0002", null, null, "JIRA-7", "ops", null, LocalDate.parse("2026-12-31"))));
        List<Evidence> evidence = step1();
        evidence.add(report("OWASP ZAP", "zap.json", List.of(EvidenceKind.DAST), Set.of(), 0, Severity.LOW));
        evidence.add(report("Checkov", "checkov.json", List.of(EvidenceKind.IAC), Set.of(Facets.TARGET_KUBERNETES), 0));
        Assessment a = assess(evidence, waiver);
        assertThat(sub(a, "Test and Verification", "Dynamic depth for applications")).isEqualTo(3);
        assertThat(sub(a, "Test and Verification", "Static depth for infrastructure")).isEqualTo(5);
        assertThat(levels(a)).isEqualTo("overall 2; Build and Deployment 5; Culture and Organization null; "
                + "Implementation 5; Information Gathering 5; Test and Verification 2");
    }
}
