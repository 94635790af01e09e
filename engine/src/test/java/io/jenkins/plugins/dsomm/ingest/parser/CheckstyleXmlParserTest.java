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
import io.jenkins.plugins.dsomm.ingest.ParserRegistry;
import io.jenkins.plugins.dsomm.ingest.ReportParser;
import io.jenkins.plugins.dsomm.ingest.Sniff;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The main fixture is the real output of Checkstyle 10.20.1 (maven-checkstyle-plugin) with error, warning and info
 * checks; the ShellCheck fixture is the real output of {@code shellcheck -f checkstyle} 0.9.0.
 */
class CheckstyleXmlParserTest extends AbstractParserTest {
    @Override
    protected ReportParser parser() {
        return new CheckstyleXmlParser();
    }

    @Override
    protected String fixture() {
        return "checkstyle-xml/checkstyle-10.20.1.xml";
    }

    @Override
    protected void assertFixture(final Evidence evidence) {
        assertThat(evidence.tool()).isEqualTo("Checkstyle");
        assertThat(evidence.toolVersion()).isEqualTo("10.20.1");
        assertThat(evidence.kinds()).containsExactly(EvidenceKind.LINT);
        assertThat(evidence.open()).isEqualTo(SeverityCounts.of(0, 1, 11, 0, 1, 0));
        assertThat(evidence.suppressed()).isZero();
        assertThat(evidence.facets()).contains("language:java");
        Finding first = evidence.findings().get(0);
        assertThat(first.rule()).isEqualTo("com.puppycrawl.tools.checkstyle.checks.coding.MagicNumberCheck");
        assertThat(first.title()).isEqualTo("'3' is a magic number.");
        assertThat(first.location()).isEqualTo("/tmp/d-java/src/main/java/demo/Legacy.java");
        assertThat(first.severity()).isEqualTo(Severity.INFO);
        assertThat(evidence.findings().get(1).severity()).isEqualTo(Severity.HIGH);
    }

    @Test
    void shouldInferShellCheck() throws ParseException {
        Evidence e = parse("checkstyle-xml/shellcheck-0.9.0.xml");
        assertThat(e.tool()).isEqualTo("ShellCheck");
        assertThat(e.toolVersion()).isEmpty();
        assertThat(e.kinds()).containsExactly(EvidenceKind.LINT);
        // SC2045 error; SC2164, SC2034 warning; SC2086 (3), SC2006, SC2162 info (ShellCheck writes style as info)
        assertThat(e.open()).isEqualTo(SeverityCounts.of(0, 1, 2, 0, 5, 0));
        assertThat(e.findings().get(0).rule()).isEqualTo("SC2086");
        assertThat(e.findings().get(0).location()).isEqualTo("deploy.sh");
        assertThat(e.facets()).contains("language:shell");
    }

    @Test
    void shouldInferEslintAndItsSecurityPlugin() throws ParseException {
        Evidence e = parse("checkstyle-xml/eslint-security.xml");
        assertThat(e.tool()).isEqualTo("ESLint");
        assertThat(e.toolVersion()).isEmpty();
        assertThat(e.kinds()).containsExactlyInAnyOrder(EvidenceKind.LINT, EvidenceKind.SAST);
        assertThat(e.open()).isEqualTo(SeverityCounts.of(0, 2, 1, 0, 0, 0));
        assertThat(e.findings().get(0).rule()).isEqualTo("security/detect-non-literal-regexp");
        assertThat(e.findings().get(2).rule()).isEmpty();
        assertThat(e.findings().get(2).title()).isEqualTo("Parsing error: Unexpected token");
        assertThat(e.facets()).contains(Facets.LANGUAGE_JAVASCRIPT);
    }

    @Test
    void shouldInferHadolintAsInfrastructureScan() throws ParseException {
        Evidence e = parse("checkstyle-xml/hadolint-2.12.xml");
        assertThat(e.tool()).isEqualTo("Hadolint");
        assertThat(e.kinds()).containsExactly(EvidenceKind.IAC);
        // DL3020 error, DL3006 warning, DL3009 info, SC2086 style (no PRODUCT.md word: UNKNOWN); DL3002 ignore
        assertThat(e.open()).isEqualTo(SeverityCounts.of(0, 1, 1, 0, 1, 1));
        assertThat(e.suppressed()).isEqualTo(1);
        assertThat(e.facets()).contains(Facets.TARGET_DOCKERFILE);
        assertThat(e.findings().get(0).id()).isEqualTo(FindingIdentity.of("DL3006", "docker/Dockerfile", 1));
    }

    @Test
    void shouldReadAnEmptyReportAsCheckstyleLint() throws ParseException {
        byte[] xml = "<?xml version=\"1.0\"?><checkstyle version=\"4.3\"></checkstyle>".getBytes(StandardCharsets.UTF_8);
        assertThat(ParserRegistry.defaults().detect(Sniff.of("x", xml)))
                .hasValueSatisfying(p -> assertThat(p.id()).isEqualTo("checkstyle-xml"));
        Evidence e = parseBytes("empty.xml", xml);
        assertThat(e.tool()).isEqualTo("Checkstyle");
        assertThat(e.toolVersion()).isEmpty();
        assertThat(e.kinds()).containsExactly(EvidenceKind.LINT);
        assertThat(e.open().total()).isZero();
    }

    @Test
    void shouldRejectAnotherRoot() {
        assertThatThrownBy(() -> parseBytes("x.xml", "<testsuite/>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ParseException.class)
                .hasMessageStartingWith("x.xml (checkstyle-xml): not a Checkstyle report: the root element is <testsuite>");
    }
}
