package io.jenkins.plugins.dsomm.attest;

import io.jenkins.plugins.dsomm.catalog.CatalogLoader;
import io.jenkins.plugins.dsomm.evidence.Finding;
import io.jenkins.plugins.dsomm.evidence.FindingIdentity;
import io.jenkins.plugins.dsomm.evidence.Severity;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeclarationsLoaderTest {
    private static final DeclarationsLoader LOADER = new DeclarationsLoader(CatalogLoader.bundled());

    private static Declarations parse(final String yaml) throws IOException {
        return LOADER.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), ".dsomm.yml");
    }

    @Test
    void readsAttestationsDeclarationsAndWaivers() throws IOException {
        Declarations d = parse("""
                version: 1
                team: Payments
                attestations:
                  - activity: Conduction of simple threat modeling on technical level
                    by: alice@example.com
                    date: 2026-09-01
                    evidence: https://wiki.example.com/threat-model
                  - activity: 2858ac12-0179-40d9-9acf-1b839c030473
                    by: bob
                    date: 2026-09-01
                    expires: 2026-12-01
                notApplicable:
                  - activity: Simple Scan
                    reason: a library without a web interface
                waivers:
                  - activity: Treatment of defects with medium severity
                    reason: migration in progress
                    expires: 2026-12-31
                  - finding: CVE-2021-44228
                    location: org.apache.logging.log4j/log4j-core
                    reason: not reachable, see JIRA-42
                    by: carol
                    expires: 2027-01-31
                  - finding: id:00000000000000ff
                    reason: false positive
                    expires: 2027-01-31
                """);
        assertThat(d.team()).isEqualTo("Payments");
        assertThat(d.attestations()).hasSize(2);
        Attestation a = d.attestations().get(0);
        assertThat(a.by()).isEqualTo("alice@example.com");
        assertThat(a.expires()).isEqualTo(LocalDate.parse("2027-09-01")); // one year by default
        assertThat(a.link()).isEqualTo("https://wiki.example.com/threat-model");
        assertThat(d.attestations().get(1).expires()).isEqualTo(LocalDate.parse("2026-12-01"));
        assertThat(d.notApplicable()).singleElement().satisfies(n -> {
            assertThat(n.activity()).isEqualTo("07796811-37f9-467c-9ff2-48f346e77ff3");
            assertThat(n.expires()).isNull();
        });
        assertThat(d.waivers()).hasSize(3);
        Waiver log4j = d.waivers().get(1);
        assertThat(log4j.covers(new Finding(1, Severity.CRITICAL, "CVE-2021-44228", "",
                "org.apache.logging.log4j/log4j-core"))).isTrue();
        assertThat(log4j.covers(new Finding(1, Severity.CRITICAL, "CVE-2021-44228", "", "other/lib"))).isFalse();
        assertThat(d.waivers().get(2).covers(new Finding(255, Severity.LOW, "x", "", ""))).isTrue();
        assertThat(d.waivers().get(2).subject()).isEqualTo("finding id:" + FindingIdentity.toHex(255));
    }

    @Test
    void readsScopeAndTargets() throws IOException {
        Declarations d = parse("""
                outOfScope:
                  - dimension: Culture and Organization
                    reason: the central security team assesses it
                    by: alice@example.com
                    date: 2026-09-01
                  - dimension: Implementation
                    subDimension: Infrastructure Hardening
                    reason: the platform team's
                  - activity: Simple Scan
                    reason: no web interface
                    expires: 2027-01-31
                targets:
                  overall: 1
                  Test and Verification: 2
                  Implementation/Development and Source Control: 3
                """);
        assertThat(d.outOfScope()).containsExactly(
                new OutOfScope("Culture and Organization", null, null, "the central security team assesses it",
                        "alice@example.com", LocalDate.parse("2026-09-01"), null),
                new OutOfScope("Implementation", "Infrastructure Hardening", null, "the platform team's", "", null,
                        null),
                new OutOfScope(null, null, "07796811-37f9-467c-9ff2-48f346e77ff3", "no web interface", "", null,
                        LocalDate.parse("2027-01-31")));
        assertThat(d.outOfScope().get(1).covers("Implementation", "Infrastructure Hardening", "x")).isTrue();
        assertThat(d.outOfScope().get(1).covers("Implementation", "Application Hardening", "x")).isFalse();
        assertThat(d.outOfScope().get(0).sentence()).isEqualTo("out of scope: the central security team assesses it "
                + "(by alice@example.com on 2026-09-01)");
        assertThat(d.targets().asMap()).containsExactly(Map.entry("overall", 1), Map.entry("Test and Verification", 2),
                Map.entry("Implementation / Development and Source Control", 3));
        assertThat(d.targets().of("Implementation", "Development and Source Control")).isEqualTo(3);
        assertThat(d.targets().of("Implementation", "Application Hardening")).isEqualTo(1);
        assertThat(d.targets().of("Test and Verification", "Consolidation")).isEqualTo(2);
    }

    @Test
    void validityRespectsDateAndExpiry() throws IOException {
        Attestation a = parse("""
                attestations:
                  - {activity: Simple Scan, by: x, date: 2026-09-01, expires: 2026-10-01}
                """).attestations().get(0);
        assertThat(a.validity(LocalDate.parse("2026-08-31"))).isEqualTo(Validity.NOT_YET);
        assertThat(a.validity(LocalDate.parse("2026-10-01"))).isEqualTo(Validity.VALID);
        assertThat(a.validity(LocalDate.parse("2026-10-02"))).isEqualTo(Validity.EXPIRED);
    }

    @Test
    void missingFileDeclaresNothingAndEmptyFileToo() throws IOException {
        assertThat(LOADER.load(Path.of("does/not/exist/.dsomm.yml"))).isEqualTo(Declarations.none());
        assertThat(parse("").attestations()).isEmpty();
        // keys whose entries are all commented out (as dsomm-gate init writes them) declare nothing
        Declarations commented = parse("version: 1\nattestations:\n  # - activity: Simple Scan\n  #   by:\n"
                + "targets:\n  # overall: 1\noutOfScope:\n");
        assertThat(commented.attestations()).isEmpty();
        assertThat(commented.targets().isEmpty()).isTrue();
        assertThat(commented.outOfScope()).isEmpty();
    }

    @Test
    void errorsNameTheFileTheEntryAndTheField() {
        assertError("attestations:\n  - {activity: Simple Scan, date: 2026-01-01}",
                ".dsomm.yml: attestations[1]: 'by' is missing");
        assertError("attestations:\n  - {activity: Simple Scan, by: x}",
                ".dsomm.yml: attestations[1]: 'date' is missing (YYYY-MM-DD)");
        assertError("attestations:\n  - {activity: Simple Scan, by: x, date: 01.02.2026}",
                ".dsomm.yml: attestations[1]: 'date' is not a date (YYYY-MM-DD): 01.02.2026");
        assertError("attestations:\n  - {activity: Fly to the moon, by: x, date: 2026-01-01}",
                ".dsomm.yml: attestations[1]: activity 'Fly to the moon' is not in DSOMM 4.3.1 (give its uuid or exact name)");
        assertError("waivers:\n  - {finding: CVE-1, reason: r}", ".dsomm.yml: waivers[1]: 'expires' is missing (YYYY-MM-DD)");
        assertError("waivers:\n  - {finding: CVE-1, activity: Simple Scan, reason: r, expires: 2027-01-01}",
                ".dsomm.yml: waivers[1]: give either 'activity' or 'finding'");
        assertError("waivers:\n  - {finding: 'id:xyz', reason: r, expires: 2027-01-01}",
                ".dsomm.yml: waivers[1]: 'finding: id:' needs 16 hex digits: id:xyz");
        assertError("attestations:\n  - {activity: Simple Scan, by: x, date: 2026-05-01, expires: 2026-04-01}",
                ".dsomm.yml: attestations[1]: 'expires' (2026-04-01) is before 'date' (2026-05-01)");
        assertError("attestation: []", ".dsomm.yml: the file: unknown key 'attestation' (allowed: attestations, "
                + "businessContext, notApplicable, outOfScope, targets, team, version, waivers)");
        assertError("outOfScope:\n  - {dimension: Culture and Organization}",
                ".dsomm.yml: outOfScope[1]: 'reason' is missing");
        assertError("outOfScope:\n  - {subDimension: Design, reason: r}",
                ".dsomm.yml: outOfScope[1]: give either 'activity' or 'dimension' (with 'subDimension' for a "
                        + "sub-dimension)");
        assertError("outOfScope:\n  - {activity: Simple Scan, dimension: Implementation, reason: r}",
                ".dsomm.yml: outOfScope[1]: give either 'activity' or 'dimension'");
        assertError("outOfScope:\n  - {dimension: Culture, reason: r}", ".dsomm.yml: outOfScope[1]: dimension "
                + "'Culture' is not in DSOMM 4.3.1 (Build and Deployment, Culture and Organization, Implementation, "
                + "Information Gathering, Test and Verification)");
        assertError("outOfScope:\n  - {dimension: Implementation, subDimension: Design, reason: r}",
                ".dsomm.yml: outOfScope[1]: 'Implementation' has no sub-dimension 'Design' in DSOMM 4.3.1 "
                        + "(Application Hardening, Development and Source Control, Infrastructure Hardening)");
        assertError("targets: [2]", ".dsomm.yml: 'targets' must be a map of overall, a dimension or 'dimension / "
                + "sub-dimension' to a level 0 to 5");
        assertError("targets: {overall: 6}", ".dsomm.yml: targets: 'overall' must be a level 0 to 5: 6");
        assertError("targets: {Implementation: high}", ".dsomm.yml: targets: 'Implementation' must be a level 0 to "
                + "5: high");
        assertError("targets: {Culture: 2, Implementation / Design: 1}", ".dsomm.yml: targets: not in DSOMM 4.3.1: "
                + "Culture, Implementation / Design (name a dimension, or 'dimension / sub-dimension'; dimensions: ");
        assertError("attestations: {activity: x}", ".dsomm.yml: 'attestations' must be a list");
        assertError("a: [", ".dsomm.yml: not valid YAML at line 1: ");
    }

    private static void assertError(final String yaml, final String message) {
        assertThatThrownBy(() -> parse(yaml)).isInstanceOf(DeclarationsException.class).hasMessageStartingWith(message);
    }
}
