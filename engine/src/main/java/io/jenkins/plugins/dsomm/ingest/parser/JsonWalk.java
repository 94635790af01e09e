package io.jenkins.plugins.dsomm.ingest.parser;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import io.jenkins.plugins.dsomm.ingest.JsonReports;
import io.jenkins.plugins.dsomm.ingest.ParseException;
import io.jenkins.plugins.dsomm.ingest.ReportSource;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads JSON reports: {@link #read} opens one with the bounded parser of {@link JsonReports}, and the rest walks the
 * token stream whatever the order of fields and whatever the shape of odd input: callers check the token type
 * before they read a value, and skip what they do not need. Two styles: steps for a loop ({@link #nextField},
 * {@link #nextItem}, {@link #enterObject}, {@link #enterArray}), and walks that hand each field or item to a handler
 * ({@link #fields}, {@link #items}, {@link #objects}, {@link #objectsToEnd}). A handler never needs to skip what it
 * does not read: the value of a field, or an item, is skipped after the handler returns unless the handler
 * consumed it. Whole documents that are lists of records: {@link #records}, {@link #array}. Scalars are read with
 * {@link JsonReports#text} and {@link JsonReports#number}.
 */
final class JsonWalk {
    private JsonWalk() {
    }

    /** Reads a whole document, the parser before its first token. */
    @FunctionalInterface
    interface DocumentReader {
        void read(JsonParser p) throws IOException, ParseException;
    }

    /** Called for each field of an object, {@code value} the parser on the field's value. */
    @FunctionalInterface
    interface FieldHandler {
        void field(String name, JsonParser value) throws IOException, ParseException;
    }

    /** Called for each item of an array (or record of a document), the parser on the item. */
    @FunctionalInterface
    interface ItemHandler {
        void item(JsonParser item) throws IOException, ParseException;
    }

    /**
     * Reads a report with a parser of {@link JsonReports} (bounded nesting and sizes) and closes it; a Jackson or
     * I/O error becomes the parse error of {@link JsonReports#toParseException}, with position and a readable
     * reason.
     */
    static void read(final ReportSource source, final String format, final DocumentReader reader)
            throws ParseException {
        try (InputStream in = source.open(); JsonParser p = JsonReports.createParser(in)) {
            reader.read(p);
        }
        catch (IOException e) {
            throw JsonReports.toParseException(e, source.name(), format);
        }
    }

    /**
     * Moves to the next field of the object the parser is in and onto its value. Returns the field name, or null
     * at the end of the object.
     */
    static String nextField(final JsonParser p) throws IOException {
        JsonToken t = p.nextToken();
        if (t == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            return name;
        }
        if (t == null) {
            throw new JsonEOFException(p, null, "Unexpected end-of-input within an object");
        }
        return null;
    }

    /** Moves to the next item of the array the parser is in; false at the end of the array. */
    static boolean nextItem(final JsonParser p) throws IOException {
        JsonToken t = p.nextToken();
        if (t == null) {
            throw new JsonEOFException(p, null, "Unexpected end-of-input within an array");
        }
        return t != JsonToken.END_ARRAY;
    }

    /** {@code true} when the parser is on the start of an object. */
    static boolean isObject(final JsonParser p) {
        return p.currentToken() == JsonToken.START_OBJECT;
    }

    /** {@code true} when the parser is on the start of an array; otherwise skips the value. */
    static boolean enterArray(final JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.START_ARRAY) {
            return true;
        }
        p.skipChildren();
        return false;
    }

    /** {@code true} when the parser is on the start of an object; otherwise skips the value. */
    static boolean enterObject(final JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.START_OBJECT) {
            return true;
        }
        p.skipChildren();
        return false;
    }

    /**
     * Walks the object the parser is on, handing each field to the handler; anything other than an object is
     * skipped. Each value the handler leaves unread is skipped. Returns false when the value was not an object.
     */
    static boolean fields(final JsonParser p, final FieldHandler handler) throws IOException, ParseException {
        if (!enterObject(p)) {
            return false;
        }
        JsonStreamContext object = p.getParsingContext();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            handler.field(name, p);
            if (p.getParsingContext() != object) {
                p.skipChildren(); // the handler left a structured value unread
            }
        }
        return true;
    }

    /**
     * Walks the array the parser is on, handing each item to the handler; anything other than an array is
     * skipped. Each item the handler leaves unread is skipped. Returns false when the value was not an array.
     */
    static boolean items(final JsonParser p, final ItemHandler handler) throws IOException, ParseException {
        if (!enterArray(p)) {
            return false;
        }
        JsonStreamContext array = p.getParsingContext();
        while (nextItem(p)) {
            handler.item(p);
            if (p.getParsingContext() != array) {
                p.skipChildren(); // the handler left a structured item unread
            }
        }
        return true;
    }

    /** Walks the array the parser is on, handing each item that is an object to the handler; others are skipped. */
    static void objects(final JsonParser p, final ItemHandler handler) throws IOException, ParseException {
        items(p, item -> {
            if (isObject(item)) {
                handler.item(item);
            }
        });
    }

    /** Counts the items of the array the parser is on (0 for anything else), skipping their content. */
    static int count(final JsonParser p) throws IOException, ParseException {
        int[] n = {0};
        items(p, item -> n[0]++);
        return n[0];
    }

    /** The strings of the array the parser is on (other items are skipped); empty for anything else. */
    static List<String> strings(final JsonParser p) throws IOException, ParseException {
        List<String> out = new ArrayList<>();
        items(p, item -> {
            String s = JsonReports.text(item);
            if (s != null) {
                out.add(s);
            }
        });
        return out;
    }

    /** The string value of {@code key} in the object the parser is on (the rest skipped), or null. */
    static String property(final JsonParser p, final String key) throws IOException, ParseException {
        String[] result = new String[1];
        fields(p, (name, value) -> {
            if (key.equals(name) && result[0] == null) {
                result[0] = JsonReports.text(value);
            }
        });
        return result[0];
    }

    /** {@code true} for the JSON value {@code true} or the string "true". */
    static boolean bool(final JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_TRUE) {
            return true;
        }
        if (t == JsonToken.VALUE_STRING) {
            return "true".equalsIgnoreCase(p.getText().trim());
        }
        if (t != null && t.isStructStart()) {
            p.skipChildren();
        }
        return false;
    }

    /**
     * Reads the root token: true for a document that holds nothing ({@code null} or {@code []}), which a parser
     * given explicitly reads as "nothing found"; false on the start of an object; a parse error for anything else.
     */
    static boolean emptyRoot(final JsonParser p, final String what, final String file, final String format)
            throws IOException, ParseException {
        JsonToken root = p.nextToken();
        if (root == JsonToken.VALUE_NULL) {
            return true;
        }
        if (root == JsonToken.START_ARRAY) {
            JsonLocation start = p.currentTokenLocation();
            if (p.nextToken() == JsonToken.END_ARRAY) {
                return true;
            }
            throw new ParseException(file, format, "expected " + what + " but found an array", start.getLineNr(),
                    start.getColumnNr(), null);
        }
        JsonReports.expect(p, JsonToken.START_OBJECT, what, file, format);
        return false;
    }

    /**
     * Reads a document that is a list of records: JSON Lines (one object after the other), one array of objects,
     * or {@code null}; an empty file has no records. Returns the number of records. Anything else is an error
     * naming {@code what}.
     */
    static int records(final JsonParser p, final String what, final String file, final String format,
            final ItemHandler handler) throws IOException, ParseException {
        JsonToken t = p.nextToken();
        if (t == JsonToken.START_ARRAY) {
            return arrayOfRecords(p, what, file, format, handler);
        }
        if (t == JsonToken.VALUE_NULL) {
            return nullDocument(p, file, format);
        }
        int count = 0;
        while (t != null) {
            JsonReports.expect(p, JsonToken.START_OBJECT, what, file, format);
            readRecord(p, handler);
            count++;
            t = p.nextToken();
        }
        return count;
    }

    /**
     * Reads a document that is one array of records or {@code null} (no records). Returns the number of records.
     * Anything else, an empty file included, is an error: {@code arrayWhat} names the array, {@code what} a record.
     */
    static int array(final JsonParser p, final String arrayWhat, final String what, final String file,
            final String format, final ItemHandler handler) throws IOException, ParseException {
        JsonToken t = p.nextToken();
        if (t == null) {
            throw new ParseException(file, format, "empty file: no JSON content");
        }
        if (t == JsonToken.VALUE_NULL) {
            return nullDocument(p, file, format);
        }
        JsonReports.expect(p, JsonToken.START_ARRAY, arrayWhat, file, format);
        return arrayOfRecords(p, what, file, format, handler);
    }

    /**
     * Reads the array the parser is on (on its START_ARRAY) to its end, handing each object to the handler; an item
     * that is not an object is an error: {@code what} names what was expected instead. Returns the number of
     * objects.
     */
    static int objectsToEnd(final JsonParser p, final String what, final String file, final String format,
            final ItemHandler handler) throws IOException, ParseException {
        int count = 0;
        while (p.nextToken() == JsonToken.START_OBJECT) {
            readRecord(p, handler);
            count++;
        }
        JsonReports.expect(p, JsonToken.END_ARRAY, what, file, format);
        return count;
    }

    /**
     * Reads a document whose items (objects) are either the root array, or the array of one field of the root object
     * (the other fields skipped): the shape of reports that changed between versions of their tool. A root object
     * without that field is an error: {@code missing} says what the document is not.
     *
     * @param field    the field holding the items in the object form
     * @param itemWhat what an item is, for errors in the array form ("an anchorectl vulnerability object")
     * @param rootWhat what the root object is, for an error when the root is neither
     * @param missing  the error when the root object lacks the field ("not a pip-audit report: no ...")
     */
    static void itemsOfRootArrayOrField(final JsonParser p, final String field, final String itemWhat,
            final String rootWhat, final String missing, final String file, final String format,
            final ItemHandler handler) throws IOException, ParseException {
        if (p.nextToken() == JsonToken.START_ARRAY) {
            objectsToEnd(p, itemWhat, file, format, handler);
            return;
        }
        JsonReports.expect(p, JsonToken.START_OBJECT, rootWhat, file, format);
        boolean[] saw = new boolean[1];
        fields(p, (name, value) -> {
            if (field.equals(name)) {
                saw[0] = true;
                objects(value, handler);
            }
        });
        if (!saw[0]) {
            throw new ParseException(file, format, missing);
        }
    }

    /** The records of the root array, the parser on its START_ARRAY; nothing may follow the array. */
    private static int arrayOfRecords(final JsonParser p, final String what, final String file, final String format,
            final ItemHandler handler) throws IOException, ParseException {
        int count = objectsToEnd(p, what + " or the end of the array", file, format, handler);
        if (p.nextToken() != null) {
            throw unexpected(p, "the end of the file after the array", file, format);
        }
        return count;
    }

    /** No records: the document is {@code null}, the parser on it; nothing may follow. */
    private static int nullDocument(final JsonParser p, final String file, final String format)
            throws IOException, ParseException {
        if (p.nextToken() != null) {
            throw unexpected(p, "the end of the file after null", file, format);
        }
        return 0;
    }

    private static void readRecord(final JsonParser p, final ItemHandler handler)
            throws IOException, ParseException {
        JsonStreamContext parent = p.getParsingContext().getParent();
        handler.item(p);
        if (p.getParsingContext() != parent) {
            p.skipChildren();
        }
    }

    private static ParseException unexpected(final JsonParser p, final String expected, final String file,
            final String format) {
        JsonLocation l = p.currentTokenLocation();
        return new ParseException(file, format, "expected " + expected + " but found more content",
                l.getLineNr(), l.getColumnNr(), null);
    }
}
