package io.jenkins.plugins.dsomm.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.IOContext;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.CharConversionException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Jackson streaming for reports: bounded nesting, string, number and name sizes; a key given twice in one object
 * is refused (readers disagree on which one counts, so such a report is ambiguous); helpers parsers share.
 */
public final class JsonReports {
    /** Deepest nesting accepted. */
    public static final int MAX_DEPTH = 500;
    /** Longest string value accepted, in characters (a base64 screenshot in a DAST report can be large). */
    public static final int MAX_STRING = 16 * 1024 * 1024;
    /** Longest number accepted, in characters. */
    public static final int MAX_NUMBER = 1000;
    /** Longest key accepted, in characters. */
    public static final int MAX_NAME = 64 * 1024;
    /**
     * Bytes read from a report at a time. Jackson asks for 8,000 bytes per read: through a buffer of 8 KiB nearly
     * every read refilled it and, in between, asked the stream how much was available (two system calls on a
     * file channel); 64 KiB makes that one read in eight.
     */
    private static final int READ_BUFFER = 64 * 1024;

    /** Eight bytes of an array as one long, for the loops that look at every byte of a report. */
    static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** The high bit of each byte of a long: set only in the non-ASCII bytes. */
    static final long HIGH_BITS = 0x8080808080808080L;

    private static final ReportFactory FACTORY = new ReportFactory(new JsonFactoryBuilder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(MAX_STRING)
                    .maxNumberLength(MAX_NUMBER)
                    .maxNameLength(MAX_NAME)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION));

    /**
     * Whether the skimming parser fits the jackson-core it runs with ({@link #skimmingFits}). In Jenkins,
     * Jackson is the jackson2-api plugin's, which is updated on its own; should a release change the members the
     * skimming parser uses, reports are read with Jackson's own parser instead: slower, the same results.
     */
    private static final boolean SKIMS = skimmingFits(in -> FACTORY.skimming(in, 0));

    private JsonReports() {
    }

    public static JsonFactory factory() {
        return FACTORY;
    }

    /**
     * A parser over a report's bytes. UTF-8 (the JSON encoding) is checked strictly on the way in: Jackson itself
     * accepts overlong encodings and code points above U+10FFFF, which are refused here with the byte offset. A UTF-8
     * report is read by a {@link SkimmingParser}: what a parser skips is not made into tokens. UTF-16 and UTF-32 (by
     * byte order mark or zero bytes) are left to Jackson's own detection and parser.
     */
    public static JsonParser createParser(final InputStream in) throws IOException {
        return createParser(in, SKIMS);
    }

    /** {@link #createParser(InputStream)}, with a skimming parser for UTF-8 or Jackson's own. */
    static JsonParser createParser(final InputStream in, final boolean skim) throws IOException {
        PushbackInputStream head = new PushbackInputStream(in, 4);
        byte[] first = head.readNBytes(4);
        head.unread(first);
        if (!isUtf8(first)) {
            return FACTORY.createParser(new BufferedInputStream(head, READ_BUFFER));
        }
        InputStream checked = new StrictUtf8(head);
        if (!skim) {
            return FACTORY.createParser(new BufferedInputStream(checked, READ_BUFFER));
        }
        boolean bom = first.length >= 3 && (first[0] & 0xff) == 0xef && (first[1] & 0xff) == 0xbb
                && (first[2] & 0xff) == 0xbf;
        if (bom) {
            checked.readNBytes(3); // as Jackson's own detection does, and still counted in byte offsets
        }
        return FACTORY.skimming(checked, bom ? 3 : 0);
    }

    /** Makes a parser over a stream, for {@link #skimmingFits}. */
    @FunctionalInterface
    interface ParserMaker {
        JsonParser over(InputStream in) throws IOException;
    }

    /**
     * Whether the parsers the maker makes read a probe as Jackson does, skipping and skipping the rest of containers
     * (escapes, line ends, nesting inside what is skipped), so that the protected members of Jackson's parser the
     * skimming parser uses have been linked and have worked; a member that changed makes a {@link LinkageError}, and
     * the answer is then no, with why in the log. Not probed, to keep this out of the start-up time (exceptions and
     * their messages): the members that refuse a faulty skimmed value, which Jackson 2 has had since 2.0 or 2.4.
     */
    static boolean skimmingFits(final ParserMaker maker) {
        String why;
        try {
            why = probe(maker);
        }
        catch (LinkageError | IOException | RuntimeException e) {
            why = e.toString();
        }
        if (why == null) {
            return true;
        }
        System.getLogger(JsonReports.class.getName()).log(System.Logger.Level.WARNING, "The skimming JSON parser "
                + "does not fit jackson-core " + com.fasterxml.jackson.core.json.PackageVersion.VERSION + " ("
                + why + "): reports are read with Jackson's own parser, more slowly, with the same results");
        return false;
    }

    /** What the maker's parsers did wrong with the probe, or null. */
    private static String probe(final ParserMaker maker) throws IOException {
        byte[] probe = ("{\"skipped\": {\"a\": [1,\r\n -2.5e+3, true, false, null, \"x\\n\\u00e9 \u00e9\"], "
                + "\"b\": {}}, \"kept\": \"v\", \"rest\": [{\"c\": 1}, \"long\", 2], \"after\": 3}")
                .getBytes(StandardCharsets.UTF_8);
        StringBuilder read = new StringBuilder();
        try (JsonParser p = maker.over(new ByteArrayInputStream(probe))) {
            p.nextToken(); // {
            p.nextToken(); // skipped
            p.nextToken(); // {
            p.skipChildren();
            read.append(p.currentToken()).append(p.currentTokenLocation().getLineNr()).append(' ');
            p.nextToken(); // kept
            p.nextToken();
            read.append(p.getText()).append(' ');
            p.nextToken(); // rest
            p.nextToken(); // [
            p.nextToken(); // {
            p.nextToken(); // c
            skipRest(p);
            read.append(p.currentToken()).append(' ');
            p.nextToken(); // "long", not finished
            skipRest(p);
            read.append(p.currentToken()).append(' ');
            p.nextToken(); // after
            p.nextToken();
            read.append(p.currentName()).append('=').append(p.getIntValue()).append(' ');
            read.append(p.nextToken()).append(' ').append(p.nextToken());
        }
        String expected = "END_OBJECT2 v END_OBJECT END_ARRAY after=3 END_OBJECT null";
        if (!read.toString().equals(expected)) {
            return "read " + read + " instead of " + expected;
        }
        return null;
    }

    private static boolean isUtf8(final byte[] head) {
        if (head.length >= 2 && ((head[0] & 0xff) == 0xfe && (head[1] & 0xff) == 0xff
                || (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xfe)) {
            return false;
        }
        for (byte b : head) {
            if (b == 0) {
                return head.length < 4; // "{" in UTF-16/32 has zero bytes; a short file with a NUL is just bad
            }
        }
        return true;
    }

    /** Jackson's factory, and the skimming parser made with its settings. */
    private static final class ReportFactory extends JsonFactory {
        private static final long serialVersionUID = 1L;

        ReportFactory(final JsonFactoryBuilder builder) {
            super(builder);
        }

        /**
         * As {@link JsonFactory#createParser(InputStream)} makes its UTF-8 parser, with a read buffer of
         * {@link #READ_BUFFER}.
         */
        JsonParser skimming(final InputStream in, final int bytesBefore) {
            IOContext context = _createContext(_createContentReference(in), false);
            return new SkimmingParser(context, _parserFeatures, in, _objectCodec,
                    _byteSymbolCanonicalizer.makeChildOrPlaceholder(_factoryFeatures),
                    context.allocReadIOBuffer(READ_BUFFER), bytesBefore);
        }
    }

    /** Refuses bytes that are not well-formed UTF-8 (Unicode 15, table 3-7). */
    static final class StrictUtf8 extends FilterInputStream {
        private long offset;
        private int pending;
        private int low = 0x80;
        private int high = 0xbf;
        private long start;

        StrictUtf8(final InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b < 0) {
                end();
            }
            else {
                check(b);
            }
            return b;
        }

        @Override
        public int read(final byte[] buf, final int off, final int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n < 0) {
                end();
            }
            int i = off;
            int stop = off + n;
            while (i < stop) {
                if (pending == 0) {
                    // a run of ASCII bytes, the bulk of a report: counted without a field access per byte
                    int ascii = i;
                    while (ascii + Long.BYTES <= stop && ((long) LONGS.get(buf, ascii) & HIGH_BITS) == 0) {
                        ascii += Long.BYTES; // eight ASCII bytes at once
                    }
                    while (ascii < stop && buf[ascii] >= 0) {
                        ascii++;
                    }
                    offset += ascii - i;
                    i = ascii;
                    if (i == stop) {
                        break;
                    }
                }
                check(buf[i] & 0xff);
                i++;
            }
            return n;
        }

        @Override
        public long skip(final long n) throws IOException {
            long skipped = 0;
            while (skipped < n && read() >= 0) {
                skipped++;
            }
            return skipped;
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        private void check(final int b) throws IOException {
            if (pending > 0) {
                if (b < low || b > high) {
                    throw bad("byte 0x" + hex(b) + " at byte offset " + offset + " does not continue the character "
                            + "that starts at byte offset " + start);
                }
                low = 0x80;
                high = 0xbf;
                pending--;
            }
            else if (b >= 0x80) {
                start = offset;
                if (b >= 0xc2 && b <= 0xdf) {
                    pending = 1;
                }
                else if (b >= 0xe0 && b <= 0xef) {
                    pending = 2;
                    low = b == 0xe0 ? 0xa0 : 0x80;
                    high = b == 0xed ? 0x9f : 0xbf;
                }
                else if (b >= 0xf0 && b <= 0xf4) {
                    pending = 3;
                    low = b == 0xf0 ? 0x90 : 0x80;
                    high = b == 0xf4 ? 0x8f : 0xbf;
                }
                else {
                    throw bad("byte 0x" + hex(b) + " at byte offset " + offset + " cannot start a character"
                            + (b == 0xc0 || b == 0xc1 ? " (an overlong encoding)" : ""));
                }
            }
            offset++;
        }

        private void end() throws IOException {
            if (pending > 0) {
                throw bad("the file ends inside the character that starts at byte offset " + start);
            }
        }

        private static String hex(final int b) {
            return String.format("%02X", b);
        }

        private static CharConversionException bad(final String what) {
            return new CharConversionException(what);
        }
    }

    /**
     * The text of the scalar the parser is on, or null for {@code null}; an object or array is skipped and gives
     * null.
     */
    public static String text(final JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == null || t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t.isStructStart()) {
            p.skipChildren();
            return null;
        }
        return p.getText();
    }

    /**
     * Moves to the end of the object or array the parser is in (the rest of the value it is on included): the
     * parser is left on that end, as after {@link JsonParser#skipChildren()} of its start; at the root level nothing
     * is skipped. A report's parser skims it ({@link SkimmingParser}); another one reads its tokens.
     */
    public static void skipRest(final JsonParser p) throws IOException {
        if (p instanceof SkimmingParser skimming) {
            skimming.skipRest();
            return;
        }
        if (p.currentToken() == JsonToken.FIELD_NAME) {
            p.nextToken();
        }
        p.skipChildren();
        if (p.getParsingContext().inRoot()) {
            return; // at the root level: no container to end
        }
        int depth = 1;
        while (depth > 0) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return;
            }
            if (t.isStructStart()) {
                depth++;
            }
            else if (t.isStructEnd()) {
                depth--;
            }
        }
    }

    /** The scalar as a number (numbers and numeric strings), or NaN. */
    public static double number(final JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            return p.getDoubleValue();
        }
        return parseNumber(text(p));
    }

    /** A number in text, or NaN. */
    public static double parseNumber(final String s) {
        if (s == null || s.isBlank()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(s.trim());
        }
        catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Expects the parser to be on START_OBJECT or START_ARRAY, else throws a parse error naming what it found. */
    public static void expect(final JsonParser p, final JsonToken expected, final String what, final String file,
            final String format) throws ParseException {
        if (p.currentToken() != expected) {
            JsonLocation l = p.currentTokenLocation();
            throw new ParseException(file, format, "expected " + what + " but found "
                    + describe(p.currentToken()), l.getLineNr(), l.getColumnNr(), null);
        }
    }

    private static String describe(final JsonToken t) {
        if (t == null) {
            return "the end of the file";
        }
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.toString();
        };
    }

    /** Turns a Jackson or I/O error into the engine's parse error, with position and a readable reason. */
    public static ParseException toParseException(final IOException e, final String file, final String format) {
        long line = -1;
        long column = -1;
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        if (e instanceof JsonProcessingException j) {
            message = j.getOriginalMessage();
            JsonLocation l = j.getLocation();
            if (l != null) {
                line = l.getLineNr();
                column = l.getColumnNr();
            }
        }
        String problem;
        if (e instanceof StreamConstraintsException) {
            problem = "exceeds a safety limit: " + message;
        }
        else if (message.startsWith("Duplicate ")) {
            int quote = message.indexOf('\'');
            int end = message.lastIndexOf('\'');
            String key = quote >= 0 && end > quote ? message.substring(quote, end + 1) : firstLine(message);
            problem = "the key " + key + " appears twice in one object; readers disagree on which value counts, so "
                    + "the report is ambiguous and not read";
        }
        else if (message.contains("end-of-input") || message.contains("Unexpected end")) {
            problem = "truncated JSON: " + firstLine(message);
        }
        else if (e instanceof CharConversionException || message.contains("UTF-8") || message.contains("UTF8")) {
            problem = "invalid UTF-8: " + firstLine(message);
        }
        else if (e instanceof JsonProcessingException) {
            problem = "invalid JSON: " + firstLine(message);
        }
        else {
            problem = "cannot be read: " + message;
        }
        return new ParseException(file, format, problem, line, column, e);
    }

    private static String firstLine(final String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
