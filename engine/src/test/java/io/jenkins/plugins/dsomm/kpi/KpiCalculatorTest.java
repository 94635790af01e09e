package io.jenkins.plugins.dsomm.kpi;

import io.jenkins.plugins.dsomm.attest.BusinessContext;
import io.jenkins.plugins.dsomm.TestData;
import io.jenkins.plugins.dsomm.assess.Assessment;
import io.jenkins.plugins.dsomm.assess.Assessor;
import io.jenkins.plugins.dsomm.catalog.Catalog;
import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
import io.jenkins.plugins.dsomm.evidence.Finding;
import io.jenkins.plugins.dsomm.evidence.FindingIdentity;
import io.jenkins.plugins.dsomm.evidence.Severity;
import io.jenkins.plugins.dsomm.evidence.SeverityCounts;
import io.jenkins.plugins.dsomm.gate.Gate;
import io.jenkins.plugins.dsomm.gate.GateResult;
import io.jenkins.plugins.dsomm.gate.Outcome;
import io.jenkins.plugins.dsomm.gate.Policy;
import io.jenkins.plugins.dsomm.gate.RuleCheck;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * KPIs of a synthetic history, checked exactly: a finding fixed, one that disappears and comes back, a scan that
 * did not run (a gap), a renamed file, SLA breaches, coverage, untracked dependencies, risk.
 */
class KpiCalculatorTest {
    private static final Instant T0 = Instant.parse("2026-10-01T00:00:00Z");
    private static final Catalog CATALOG = TestData.testCatalog();
    private static final long F1 = 1;
    private static final long F2 = 2;
    private static final long F3 = 3;
    private static final long F4 = 4;

    /** A finding of the history: id, severity, scanner. */
    private record F(long id, Severity severity, String scanner) {
    }

    private static F f(final long id, final Severity s, final String scanner) {
        return new F(id, s, scanner);
    }

    private static Instant day(final double d) {
        return T0.plusSeconds((long) (d * 86_400));
    }

    private static FindingSnapshot snapshot(final String label, final double day, final List<String> scanners,
            final Set<EvidenceKind> kinds, final F... findings) {
        long[] ids = new long[findings.length];
        byte[] sev = new byte[findings.length];
        byte[] sc = new byte[findings.length];
        for (int i = 0; i < findings.length; i++) {
            ids[i] = findings[i].id();
            sev[i] = (byte) findings[i].severity().ordinal();
            sc[i] = (byte) scanners.indexOf(findings[i].scanner());
        }
        return new FindingSnapshot(label, day(day), ids, sev, sc, scanners, kinds, true);
    }

    private static final List<String> BOTH = List.of("trivy", "codeql");
    private static final Set<EvidenceKind> BOTH_KINDS = EnumSet.of(EvidenceKind.SAST, EvidenceKind.SCA);

    static List<FindingSnapshot> history() {
        return List.of(
                snapshot("#1", 0, BOTH, BOTH_KINDS, f(F1, Severity.HIGH, "trivy"), f(F2, Severity.CRITICAL, "trivy"),
                        f(F3, Severity.MEDIUM, "codeql")),
                snapshot("#2", 2, BOTH, BOTH_KINDS, f(F1, Severity.HIGH, "trivy"), f(F3, Severity.MEDIUM, "codeql")),
                // the SCA scan did not run: F1 is not observed, not fixed
                snapshot("#3", 5, List.of("codeql"), EnumSet.of(EvidenceKind.SAST), f(F3, Severity.MEDIUM, "codeql")),
                snapshot("#4", 6, BOTH, BOTH_KINDS, f(F3, Severity.MEDIUM, "codeql"), f(F1, Severity.HIGH, "trivy")),
                snapshot("#5", 10, BOTH, BOTH_KINDS, f(F3, Severity.MEDIUM, "codeql"), f(F4, Severity.LOW, "codeql")),
                // F1 comes back
                snapshot("#6", 12, BOTH, BOTH_KINDS, f(F1, Severity.HIGH, "trivy"), f(F3, Severity.MEDIUM, "codeql")));
    }

    /** The current build's assessment, with the findings of #6 named. */
    static Assessment current() {
        Evidence trivy = Evidence.builder().format("trivy-json").tool("Trivy").kind(EvidenceKind.SCA)
                .open(SeverityCounts.of(0, 1, 0, 0, 0, 0))
                .findings(List.of(new Finding(F1, Severity.HIGH, "CVE-2026-1", "", "pkg:npm/minimist@1.2.0")), false)
                .sourceFile("trivy.json").producedAt(day(12)).build();
        Evidence codeql = Evidence.builder().format("sarif").tool("CodeQL").kind(EvidenceKind.SAST)
                .open(SeverityCounts.of(0, 0, 1, 0, 0, 0))
                .findings(List.of(new Finding(F3, Severity.MEDIUM, "js/xss", "", "src/app.js")), false)
                .sourceFile("codeql.sarif").producedAt(day(12)).build();
        Evidence sbom = Evidence.builder().format("cyclonedx-json").tool("cyclonedx-npm").kind(EvidenceKind.SBOM)
                .components(2).packages(List.of("lodash", "express")).sourceFile("bom.json").build();
        return Assessor.of(CATALOG, TestData.testRules(CATALOG)).at(day(12), ZoneOffset.UTC)
                .evidence(List.of(trivy, codeql, sbom)).assess();
    }

    @Test
    void remediationAgeReopeningAndGaps() {
        Kpis k = new KpiCalculator().compute(history(), null, current(), day(14));
        assertThat(k.history()).isEqualTo(6);
        assertThat(k.remediation().get(Severity.CRITICAL)).isEqualTo(new Stats(1, 48, 48, 48));
        // F1 open from day 0 to day 10: the gap of #3 is not a fix
        assertThat(k.remediation().get(Severity.HIGH)).isEqualTo(new Stats(1, 240, 240, 240));
        assertThat(k.remediation().get(Severity.LOW)).isEqualTo(new Stats(1, 48, 48, 48));
        assertThat(k.remediation().get(Severity.MEDIUM)).isEqualTo(Stats.EMPTY);
        assertThat(k.reopened()).isEqualTo(1);
        // F1's new episode started on day 12, F3 has been open since day 0
        assertThat(k.openAge().get(Severity.HIGH)).isEqualTo(new Stats(1, 48, 48, 48));
        assertThat(k.openAge().get(Severity.MEDIUM)).isEqualTo(new Stats(1, 336, 336, 336));
        assertThat(k.slaBreaches()).isEmpty();
        // against #5: F1 new, F3 outstanding, F4 fixed
        assertThat(k.changes().reference()).isEqualTo("#5");
        assertThat(k.changes().added()).isEqualTo(SeverityCounts.of(0, 1, 0, 0, 0, 0));
        assertThat(k.changes().outstanding()).isEqualTo(SeverityCounts.of(0, 0, 1, 0, 0, 0));
        assertThat(k.changes().fixed()).isEqualTo(SeverityCounts.of(0, 0, 0, 1, 0, 0));
        assertThat(k.changes().notRescanned()).isEqualTo(SeverityCounts.NONE);
        assertThat(k.coverageWindow()).isEqualTo(6);
        assertThat(k.coverage().get(EvidenceKind.SCA)).isEqualTo(new Coverage(6, 5));
        assertThat(k.coverage().get(EvidenceKind.SAST)).isEqualTo(new Coverage(6, 6));
        assertThat(k.coverage().get(EvidenceKind.DAST)).isEqualTo(new Coverage(6, 0));
        assertThat(k.untracked()).containsExactly("minimist");
        assertThat(k.riskScore()).isEqualTo(11.0); // HIGH 7 + MEDIUM 4
    }

    @Test
    void slaBreachesAndBusinessContext() {
        SlaTable sla = SlaTable.defaults().with(Map.of(Severity.MEDIUM, 10));
        KpiCalculator calc = new KpiCalculator(sla, 4, new BusinessContext(true, false, Map.of()));
        Kpis k = calc.compute(history(), null, current(), day(14));
        assertThat(k.slaBreaches()).singleElement().isEqualTo(new SlaBreach(F3, "js/xss in src/app.js", "CodeQL",
                Severity.MEDIUM, 336, 240));
        assertThat(k.coverage().get(EvidenceKind.SCA)).isEqualTo(new Coverage(4, 3));
        // (HIGH 7 + MEDIUM 4 × 2 overdue) × 1.5 external-facing
        assertThat(k.riskScore()).isEqualTo(22.5);
        assertThat(k.multiplier()).isEqualTo(1.5);

        Policy policy = Policy.builder().regression(false).sla(true).minCoverage(EvidenceKind.SCA, 80)
                .maxMttrDays(Severity.HIGH, 7).maxMttrDays(Severity.CRITICAL, 7).build();
        GateResult gate = Gate.evaluate(policy, current(), null, k);
        assertThat(gate.checks()).containsExactly(
                new RuleCheck("sla", Outcome.UNSTABLE, "1 finding past its SLA: js/xss in src/app.js (MEDIUM, open "
                        + "14 days, SLA 10 days)"),
                new RuleCheck("coverage:SCA", Outcome.UNSTABLE,
                        "SCA evidence in 75% of the last 4 builds (3), minimum 80%"),
                new RuleCheck("mttr:high", Outcome.UNSTABLE,
                        "Mean time to remediate HIGH findings is 10 days over 1 remediated, ceiling 7.0 days"),
                new RuleCheck("mttr:critical", Outcome.PASS,
                        "Mean time to remediate CRITICAL findings is 2.0 days over 1 remediated, ceiling 7.0 days"));
    }

    @Test
    void aRenamedFileIsFixedAndNewUnlessTheToolFingerprintsFindings() {
        long before = FindingIdentity.of("js/xss", "src/app.js", 1);
        long after = FindingIdentity.of("js/xss", "src/main.js", 1);
        FindingSnapshot b1 = snapshot("#1", 0, List.of("codeql"), EnumSet.of(EvidenceKind.SAST),
                f(before, Severity.MEDIUM, "codeql"));
        FindingSnapshot b2 = snapshot("#2", 1, List.of("codeql"), EnumSet.of(EvidenceKind.SAST),
                f(after, Severity.MEDIUM, "codeql"));
        FindingChanges c = KpiCalculator.changes(b1, b2);
        assertThat(c.fixed().total()).isEqualTo(1);
        assertThat(c.added().total()).isEqualTo(1);

        long fingerprint = FindingIdentity.ofFingerprint("CodeQL", "js/xss|primaryLocationLineHash=1a2b:1;");
        FindingSnapshot f1 = snapshot("#1", 0, List.of("codeql"), EnumSet.of(EvidenceKind.SAST),
                f(fingerprint, Severity.MEDIUM, "codeql"));
        FindingSnapshot f2 = snapshot("#2", 1, List.of("codeql"), EnumSet.of(EvidenceKind.SAST),
                f(fingerprint, Severity.MEDIUM, "codeql"));
        FindingChanges same = KpiCalculator.changes(f1, f2);
        assertThat(same.outstanding().total()).isEqualTo(1);
        assertThat(same.fixed().total()).isZero();
    }

    @Test
    void findingsOfAScannerThatDidNotRunAreNotRescannedNotFixed() {
        FindingSnapshot b1 = snapshot("#1", 0, BOTH, BOTH_KINDS, f(F1, Severity.HIGH, "trivy"));
        FindingSnapshot b2 = snapshot("#2", 1, List.of("codeql"), EnumSet.of(EvidenceKind.SAST));
        FindingChanges c = KpiCalculator.changes(b1, b2);
        assertThat(c.fixed()).isEqualTo(SeverityCounts.NONE);
        assertThat(c.notRescanned()).isEqualTo(SeverityCounts.of(0, 1, 0, 0, 0, 0));
    }

    @Test
    void snapshotsRoundTripThroughTheirCompactEncoding() {
        FindingSnapshot s = snapshot("#1", 0, BOTH, BOTH_KINDS, f(-5, Severity.HIGH, "trivy"),
                f(Long.MAX_VALUE, Severity.UNKNOWN, "codeql"));
        String data = SnapshotCodec.encode(s);
        assertThat(data).hasSize(28); // 20 bytes in base64
        FindingSnapshot back = SnapshotCodec.decode("#1", s.time(), data, s.scanners(), s.kinds(), true);
        assertThat(back.id(0)).isEqualTo(-5);
        assertThat(back.severity(1)).isEqualTo(Severity.UNKNOWN);
        assertThat(back.scanners().get(back.scannerOf(1))).isEqualTo("codeql");
    }

    @Test
    void aFindingBeyondTheKeptScannersHasNoScanner() {
        FindingSnapshot s = new FindingSnapshot("#1", Instant.EPOCH, new long[] {1, 2}, new byte[] {0, 1},
                new byte[] {0, 126}, List.of("trivy"), Set.of(), true);
        assertThat(s.scanner(0)).isEqualTo("trivy");
        assertThat(s.scanner(1)).isEmpty();
    }

    @Test
    void largeHistoriesAreHandledWithoutBoxingEveryFinding() {
        // 200 builds of 2,000 findings, 1% fixed and 1% new per build: a smoke test of the data structures
        List<FindingSnapshot> big = new ArrayList<>();
        long nextId = 1;
        List<Long> open = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            open.add(nextId++);
        }
        for (int b = 0; b < 200; b++) {
            for (int x = 0; x < 20; x++) {
                open.remove(0);
                open.add(nextId++);
            }
            F[] fs = open.stream().map(id -> f(id, Severity.values()[(int) (id % 4)], "trivy")).toArray(F[]::new);
            big.add(snapshot("#" + b, b, List.of("trivy"), EnumSet.of(EvidenceKind.SCA), fs));
        }
        Kpis k = new KpiCalculator(SlaTable.defaults(), 30, BusinessContext.none()).compute(big, null, current(),
                day(200));
        int remediated = k.remediation().values().stream().mapToInt(Stats::count).sum();
        assertThat(remediated).isEqualTo(199 * 20);
        assertThat(k.changes().added().total()).isEqualTo(20);
        assertThat(k.changes().fixed().total()).isEqualTo(20);
        assertThat(Duration.ofHours((long) k.remediation().get(Severity.LOW).mean()).toDays()).isPositive();
    }
}
