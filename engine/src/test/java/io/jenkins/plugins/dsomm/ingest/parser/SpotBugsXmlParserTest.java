package io.jenkins.plugins.dsomm.ingest.parser;

import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
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
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The main fixture is the real output of spotbugs-maven-plugin 4.8.6 with FindSecBugs 1.13.0 (pattern texts cut). */
class SpotBugsXmlParserTest extends AbstractParserTest {
    @Override
    protected ReportParser parser() {
        return new SpotBugsXmlParser();
    }

    @Override
    protected String fixture() {
        return "spotbugs-xml/spotbugs-4.8.6-findsecbugs.xml";
    }

    @Override
    protected void assertFixture(final Evidence evidence) {
        assertThat(evidence.tool()).isEqualTo("SpotBugs");
        assertThat(evidence.toolVersion()).isEqualTo("4.8.6");
        assertThat(evidence.kinds()).containsExactly(EvidenceKind.SAST);
        // priority 1: default encoding, SQL non-constant string, MD5; priority 2: five; priority 3: useless method
        assertThat(evidence.open()).isEqualTo(SeverityCounts.of(0, 3, 5, 1, 0, 0));
        assertThat(evidence.suppressed()).isZero();
        assertThat(evidence.producedAt()).isEqualTo(Instant.ofEpochMilli(1795373035434L));
        assertThat(evidence.facets()).contains("language:java");
        Finding first = evidence.findings().get(0);
        assertThat(first.rule()).isEqualTo("DM_DEFAULT_ENCODING");
        assertThat(first.title()).isEqualTo("Reliance on default encoding");
        assertThat(first.location()).isEqualTo("demo/Accounts.java");
        assertThat(first.severity()).isEqualTo(Severity.HIGH);
        assertThat(first.id()).isEqualTo(FindingIdentity.ofFingerprint("SpotBugs",
                "DM_DEFAULT_ENCODING|25a0d5c355daab1f1314c7d68306f2c:0"));
        assertThat(evidence.findings()).extracting(Finding::rule)
                .contains("SQL_INJECTION_JDBC", "WEAK_MESSAGE_DIGEST_MD5", "NP_NULL_ON_SOME_PATH");
        assertThat(evidence.findings()).filteredOn(f -> f.rule().equals("UC_USELESS_VOID_METHOD"))
                .singleElement().satisfies(f -> {
                    assertThat(f.location()).isEqualTo("demo/Legacy.java");
                    assertThat(f.severity()).isEqualTo(Severity.LOW);
                });
    }

    @Test
    void shouldReadFindBugsHistoryWithGoneAndUserClassifiedBugs() throws ParseException {
        Evidence e = parse("spotbugs-xml/findbugs-3.0.1-history.xml");
        assertThat(e.tool()).isEqualTo("FindBugs");
        assertThat(e.toolVersion()).isEqualTo("3.0.1");
        // priority 1 open; "last" set: gone; NOT_A_BUG: suppressed; priority 4: unknown
        assertThat(e.open()).isEqualTo(SeverityCounts.of(0, 1, 0, 0, 0, 1));
        assertThat(e.suppressed()).isEqualTo(1);
        assertThat(e.producedAt()).isEqualTo(Instant.ofEpochMilli(1451610000000L));
        assertThat(e.findings().get(0).location()).isEqualTo("org/example/legacy/Repository.java");
        assertThat(e.findings().get(0).id())
                .isEqualTo(FindingIdentity.of("SQL_NONCONSTANT_STRING_PASSED_TO_EXECUTE",
                        "org/example/legacy/Repository.java", 1));
        assertThat(e.findings().get(1).location()).isEqualTo("org/example/legacy/Session.java");
    }

    @Test
    void shouldReadTheMavenPluginsSpotbugsXml() throws ParseException {
        // real output of spotbugs-maven-plugin 4.8.6.6 (spotbugs goal, xmlOutput) with FindSecBugs 1.13.0
        Evidence e = parse("spotbugs-xml/spotbugs-maven-plugin-4.8.6.6.xml");
        assertThat(e.tool()).isEqualTo("SpotBugs");
        assertThat(e.toolVersion()).isEqualTo("4.8.6");
        assertThat(e.open()).isEqualTo(SeverityCounts.of(0, 6, 5, 1, 0, 0));
        assertThat(e.findings()).hasSize(12);
        Finding md5 = e.findings().stream().filter(f -> f.rule().equals("WEAK_MESSAGE_DIGEST_MD5")).findFirst()
                .orElseThrow();
        assertThat(md5.location()).isEqualTo("com/example/Store.java");
        assertThat(md5.title()).isEqualTo("This API MD5 (MDX) is not a recommended cryptographic hash function");
        assertThat(md5.severity()).isEqualTo(Severity.HIGH);
        assertThat(md5.id()).isEqualTo(FindingIdentity.of("WEAK_MESSAGE_DIGEST_MD5", "com/example/Store.java", 1));
        assertThat(e.findings()).filteredOn(f -> f.rule().equals("DM_DEFAULT_ENCODING")).extracting(Finding::id)
                .containsExactly(FindingIdentity.of("DM_DEFAULT_ENCODING", "com/example/Store.java", 1),
                        FindingIdentity.of("DM_DEFAULT_ENCODING", "com/example/Store.java", 2));
        assertThat(e.findings()).filteredOn(f -> f.rule().equals("EC_NULL_ARG")).singleElement()
                .satisfies(f -> assertThat(f.location()).isEqualTo("com/example/Store.java"));
    }

    @Test
    void shouldRefuseBugInstancesWhereItDoesNotReadThem() {
        String report = "<BugCollection version='4.8.6'><Project/><Bugs>\n<BugInstance type='X' priority='1'/>"
                + "</Bugs></BugCollection>";
        assertThatThrownBy(() -> parseBytes("odd.xml", report.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ParseException.class)
                .hasMessage("odd.xml (spotbugs-xml): <BugInstance> elements inside <Bugs>, which DSOMM Gate does not "
                        + "read: refused rather than reporting fewer findings than the report holds at line 1, column "
                        + "48");
        String inFile = "<BugCollection version='4.8.6'><file classname='a.B'><group><BugInstance type='X' "
                + "priority='High'/></group></file></BugCollection>";
        assertThatThrownBy(() -> parseBytes("odd.xml", inFile.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ParseException.class).hasMessageContaining("<BugInstance> elements inside <group>");
    }

    @Test
    void shouldNotClaimOtherXml() {
        byte[] pmd = "<pmd version=\"7.0.0\"><file name=\"a.java\"/></pmd>".getBytes(StandardCharsets.UTF_8);
        assertThat(parser().detect(Sniff.of("a.xml", pmd))).isEqualTo(ReportParser.NO);
        assertThat(ParserRegistry.defaults().detect(Sniff.of("bugs.xml",
                "<BugCollection><BugInstance type=\"X\" priority=\"1\"/></BugCollection>".getBytes(StandardCharsets.UTF_8))))
                .hasValueSatisfying(p -> assertThat(p.id()).isEqualTo("spotbugs-xml"));
    }

    @Test
    void shouldRejectAnotherRootAndEntities() {
        assertThatThrownBy(() -> parseBytes("x.xml", "<pmd/>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ParseException.class)
                .hasMessage("x.xml (spotbugs-xml): not a SpotBugs report: the root element is <pmd> at line 1, column 7");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE b [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<BugCollection version=\"4.8.6\"><BugInstance type=\"T\" priority=\"1\"><ShortMessage>&x;</ShortMessage>"
                + "</BugInstance></BugCollection>";
        assertThatThrownBy(() -> parseBytes("xxe.xml", xxe.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("XXE protection");
    }
}
