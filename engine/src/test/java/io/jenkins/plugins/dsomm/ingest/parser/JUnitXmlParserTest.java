package io.jenkins.plugins.dsomm.ingest.parser;

import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
import io.jenkins.plugins.dsomm.evidence.Facets;
import io.jenkins.plugins.dsomm.evidence.Finding;
import io.jenkins.plugins.dsomm.evidence.FindingIdentity;
import io.jenkins.plugins.dsomm.evidence.Severity;
import io.jenkins.plugins.dsomm.evidence.SeverityCounts;
import io.jenkins.plugins.dsomm.ingest.AbstractParserTest;
import io.jenkins.plugins.dsomm.ingest.ParseException;
import io.jenkins.plugins.dsomm.ingest.ReportParser;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The main fixture is the real output of maven-surefire-plugin 3.5.2 (one failure, one error, one skipped test;
 * properties and stack traces cut); the Trivy fixtures follow its {@code contrib/junit.tpl} templates, the Gitleaks
 * one its JUnit encoder.
 */
class JUnitXmlParserTest extends AbstractParserTest {
    @Override
    protected ReportParser parser() {
        return new JUnitXmlParser();
    }

    @Override
    protected String fixture() {
        return "junit-xml/surefire-3.5.2.xml";
    }

    @Override
    protected void assertFixture(final Evidence evidence) {
        assertThat(evidence.tool()).isEqualTo("Maven Surefire");
        assertThat(evidence.toolVersion()).isEmpty();
        assertThat(evidence.kinds()).containsExactly(EvidenceKind.TEST);
        assertThat(evidence.open().total()).isZero(); // failing tests are not findings
        assertThat(evidence.suppressed()).isZero();
        assertThat(evidence.findings()).isEmpty();
    }

    @Test
    void shouldReadTrivyTemplateFindingsByKind() throws ParseException {
        Evidence e = parse("junit-xml/trivy-template.xml");
        assertThat(e.tool()).isEqualTo("Trivy");
        assertThat(e.kinds()).containsExactlyInAnyOrder(EvidenceKind.SCA, EvidenceKind.CONTAINER, EvidenceKind.IAC,
                EvidenceKind.LICENSE, EvidenceKind.SECRETS);
        // critical: CVE-2024-0001, AWS key; high: zlib, DS002, GPL licence; medium: lodash; low: glibc;
        // unknown: GHSA; the passing DS026 check is no finding
        assertThat(e.open()).isEqualTo(SeverityCounts.of(2, 3, 1, 1, 0, 1));
        assertThat(e.facets()).contains("ecosystem:deb", Facets.ECOSYSTEM_NPM, Facets.TARGET_DOCKERFILE);
        Finding first = e.findings().get(0);
        assertThat(first.rule()).isEqualTo("CVE-2024-0001");
        assertThat(first.location()).isEqualTo("libssl3");
        assertThat(first.title()).isEqualTo("openssl: example flaw in certificate parsing");
        assertThat(first.id()).isEqualTo(FindingIdentity.of("CVE-2024-0001", "libssl3", 1));
        assertThat(e.findings().get(1).location()).isEqualTo("zlib1g");
        assertThat(e.findings()).filteredOn(f -> f.rule().equals("DS002")).singleElement()
                .satisfies(f -> assertThat(f.location()).isEqualTo("Dockerfile"));
        assertThat(e.findings()).filteredOn(f -> f.rule().equals("aws-access-key-id")).singleElement()
                .satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
                    assertThat(f.location()).isEqualTo("/app/.env");
                });
        assertThat(e.findings()).filteredOn(f -> f.rule().equals("GPL-3.0-only")).singleElement()
                .satisfies(f -> assertThat(f.location()).isEqualTo("libgcrypt20"));
    }

    @Test
    void shouldReadTheOldTrivyTemplateWithSeverityFailures() throws ParseException {
        Evidence e = parse("junit-xml/trivy-old-template.xml");
        assertThat(e.tool()).isEqualTo("Trivy");
        assertThat(e.kinds()).containsExactlyInAnyOrder(EvidenceKind.SCA, EvidenceKind.CONTAINER);
        assertThat(e.open()).isEqualTo(SeverityCounts.of(0, 1, 1, 0, 0, 0));
        assertThat(e.findings().get(0).rule()).isEqualTo("CVE-2019-14697");
        assertThat(e.findings().get(0).location()).isEqualTo("musl");
        assertThat(e.facets()).contains("ecosystem:apk");
    }

    @Test
    void shouldReadGitleaksFindingsAsSecrets() throws ParseException {
        Evidence e = parse("junit-xml/gitleaks-8.xml");
        assertThat(e.tool()).isEqualTo("Gitleaks");
        assertThat(e.kinds()).containsExactly(EvidenceKind.SECRETS);
        assertThat(e.open()).isEqualTo(SeverityCounts.of(0, 0, 0, 0, 0, 2));
        Finding first = e.findings().get(0);
        assertThat(first.rule()).isEqualTo("aws-access-token");
        assertThat(first.location()).isEqualTo("deploy/settings.py");
        assertThat(first.title()).isEqualTo("AWS Access Key");
        assertThat(first.id()).isEqualTo(FindingIdentity.ofFingerprint("Gitleaks",
                "6f1d2c3a:deploy/settings.py:aws-access-token:4"));
        Finding second = e.findings().get(1);
        assertThat(second.rule()).isEqualTo("generic-api-key");
        assertThat(second.location()).isEqualTo("web/app.js");
    }

    @Test
    void shouldReadBurpDastardlyIssuesAsDastFindings() throws ParseException {
        Evidence e = parse("junit-xml/burp-dastardly.xml");
        assertThat(e.tool()).isEqualTo("Burp Dastardly");
        assertThat(e.kinds()).containsExactly(EvidenceKind.DAST);
        assertThat(e.open()).isEqualTo(SeverityCounts.of(0, 2, 0, 1, 0, 0));
        assertThat(e.findings()).extracting(Finding::rule, Finding::location).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Cross-site scripting (reflected)", "https://shop.example.test/search"),
                org.assertj.core.groups.Tuple.tuple("Cross-site scripting (reflected)",
                        "https://shop.example.test/account/newsletter"),
                org.assertj.core.groups.Tuple.tuple("Vulnerable JavaScript dependency",
                        "https://shop.example.test/static/app.js"));
        assertThat(e.findings().get(0).title())
                .isEqualTo("Cross-site scripting (reflected) found at https://shop.example.test/search");
        String clean = "<testsuites failures=\"0\" name=\"Dastardly scan results - have a vulnerability-free day!\" "
                + "tests=\"1\"><testsuite failures=\"0\" name=\"https://a.test:443/\" tests=\"1\"><testcase "
                + "name=\"No issues were identified\"/></testsuite></testsuites>";
        Evidence none = parseBytes("clean.xml", clean.getBytes(StandardCharsets.UTF_8));
        assertThat(none.kinds()).containsExactly(EvidenceKind.DAST);
        assertThat(none.open().total()).isZero();
    }

    @Test
    void shouldReadNestedSuitesAndTheirTimestamp() throws ParseException {
        String xml = """
                <testsuites name="jest tests" tests="3" failures="1">
                  <testsuite name="outer" timestamp="2024-01-02T03:04:05">
                    <testsuite name="inner">
                      <testcase classname="a" name="[HIGH] looks like Trivy but is not"><failure message="boom"/></testcase>
                      <testcase classname="a" name="b"><skipped/></testcase>
                    </testsuite>
                    <testcase classname="c" name="d"><error type="Error">stack</error></testcase>
                  </testsuite>
                </testsuites>
                """;
        Evidence e = parseBytes("jest.xml", xml.getBytes(StandardCharsets.UTF_8));
        assertThat(e.tool()).isEqualTo("JUnit");
        assertThat(e.kinds()).containsExactly(EvidenceKind.TEST);
        assertThat(e.open().total()).isZero();
        assertThat(e.producedAt()).isEqualTo(Instant.parse("2024-01-02T03:04:05Z"));
    }

    @Test
    void shouldRejectAnotherRoot() {
        assertThatThrownBy(() -> parseBytes("x.xml", "<checkstyle/>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ParseException.class)
                .hasMessageStartingWith("x.xml (junit-xml): not a JUnit report: the root element is <checkstyle>");
    }

    @Test
    void shouldSplitTrivyPackageNames() {
        assertThat(JUnitXmlParser.packageName("libcrypto1.1-1.1.1c-r0")).isEqualTo("libcrypto1.1");
        assertThat(JUnitXmlParser.packageName("python-dateutil-2.8.0")).isEqualTo("python-dateutil");
        assertThat(JUnitXmlParser.packageName("golang.org/x/net-v0.0.0-20200202094626-16171245cfb2"))
                .isEqualTo("golang.org/x/net");
        assertThat(JUnitXmlParser.packageName("noversion")).isEqualTo("noversion");
    }
}
