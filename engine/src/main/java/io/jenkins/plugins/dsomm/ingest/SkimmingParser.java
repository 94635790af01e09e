package io.jenkins.plugins.dsomm.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.json.UTF8StreamJsonParser;
import com.fasterxml.jackson.core.sym.ByteQuadsCanonicalizer;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Jackson's UTF-8 stream parser, except that {@link #skipChildren()} skims: it moves over the bytes of the object or
 * array it skips without making tokens of them. Most of a large report is skipped (a CodeQL result's code flows are
 * half of its file), and tokenizing what is thrown away was most of the time of a parse: Jackson decodes and looks up
 * every key, checks it against the object's other keys, and parses every number.
 *
 * <p>What a skimmed value still has to be: brackets that match and close within the nesting limit, strings that end,
 * with no control character and only JSON's escapes, and outside strings only the characters JSON allows there
 * (white space, punctuation, digits, the letters of numbers and literals). A value with any other fault is refused
 * with its line and column, as Jackson refuses it. Not checked inside a skimmed value, because nothing of it is read:
 * where commas and colons go, how literals and numbers are spelled, and keys given twice. UTF-8 is checked on the
 * way in for every byte ({@link JsonReports}).
 */
final class SkimmingParser extends UTF8StreamJsonParser {
    /** Classes of a byte outside strings. */
    private static final byte ALLOWED = 0;
    private static final byte QUOTE = 1;
    private static final byte OPEN_OBJECT = 2;
    private static final byte OPEN_ARRAY = 3;
    private static final byte CLOSE_OBJECT = 4;
    private static final byte CLOSE_ARRAY = 5;
    private static final byte LINE_FEED = 6;
    private static final byte CARRIAGE_RETURN = 7;
    private static final byte NOT_ALLOWED = 8;
    private static final byte[] OUTSIDE = new byte[256];

    /** The bytes that end a run of plain bytes in a string: the quote, the backslash, control characters. */
    private static final boolean[] ENDS_RUN = new boolean[256];

    private static final long ONES = 0x0101010101010101L;
    private static final long QUOTES = '"' * ONES;
    private static final long BACKSLASHES = '\\' * ONES;
    private static final long SPACES = ' ' * ONES;

    static {
        Arrays.fill(OUTSIDE, NOT_ALLOWED);
        for (char c : " \t,:0123456789-+.eEtrufalsn".toCharArray()) {
            OUTSIDE[c] = ALLOWED;
        }
        OUTSIDE['"'] = QUOTE;
        OUTSIDE['{'] = OPEN_OBJECT;
        OUTSIDE['['] = OPEN_ARRAY;
        OUTSIDE['}'] = CLOSE_OBJECT;
        OUTSIDE[']'] = CLOSE_ARRAY;
        OUTSIDE['\n'] = LINE_FEED;
        OUTSIDE['\r'] = CARRIAGE_RETURN;
        for (int c = 0; c < 0x20; c++) {
            ENDS_RUN[c] = true;
        }
        ENDS_RUN['"'] = true;
        ENDS_RUN['\\'] = true;
    }

    /** One bit per open bracket of the value being skimmed, up to the nesting limit: set for an array. */
    private final long[] arrays;

    SkimmingParser(final IOContext context, final int features, final InputStream in, final ObjectCodec codec,
            final ByteQuadsCanonicalizer names, final byte[] buffer, final int bytesBefore) {
        super(context, features, in, codec, names, buffer, 0, 0, bytesBefore, true);
        arrays = new long[_streamReadConstraints.getMaxNestingDepth() / Long.SIZE + 1];
    }

    @Override
    public JsonParser skipChildren() throws IOException {
        JsonToken t = _currToken;
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
            skimToEnd();
        }
        return this;
    }

    /**
     * Moves to the end of the object or array the parser is in, the rest of the value it is on included, and
     * leaves the parser on that end as {@link #skipChildren()} of its start would: what {@code skipChildren()} is
     * for a container whose start was read already. At the root level it does nothing.
     */
    void skipRest() throws IOException {
        if (_currToken == JsonToken.FIELD_NAME) {
            nextToken(); // its value
        }
        skipChildren();
        if (_tokenIncomplete) {
            _tokenIncomplete = false;
            _skipString(); // the rest of the string value the parser is on
        }
        if (_parsingContext.inObject() || _parsingContext.inArray()) {
            skimToEnd();
        }
    }

    /** From inside the object or array the parser is in to its end, which becomes the current token. */
    private void skimToEnd() throws IOException {
        int outer = _parsingContext.getNestingDepth();
        int depth = 0; // below the container skimmed: its own brackets are depth 0
        mark(depth, _parsingContext.inArray());
        final byte[] buf = _inputBuffer;
        int ptr = _inputPtr;
        int end = _inputEnd;
        while (true) {
            if (ptr >= end) {
                _inputPtr = ptr;
                if (!_loadMore()) {
                    _reportInvalidEOF(": expected close marker for " + (isArray(depth) ? "Array" : "Object"), null);
                }
                ptr = _inputPtr;
                end = _inputEnd;
            }
            int b = buf[ptr++] & 0xff;
            byte kind = OUTSIDE[b];
            if (kind == ALLOWED) {
                continue; // white space, punctuation, number or literal: nothing to do
            }
            if (kind == QUOTE) {
                while (true) { // to after the closing quote
                    ptr = plainRun(buf, ptr, end);
                    if (ptr < end) {
                        int c = buf[ptr++];
                        if (c == '"') {
                            break;
                        }
                        _inputPtr = ptr;
                        if (c != '\\') {
                            _throwUnquotedSpace(c & 0xff, "string value"); // Jackson's own words
                        }
                        _decodeEscaped(); // checked as Jackson checks it, and thrown away
                        ptr = _inputPtr;
                        end = _inputEnd;
                        continue;
                    }
                    _inputPtr = ptr;
                    if (!_loadMore()) {
                        _reportInvalidEOF(": was expecting closing quote for a string value", JsonToken.VALUE_STRING);
                    }
                    ptr = _inputPtr;
                    end = _inputEnd;
                }
                continue;
            }
            switch (kind) {
                case OPEN_OBJECT, OPEN_ARRAY -> {
                    depth++;
                    _streamReadConstraints.validateNestingDepth(outer + depth);
                    mark(depth, b == '[');
                }
                case CLOSE_OBJECT, CLOSE_ARRAY -> {
                    boolean array = b == ']';
                    if (array != isArray(depth)) {
                        _inputPtr = ptr - 1; // the place of the marker, as Jackson gives an unexpected character's
                        _reportError("Unexpected close marker '" + (char) b + "': expected '"
                                + (isArray(depth) ? ']' : '}') + "'"); // Jackson's words
                    }
                    if (depth == 0) {
                        _inputPtr = ptr;
                        _tokenInputTotal = _currInputProcessed + ptr; // as Jackson keeps a token's location
                        _tokenInputRow = _currInputRow;
                        _tokenInputCol = ptr - _currInputRowStart;
                        _parsingContext = _parsingContext.clearAndGetParent();
                        _updateToken(array ? JsonToken.END_ARRAY : JsonToken.END_OBJECT);
                        return;
                    }
                    depth--;
                }
                case LINE_FEED -> {
                    _currInputRow++;
                    _currInputRowStart = ptr;
                }
                case CARRIAGE_RETURN -> {
                    _inputPtr = ptr;
                    _skipCR();
                    ptr = _inputPtr;
                    end = _inputEnd;
                }
                default -> {
                    _inputPtr = ptr;
                    _reportUnexpectedChar(b, "in a value being skipped");
                }
            }
        }
    }

    /**
     * Where the run of plain string bytes from {@code ptr} ends: the first quote, backslash or control byte, or
     * {@code end}. Eight bytes at a time, as one long: a byte of it equal to one of those sets the high bit of that
     * byte in {@code special}, and the lowest such byte is exact (a false one can only follow a true one).
     */
    private static int plainRun(final byte[] buf, final int from, final int end) {
        int ptr = from;
        while (ptr + Long.BYTES <= end) {
            long w = (long) JsonReports.LONGS.get(buf, ptr);
            long quote = w ^ QUOTES;
            long backslash = w ^ BACKSLASHES;
            long special = ((quote - ONES) & ~quote | (backslash - ONES) & ~backslash | (w - SPACES) & ~w) & JsonReports.HIGH_BITS;
            if (special != 0) {
                return ptr + (Long.numberOfTrailingZeros(special) >>> 3);
            }
            ptr += Long.BYTES;
        }
        while (ptr < end && !ENDS_RUN[buf[ptr] & 0xff]) {
            ptr++;
        }
        return ptr;
    }

    private void mark(final int depth, final boolean array) {
        if (array) {
            arrays[depth >>> 6] |= 1L << depth;
        }
        else {
            arrays[depth >>> 6] &= ~(1L << depth);
        }
    }

    private boolean isArray(final int depth) {
        return (arrays[depth >>> 6] & 1L << depth) != 0;
    }
}
