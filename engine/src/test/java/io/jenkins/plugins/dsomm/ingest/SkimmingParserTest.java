package io.jenkins.plugins.dsomm.ingest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The skimming parser against Jackson's own: the same tokens, texts and locations whatever is skipped, the same
 * outcome for every truncation, and what a skimmed value must still be.
 */
class SkimmingParserTest {
    private static final Path FIXTURES = Path.of("src/test/resources");
    private static final long[] SEEDS = {1, 2, 3};
    /** How often the rest of the container is skipped ({@link JsonReports#skipRest}) after a token. */
    private static final double REST = 0.05;

    @Test
    void readsAsJacksonReadsEveryFixtureWhateverIsSkipped() throws IOException {
        List<Path> files = jsonFiles(FIXTURES);
        assertThat(files).hasSizeGreaterThanOrEqualTo(50);
        for (Path f : files) {
            byte[] bytes = Files.readAllBytes(f);
            for (long seed : SEEDS) {
                compare(f.toString(), bytes, seed, 0.5);
            }
            compare(f.toString(), bytes, 0, 1.0); // skip every object and array: the root's only
        }
    }

    @Test
    void readsAsJacksonReadsEverySharedSample() throws IOException {
        Optional<Path> samples = SharedSamples.folder();
        if (samples.isEmpty()) {
            SharedSamples.skipMessage("SkimmingParserTest over the shared samples");
            return;
        }
        List<Path> files = new ArrayList<>(jsonFiles(samples.get()));
        SharedSamples.defectDojo().ifPresent(d -> files.addAll(jsonFiles(d)));
        assertThat(files).hasSizeGreaterThanOrEqualTo(100);
        for (Path f : files) {
            byte[] bytes = Files.readAllBytes(f);
            compare(f.toString(), bytes, 7, 0.5);
            compare(f.toString(), bytes, 8, 0.9);
        }
    }

    @Test
    void everyTruncationEndsAsJacksonEndsIt() throws IOException {
        byte[] bytes = Files.readAllBytes(FIXTURES.resolve(
                "reports/sarif/demo-sast.sarif"));
        assertThat(bytes.length).isGreaterThan(1000);
        int errors = 0;
        for (int length = 0; length <= bytes.length; length++) {
            byte[] prefix = java.util.Arrays.copyOf(bytes, length);
            for (long seed : SEEDS) {
                errors += compare("prefix of " + length, prefix, seed, 0.5) ? 0 : 1;
            }
        }
        assertThat(errors).isGreaterThan(bytes.length * SEEDS.length - 20); // a prefix is rarely a whole document
    }

    /** What a skimmed value must still be, with where it is refused: the value is the report's second member. */
    @Test
    void refusesAFaultySkimmedValueWithItsPlace() {
        Map<String, String> faults = new LinkedHashMap<>(); // the second line of the report is ' "x": ' + fault
        faults.put("[1, 2", "truncated JSON: Unexpected end-of-input: expected close marker for Array at line 2, "
                + "column 12");
        faults.put("[\"a\"", "truncated JSON: Unexpected end-of-input: expected close marker for Array at line 2, "
                + "column 11");
        faults.put("[\"a", "truncated JSON: Unexpected end-of-input: was expecting closing quote for a string value "
                + "at line 2, column 10");
        faults.put("{\"a\": [1}", "invalid JSON: Unexpected close marker '}': expected ']' at line 2, column 15");
        faults.put("[{\"a\": 1]]", "invalid JSON: Unexpected close marker ']': expected '}' at line 2, column 15");
        faults.put("[\"a\u0001b\"]", "invalid JSON: Illegal unquoted character ((CTRL-CHAR, code 1)): has to be "
                + "escaped using backslash to be included in string value at line 2, column 10");
        faults.put("[\"a\\qb\"]", "invalid JSON: Unrecognized character escape 'q' (code 113) at line 2, column 11");
        faults.put("[\"\\u12G4\"]", "invalid JSON: Unexpected character ('G' (code 71)): expected a hex-digit for "
                + "character escape sequence at line 2, column 13");
        faults.put("[1, /* no */ 2]", "invalid JSON: Unexpected character ('/' (code 47)): in a value being skipped "
                + "at line 2, column 11");
        faults.put("[\n  NaN]", "invalid JSON: Unexpected character ('N' (code 78)): in a value being skipped at "
                + "line 3, column 3");
        faults.put("[".repeat(501) + "]".repeat(501), "exceeds a safety limit: Document nesting depth (501) exceeds "
                + "the maximum allowed (500, from `StreamReadConstraints.getMaxNestingDepth()`)");
        for (Map.Entry<String, String> f : faults.entrySet()) {
            String rest = f.getValue().startsWith("truncated") ? "" : ", \"y\": 2}";
            byte[] report = ("{\"version\": 1,\n \"x\": " + f.getKey() + rest).getBytes(StandardCharsets.UTF_8);
            assertThat(refusal(report)).as(f.getKey()).isEqualTo("r.json (json): " + f.getValue());
        }
    }

    /** Not checked, because nothing of a skimmed value is read: commas, colons, spelling, keys given twice. */
    @Test
    void leavesTheGrammarInsideASkimmedValueUnchecked() throws IOException {
        for (String lenient : List.of("[1 2]", "[tru, nul]", "{\"a\" 1 \"a\": 2}", "[1.2.3e]", "[,]")) {
            byte[] report = ("{\"version\": 1,\n \"x\": " + lenient + ", \"y\": 2}").getBytes(StandardCharsets.UTF_8);
            assertThat(skipSecondMember(report)).as(lenient).isEqualTo("y=2");
        }
    }

    @Test
    void isTheParserOfUtf8ReportsOnly() throws IOException {
        assertThat(JsonReports.createParser(new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(SkimmingParser.class);
        assertThat(JsonReports.createParser(new ByteArrayInputStream("\ufeff{}".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(SkimmingParser.class);
        assertThat(JsonReports.createParser(new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_16LE))))
                .isNotInstanceOf(SkimmingParser.class);
    }

    @Test
    void countsAByteOrderMarkInByteOffsets() throws IOException {
        byte[] withBom = "\ufeff{\"a\": [1, 2], \"b\": 3}".getBytes(StandardCharsets.UTF_8);
        compare("with a byte order mark", withBom, 1, 1.0);
        try (JsonParser p = JsonReports.createParser(new ByteArrayInputStream(withBom))) {
            p.nextToken();
            assertThat(p.currentTokenLocation().getByteOffset()).isEqualTo(3);
        }
    }

    /** The probe that decides whether the skimming parser is used: Jackson's own parser passes it too. */
    @Test
    void fitsTheJacksonItRunsWith() {
        assertThat(JsonReports.skimmingFits(in -> JsonReports.createParser(in, true))).isTrue();
        assertThat(JsonReports.skimmingFits(in -> JsonReports.factory().createParser(in))).isTrue();
    }

    /** A jackson-core whose protected members changed, or a parser that reads otherwise: not used. */
    @Test
    void aParserThatDoesNotFitIsNotUsed() {
        assertThat(JsonReports.skimmingFits(in -> {
            throw new NoSuchFieldError("_inputPtr");
        })).isFalse();
        assertThat(JsonReports.skimmingFits(in -> new JsonParserDelegate(JsonReports.createParser(in, true)) {
            @Override
            public JsonParser skipChildren() {
                throw new NoSuchMethodError("_decodeEscaped");
            }
        })).isFalse();
        assertThat(JsonReports.skimmingFits(in -> JsonReports.factory().createParser("{\"after\": 3}"))).isFalse();
        assertThat(JsonReports.skimmingFits(in -> new JsonParserDelegate(JsonReports.createParser(in, true)) {
            @Override
            public JsonParser skipChildren() throws IOException {
                if (currentToken() == JsonToken.START_OBJECT) {
                    return this; // as a parser whose skipping does nothing
                }
                return super.skipChildren();
            }
        })).isFalse();
    }

    /** Without the skimming parser, reports read and UTF-8 is checked just the same. */
    @Test
    void jacksonsOwnParserStandsInWithTheSameChecks() throws IOException {
        byte[] withBom = "\ufeff{\"a\": [1, {\"b\": \"\u00e9\"}], \"c\": 3}".getBytes(StandardCharsets.UTF_8);
        try (JsonParser p = JsonReports.createParser(new ByteArrayInputStream(withBom), false)) {
            assertThat(p).isNotInstanceOf(SkimmingParser.class);
            assertThat(p.nextToken()).isEqualTo(JsonToken.START_OBJECT);
            p.nextToken();
            p.nextToken();
            p.skipChildren();
            p.nextToken();
            assertThat(p.currentName()).isEqualTo("c");
            assertThat(p.currentTokenLocation().getByteOffset()).isEqualTo(withBom.length - 7);
        }
        byte[] overlong = {'{', '"', 'a', '"', ':', '"', (byte) 0xc0, (byte) 0xaf, '"', '}'};
        List<String> refusals = new ArrayList<>();
        for (boolean skim : new boolean[] {true, false}) {
            try (JsonParser p = JsonReports.createParser(new ByteArrayInputStream(overlong), skim)) {
                while (p.nextToken() != null) {
                    p.getText();
                }
                refusals.add("read");
            }
            catch (IOException e) {
                refusals.add(e.getMessage());
            }
        }
        assertThat(refusals.get(0)).isEqualTo("byte 0xC0 at byte offset 6 cannot start a character (an overlong encoding)");
        assertThat(refusals.get(1)).isEqualTo(refusals.get(0));
    }

    /** How the engine words the refusal of the report. */
    private static String refusal(final byte[] report) {
        try {
            return "read: " + skipSecondMember(report);
        }
        catch (IOException e) {
            return JsonReports.toParseException(e, "r.json", "json").getMessage();
        }
    }

    /** Skips the root object's second member's value and returns the third member as name=value. */
    private static String skipSecondMember(final byte[] report) throws IOException {
        try (JsonParser p = JsonReports.createParser(new ByteArrayInputStream(report))) {
            assertThat(p).isInstanceOf(SkimmingParser.class);
            p.nextToken();
            p.nextToken();
            p.nextToken();
            p.nextToken();
            p.nextToken();
            p.skipChildren();
            p.nextToken();
            String name = p.currentName();
            p.nextToken();
            return name + "=" + p.getText();
        }
    }

    /**
     * Walks the bytes with Jackson's parser and the skimming one in step, skipping the same objects and arrays
     * (each with the given probability) and now and then the rest of the same containers, and fails at the first
     * token, text or location that differs, or when only one of them fails. Returns whether the document was read
     * to its end.
     */
    private static boolean compare(final String name, final byte[] bytes, final long seed, final double skip)
            throws IOException {
        Random random = new Random(seed);
        try (JsonParser plain = JsonReports.factory().createParser(new ByteArrayInputStream(bytes));
                JsonParser skimming = JsonReports.createParser(new ByteArrayInputStream(bytes))) {
            for (int step = 0; ; step++) {
                boolean skipIt = random.nextDouble() < skip;
                boolean rest = random.nextDouble() < REST;
                String expected = step(plain, skipIt, rest);
                String actual = step(skimming, skipIt, rest);
                String where = name + " (seed " + seed + ", token " + step + ")";
                if (expected.startsWith("error") || actual.startsWith("error")) {
                    if (expected.startsWith("error") != actual.startsWith("error")) {
                        fail(where + ": Jackson gave " + expected + ", the skimming parser " + actual);
                    }
                    return false;
                }
                assertThat(actual).as(where).isEqualTo(expected);
                if (expected.equals("end")) {
                    return true;
                }
            }
        }
    }

    private static String step(final JsonParser p, final boolean skip, final boolean rest) {
        try {
            JsonToken t = p.nextToken();
            if (t == null) {
                return "end";
            }
            String token = t + " " + p.currentName() + (t.isScalarValue() ? " " + p.getText() : "") + " at "
                    + where(p.currentTokenLocation());
            if (t.isStructStart() && skip) {
                p.skipChildren();
                token += ", skipped to " + p.currentToken() + " at " + where(p.currentTokenLocation()) + " in "
                        + p.getParsingContext().typeDesc() + " " + p.getParsingContext().getCurrentIndex();
            }
            if (rest) {
                JsonReports.skipRest(p); // Jackson's parser reads the tokens to the end
                token += ", rest skipped to " + p.currentToken() + " at " + where(p.currentTokenLocation()) + " in "
                        + p.getParsingContext().typeDesc() + " " + p.getParsingContext().getCurrentIndex();
            }
            return token;
        }
        catch (IOException e) {
            return "error " + e.getMessage();
        }
    }

    private static String where(final JsonLocation l) {
        return l.getLineNr() + ":" + l.getColumnNr() + " (byte " + l.getByteOffset() + ")";
    }

    private static List<Path> jsonFiles(final Path root) {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile).filter(SkimmingParserTest::isJson).sorted().toList();
        }
        catch (IOException e) {
            throw new IllegalStateException(root.toString(), e);
        }
    }

    /** A file whose first character is a bracket, after white space and a byte order mark. */
    private static boolean isJson(final Path f) {
        try (java.io.InputStream in = Files.newInputStream(f)) {
            byte[] head = in.readNBytes(256);
            String s = new String(head, StandardCharsets.UTF_8).replace("\ufeff", "").strip();
            return s.startsWith("{") || s.startsWith("[");
        }
        catch (IOException e) {
            throw new IllegalStateException(f.toString(), e);
        }
    }
}
