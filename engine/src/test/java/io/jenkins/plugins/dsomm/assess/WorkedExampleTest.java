package io.jenkins.plugins.dsomm.assess;

import io.jenkins.plugins.dsomm.context.BuildContext;
import io.jenkins.plugins.dsomm.attest.Declarations;
import io.jenkins.plugins.dsomm.attest.DeclarationsLoader;
import io.jenkins.plugins.dsomm.catalog.Catalog;
import io.jenkins.plugins.dsomm.catalog.CatalogLoader;
import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
import io.jenkins.plugins.dsomm.evidence.Facets;
import io.jenkins.plugins.dsomm.evidence.Finding;
import io.jenkins.plugins.dsomm.evidence.FindingIdentity;
import io.jenkins.plugins.dsomm.evidence.Severity;
import io.jenkins.plugins.dsomm.evidence.SeverityCounts;
import io.jenkins.plugins.dsomm.gate.Gap;
import io.jenkins.plugins.dsomm.gate.GapList;
import io.jenkins.plugins.dsomm.gate.Gate;
import io.jenkins.plugins.dsomm.gate.GateResult;
import io.jenkins.plugins.dsomm.gate.Outcome;
import io.jenkins.plugins.dsomm.gate.Policy;
import io.jenkins.plugins.dsomm.mapping.RuleSet;
import io.jenkins.plugins.dsomm.mapping.RuleSetLoader;
import io.jenkins.plugins.dsomm.render.AttestationSkeleton;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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

    /** "overall 0 (ceiling 0); Build and Deployment 0 (5); …": levels with their evidence ceilings. */
    static String levels(final Assessment a) {
        StringBuilder b = new StringBuilder("overall ").append(a.overall()).append(" (").append(a.evidenceCeiling())
                .append(')');
        for (DimensionLevel d : a.dimensions()) {
            b.append("; ").append(d.name()).append(' ').append(d.level()).append(" (").append(d.evidenceCeiling())
                    .append(')');
        }
        return b.toString();
    }

    static Integer sub(final Assessment a, final String dimension, final String sub) {
        return a.subDimension(dimension, sub).orElseThrow().level();
    }

    static String support(final Assessment a, final String dimension) {
        return LevelSupport.of(a, a.dimension(dimension).orElseThrow()).sentence();
    }

    static Declarations waivers(final String extra) {
        return declarations("""
                waivers:
                  - {finding: CVE-2026-0001, reason: base image update in JIRA-7, by: ops, expires: 2026-12-31}
                  - {finding: CVE-2026-0002, reason: base image update in JIRA-7, by: ops, expires: 2026-12-31}
                """ + extra);
    }

    static Declarations declarations(final String yaml) {
        try {
            return new DeclarationsLoader(DSOMM).parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)),
                    ".dsomm.yml");
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Step 3's {@code .dsomm.yml}: what {@code dsomm-gate init} writes for the scope without Infrastructure
     * Hardening and target 1, every template filled in by the team, and step 2's waivers.
     */
    static String filledIn() {
        String skeleton = AttestationSkeleton.render(DSOMM, STANDARD, SCOPE, 1, "Payments", LocalDate.parse("2026-11-01"));
        return skeleton.lines().map(l -> l.startsWith("  # - activity") ? "  - activity" + l.substring(14)
                : l.equals("  #   by:") ? "    by: alice@example.com"
                : l.startsWith("  #   date: ") ? "    date: " + l.substring(12)
                : l.equals("  #   evidence:") ? "    evidence: https://wiki.example.com/payments/dsomm" : l)
                .reduce("", (a, l) -> a + l + "\n");
    }

    static final List<String> SCOPE = List.of("Build and Deployment", "Culture and Organization",
            "Information Gathering", "Test and Verification", "Implementation / Application Hardening",
            "Implementation / Development and Source Control");

    @Test
    void step1FourReportsNothingDeclared() {
        Assessment a = assess(step1(), Declarations.none());
        assertThat(levels(a)).isEqualTo("overall 0 (0); Build and Deployment 0 (5); Culture and Organization 0 (5); "
                + "Implementation 0 (5); Information Gathering 0 (5); Test and Verification 0 (0)");
        assertThat(support(a, "Build and Deployment")).isEqualTo("up to level 1: 1 by CI evidence, 5 unverified");
        assertThat(support(a, "Test and Verification")).isEqualTo(
                "up to level 1: 1 by CI evidence, 1 failed, 3 unverified");
        assertThat(sub(a, "Build and Deployment", "Build")).isEqualTo(1);
        assertThat(sub(a, "Test and Verification", "Consolidation")).isZero();
        assertThat(a.activity("44f2c8a9-4aaa-4c72-942d-63f78b89f385").orElseThrow().reason())
                .isEqualTo("open findings: 2 HIGH (Trivy: 2)");
        // SCA (server side) is shown by Trivy, but its prerequisite Inventory of production components is unverified
        assertThat(a.activity("d918cd44-a972-43e9-a974-eff3f4a5dcfe").orElseThrow().reason())
                .isEqualTo("blocked by Inventory of production components (unverified)");
        assertThat(a.count(ActivityStatus.MET)).isEqualTo(8);
        assertThat(a.count(ActivityStatus.UNVERIFIED)).isEqualTo(173);
        GapList gaps = GapList.of(a);
        assertThat(gaps.limitingOverall()).hasSize(12);
        assertThat(gaps.limitingOverall().stream().mapToInt(g -> g.pipeline().size()).sum()).isEqualTo(1);
        assertThat(gaps.limitingOverall().stream().mapToInt(g -> g.attestation().size()).sum()).isEqualTo(22);
        GateResult gate = Gate.evaluate(Policy.defaults().withMinimumLevel(1), a, null);
        assertThat(gate.violations()).singleElement().satisfies(v -> assertThat(v.message()).startsWith(
                "Overall level is 0, minimum 1: Build and Deployment / Deployment is at level 0: unverified Automated "
                        + "deployment process, Defined deployment process, Inventory of production components; "));
    }

    @Test
    void step2WaivingTheTwoHighFindingsRaisesTheCeilingNotTheLevel() {
        Assessment a = assess(step1(), waivers(""));
        assertThat(sub(a, "Test and Verification", "Consolidation")).isZero();
        assertThat(levels(a)).isEqualTo("overall 0 (1); Build and Deployment 0 (5); Culture and Organization 0 (5); "
                + "Implementation 0 (5); Information Gathering 0 (5); Test and Verification 0 (1)");
    }

    @Test
    void step3InitAttestationsAndScopeGiveAnHonestLevelOne() {
        String yaml = filledIn();
        assertThat(yaml).contains("""
                outOfScope:                 # outside the scope given to dsomm-gate init
                  - dimension: 'Implementation'
                    subDimension: 'Infrastructure Hardening'
                    reason: 'not in the scope chosen with dsomm-gate init on 2026-11-01'
                    date: 2026-11-01
                """).contains("""
                  # Culture and Organization / Design
                  - activity: 47419324-e263-415b-815d-e7161b6b905e   # Conduction of simple threat modeling on \
                technical level (level 1)
                    by: alice@example.com
                    date: 2026-11-01
                    evidence: https://wiki.example.com/payments/dsomm
                """);
        Declarations d = declarations(yaml + """
                waivers:
                  - {finding: CVE-2026-0001, reason: base image update in JIRA-7, by: ops, expires: 2026-12-31}
                  - {finding: CVE-2026-0002, reason: base image update in JIRA-7, by: ops, expires: 2026-12-31}
                """);
        assertThat(d.attestations()).hasSize(19);
        Assessment a = assess(step1(), d);
        assertThat(levels(a)).isEqualTo("overall 1 (1); Build and Deployment 1 (5); Culture and Organization 1 (5); "
                + "Implementation 1 (5); Information Gathering 1 (5); Test and Verification 1 (1)");
        assertThat(support(a, "Culture and Organization")).isEqualTo("up to level 2: 4 attested, 7 unverified");
        assertThat(support(a, "Test and Verification")).isEqualTo(
                "up to level 2: 4 by CI evidence, 3 attested, 3 missing, 14 unverified");
        assertThat(a.dimension("Implementation").orElseThrow().subDimensions()).filteredOn(s -> !s.inScope())
                .extracting(SubDimensionLevel::name).containsExactly("Infrastructure Hardening");
        assertThat(a.count(ActivityStatus.OUT_OF_SCOPE)).isEqualTo(25);
        GateResult gate = Gate.evaluate(Policy.builder().minimumLevel(1).atTarget(true).build(), a, null);
        assertThat(gate.outcome()).isEqualTo(Outcome.PASS);
        assertThat(gate.checks().get(1).message()).isEqualTo(
                "Every sub-dimension in scope with a target is at it (18 targets)");
    }

    @Test
    void step4ZapAndCheckovRaiseTheCeilingWhatIsLeftNeedsPeople() {
        List<Evidence> evidence = step1();
        evidence.add(report("OWASP ZAP", "zap.json", List.of(EvidenceKind.DAST), Set.of(), 0, Severity.LOW));
        evidence.add(report("Checkov", "checkov.json", List.of(EvidenceKind.IAC), Set.of(Facets.TARGET_KUBERNETES), 0));
        Assessment a = assess(evidence, declarations(filledIn() + """
                waivers:
                  - {finding: CVE-2026-0001, reason: base image update in JIRA-7, by: ops, expires: 2026-12-31}
                  - {finding: CVE-2026-0002, reason: base image update in JIRA-7, by: ops, expires: 2026-12-31}
                """));
        assertThat(levels(a)).isEqualTo("overall 1 (2); Build and Deployment 1 (5); Culture and Organization 1 (5); "
                + "Implementation 1 (5); Information Gathering 1 (5); Test and Verification 1 (2)");
        assertThat(support(a, "Test and Verification")).isEqualTo("up to level 2: 7 by CI evidence, 3 attested, "
                + "14 unverified");
        List<Gap> limiting = GapList.of(a).limitingOverall();
        assertThat(limiting.stream().mapToInt(g -> g.pipeline().size()).sum()).isZero();
        assertThat(limiting.stream().mapToInt(g -> g.attestation().size()).sum()).isEqualTo(40);
    }
}
