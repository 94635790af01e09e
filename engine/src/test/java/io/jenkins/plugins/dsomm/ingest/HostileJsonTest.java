package io.jenkins.plugins.dsomm.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.evidence.Finding;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile JSON against every JSON parser (deep nesting, huge numbers, strings and keys, duplicate keys), and
 * hostile bytes against every parser (invalid UTF-8, NUL bytes, byte order marks): each input is either refused
 * with a parse error that names the file, the format and the problem, or read exactly as the report it was made
 * from. Nothing else: no other exception, no changed counts.
 */
class HostileJsonTest {
    /** Read exactly as the plain report. */
    private static final String READ = "read";

    /** The JSON parsers: every registered format of a JSON family (one document, or JSON Lines). */
    private static List<ReportParser> jsonParsers() {
        return ParserRegistry.defaults().all().stream().filter(p -> p.format().family().isJson()).toList();
    }

    /** The hostile-bytes expectations that apply to a format: those of its document family. */
    private static String kind(final ReportParser parser) {
        return switch (parser.format().family()) {
            case XML -> "xml";
            case TEXT -> "tag";
            case JSON, JSON_LINES -> "json";
        };
    }

    static byte[] fixture(final String format) throws IOException, URISyntaxException {
        Path dir = Path.of(HostileJsonTest.class.getResource("/reports/" + format).toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return Files.readAllBytes(files.sorted().findFirst().orElseThrow());
        }
    }

    /** Inserts {@code member} as the first member of the report's first object. */
    private static byte[] member(final byte[] report, final String member) {
        String s = new String(report, StandardCharsets.UTF_8);
        int brace = s.indexOf('{');
        return (s.substring(0, brace + 1) + member + "," + s.substring(brace + 1)).getBytes(StandardCharsets.UTF_8);
    }

    /** The first member of the report's first object, as written: {@code "key": value}. */
    private static String firstMember(final byte[] report) throws IOException {
        try (JsonParser p = new ObjectMapper().getFactory().createParser(report)) {
            while (p.nextToken() != JsonToken.START_OBJECT) {
                // to the first object
            }
            p.nextToken();
            String key = p.currentName();
            p.nextToken();
            return new ObjectMapper().writeValueAsString(key) + ":"
                    + new ObjectMapper().writeValueAsString(new ObjectMapper().readTree(p));
        }
    }

    /** Hostile JSON variants and what must come of them: {@link #READ} or words the parse error must hold. */
    private static Map<String, Object[]> jsonVariants(final byte[] report) throws IOException {
        Map<String, Object[]> v = new LinkedHashMap<>();
        v.put("nesting 501 deep", new Object[] {member(report, "\"dsomm\":" + "[".repeat(501) + "]".repeat(501)),
                "exceeds a safety limit: Document nesting depth (501) exceeds the maximum allowed (500"});
        v.put("nesting 100000 deep", new Object[] {member(report, "\"dsomm\":" + "[".repeat(100_000)
                + "]".repeat(100_000)), "exceeds a safety limit: Document nesting depth (501) exceeds the maximum"});
        v.put("objects nested 100000 deep, unclosed", new Object[] {member(report, "\"dsomm\":"
                + "{\"a\":".repeat(100_000) + "1"), "exceeds a safety limit: Document nesting depth (501)"});
        v.put("number of 2000 digits", new Object[] {member(report, "\"dsomm\":" + "9".repeat(2000)),
                "exceeds a safety limit: Number value length (2000) exceeds the maximum allowed (1000"});
        v.put("number 1e999999", new Object[] {member(report, "\"dsomm\":1e999999"), READ});
        v.put("number -0.0e-999999", new Object[] {member(report, "\"dsomm\":-0.0e-999999"), READ});
        v.put("string of 2 MB", new Object[] {member(report, "\"dsomm\":\"" + "x".repeat(2 << 20) + "\""), READ});
        v.put("key of 100 KB", new Object[] {member(report, "\"" + "k".repeat(100 << 10) + "\":1"),
                "exceeds a safety limit: Name length (102400) exceeds the maximum allowed (65536"});
        v.put("duplicate key", new Object[] {member(report, "\"dsomm\":1,\"dsomm\":2"),
                "the key 'dsomm' appears twice in one object; readers disagree on which value counts, so the report is "
                        + "ambiguous and not read"});
        v.put("duplicate of a key the report has", new Object[] {member(report, firstMember(report)),
                "the key '"});
        v.put("NaN", new Object[] {member(report, "\"dsomm\":NaN"), "invalid JSON: Non-standard token 'NaN'"});
        return v;
    }

    @Test
    void everyJsonParserRefusesOrReadsHostileJsonExactly() throws Exception {
        List<ReportParser> parsers = jsonParsers();
        assertThat(parsers).hasSizeGreaterThanOrEqualTo(22); // ParserRegistryTest: each one's fixtures are JSON
        Map<String, String> results = new TreeMap<>();
        int tried = 0;
        for (ReportParser parser : parsers) {
            byte[] report = fixture(parser.id());
            List<Evidence> plain = parser.parseAll(ReportSource.of("hostile.json", report));
            for (Map.Entry<String, Object[]> variant : jsonVariants(report).entrySet()) {
                tried++;
                String what = parser.id() + " with " + variant.getKey();
                results.put(what, outcome(parser, (byte[]) variant.getValue()[0], plain));
                String expected = (String) variant.getValue()[1];
                if (expected.equals(READ)) {
                    assertThat(results.get(what)).as(what).isEqualTo(READ);
                }
                else {
                    assertThat(results.get(what)).as(what).startsWith("hostile.json (" + parser.id() + "): " + expected);
                }
            }
        }
        assertThat(tried).isEqualTo(parsers.size() * 11);
    }

    /** Hostile bytes against every parser: invalid UTF-8, NUL bytes, byte order marks. */
    @Test
    void everyParserRefusesOrReadsHostileBytesExactly() throws Exception {
        int tried = 0;
        List<ReportParser> parsers = ParserRegistry.defaults().all();
        for (ReportParser parser : parsers) {
            byte[] report = fixture(parser.id());
            List<Evidence> plain = parser.parseAll(ReportSource.of("hostile.json", report));
            String kind = kind(parser);
            for (Map.Entry<String, byte[]> variant : byteVariants(kind, report).entrySet()) {
                tried++;
                String what = parser.id() + " with " + variant.getKey();
                String expected = expectedForBytes(kind, variant.getKey());
                String outcome = outcome(parser, variant.getValue(), plain);
                if (expected.equals(READ)) {
                    assertThat(outcome).as(what).isEqualTo(READ);
                }
                else {
                    assertThat(outcome).as(what).startsWith("hostile.json (" + parser.id() + "): " + expected);
                }
            }
        }
        assertThat(parsers).hasSizeGreaterThanOrEqualTo(33);
        assertThat(tried).isEqualTo(parsers.size() * 9);
    }

    /** What must come of hostile bytes in a format of a kind (xml, json, tag for SPDX tag-value). */
    private static String expectedForBytes(final String kind, final String variant) {
        String badBytes = switch (kind) {
            case "xml" -> "invalid XML: bytes that are not valid in the document's encoding";
            case "json" -> "invalid UTF-8: byte 0x";
            default -> "invalid UTF-8: bytes that are not valid UTF-8";
        };
        String noContent = switch (kind) {
            case "xml" -> "invalid XML: Content is not allowed in prolog.";
            case "json" -> "invalid JSON: ";
            default -> "not SPDX tag-value: a line is neither \"Tag: value\" nor a comment";
        };
        return switch (variant) {
            case "invalid UTF-8", "a lone continuation byte", "an overlong encoding of '/'" -> badBytes;
            case "a NUL byte" -> switch (kind) {
                case "xml" -> "invalid XML: An invalid XML character (Unicode: 0x0) was found";
                case "json" -> "invalid JSON: Illegal unquoted character ((CTRL-CHAR, code 0))";
                default -> READ; // a NUL inside a tag's value is just a character of it
            };
            case "only NUL bytes" -> kind.equals("json")
                    ? "invalid JSON: Illegal character ((CTRL-CHAR, code 0))" : noContent;
            case "two UTF-8 byte order marks" -> kind.equals("json")
                    ? "invalid JSON: Unexpected character ('\ufeff' (code 65279 / 0xfeff))" : noContent;
            case "UTF-16LE with byte order mark", "UTF-16BE with byte order mark" -> kind.equals("tag") ? badBytes : READ;
            case "UTF-16LE byte order mark before UTF-8" -> kind.equals("tag") ? badBytes : noContent;
            default -> throw new IllegalArgumentException(variant);
        };
    }

    /** Hostile byte variants of a report of a kind (xml, json, tag). */
    private static Map<String, byte[]> byteVariants(final String kind, final byte[] report) {
        String s = new String(report, StandardCharsets.UTF_8);
        // after the middle: into the text of an element, a tag's value or a JSON string value
        String after = kind.equals("xml") ? ">[^<]" : kind.equals("tag") ? ": " : ":\\s*\"";
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(after).matcher(s);
        if (!m.find(s.length() / 2)) {
            throw new IllegalStateException("no place to insert into a report of kind " + kind);
        }
        int at = s.substring(0, m.start() + 1 + (kind.equals("xml") ? 0 : m.group().length() - 1))
                .getBytes(StandardCharsets.UTF_8).length;
        Map<String, byte[]> v = new LinkedHashMap<>();
        v.put("invalid UTF-8", insert(report, at, new byte[] {(byte) 0xc3, 0x28}));
        v.put("a lone continuation byte", insert(report, at, new byte[] {(byte) 0x80}));
        v.put("an overlong encoding of '/'", insert(report, at, new byte[] {(byte) 0xc0, (byte) 0xaf}));
        v.put("a NUL byte", insert(report, at, new byte[] {0}));
        v.put("only NUL bytes", new byte[4096]);
        v.put("two UTF-8 byte order marks", insert(report, 0, new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf,
                (byte) 0xef, (byte) 0xbb, (byte) 0xbf}));
        v.put("UTF-16LE with byte order mark", transcode(s, StandardCharsets.UTF_16LE, new byte[] {(byte) 0xff,
                (byte) 0xfe}));
        v.put("UTF-16BE with byte order mark", transcode(s, StandardCharsets.UTF_16BE, new byte[] {(byte) 0xfe,
                (byte) 0xff}));
        v.put("UTF-16LE byte order mark before UTF-8", insert(report, 0, new byte[] {(byte) 0xff, (byte) 0xfe}));
        return v;
    }

    private static byte[] insert(final byte[] report, final int at, final byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(report, 0, at);
        out.writeBytes(bytes);
        out.write(report, at, report.length - at);
        return out.toByteArray();
    }

    private static byte[] transcode(final String text, final Charset charset, final byte[] bom) {
        String body = text.replaceFirst("encoding=\"(UTF|utf)-8\"", "encoding=\"UTF-16\"");
        return insert(body.getBytes(charset), 0, bom);
    }

    /**
     * {@link #READ} when read exactly as {@code plain} (the same evidence, one per tool the report holds), else the
     * parse error's message (other exceptions fail).
     */
    static String outcome(final ReportParser parser, final byte[] input, final List<Evidence> plain) {
        List<Evidence> read;
        try {
            read = parser.parseAll(ReportSource.of("hostile.json", input));
        }
        catch (ParseException e) {
            return e.getMessage();
        }
        if (read.size() != plain.size()) {
            return "read into " + read.size() + " evidence instead of " + plain.size();
        }
        for (int i = 0; i < read.size(); i++) {
            Evidence e = read.get(i);
            Evidence p = plain.get(i);
            boolean same = e.open().equals(p.open()) && e.suppressed() == p.suppressed()
                    && e.components() == p.components() && e.tool().equals(p.tool())
                    && e.toolVersion().equals(p.toolVersion())
                    && e.findings().stream().map(Finding::title).toList()
                            .equals(p.findings().stream().map(Finding::title).toList());
            if (!same) {
                return "read differently: " + e + " / " + p;
            }
        }
        return READ;
    }
}
