package io.jenkins.plugins.dsomm.ingest.parser;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import io.jenkins.plugins.dsomm.ingest.JsonReports;
import io.jenkins.plugins.dsomm.ingest.ParseException;

import java.io.IOException;

/**
 * Streaming helpers for the JSON formats that are lists of flat records (JSON Lines or one array) and for objects
 * read field by field. A handler never needs to skip what it does not read: the value of a field is skipped after
 * the handler returns unless the handler consumed it.
 */
final class StreamedJson {
    private StreamedJson() {
    }

    /** Called for each field of an object, the parser on the field's value. */
    @FunctionalInterface
    interface FieldHandler {
        void field(String name, JsonToken value) throws IOException, ParseException;
    }

    /** Called for each record, the parser on its START_OBJECT. */
    @FunctionalInterface
    interface RecordHandler {
        void record(JsonParser p) throws IOException, ParseException;
    }

    /**
     * Reads the fields of the object the parser is on; anything else than an object is skipped. Each value the
     * handler leaves unread is skipped.
     */
    static void fields(final JsonParser p, final FieldHandler handler) throws IOException, ParseException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        JsonStreamContext object = p.getParsingContext();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            handler.field(name, value);
            if (p.getParsingContext() != object) {
                p.skipChildren(); // the handler left a structured value unread
            }
        }
    }

    /** Reads each element of the array the parser is on that is an object; other elements are skipped. */
    static void objects(final JsonParser p, final RecordHandler handler) throws IOException, ParseException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() == null) {
                throw new IOException("Unexpected end-of-input in an array");
            }
            if (p.currentToken() == JsonToken.START_OBJECT) {
                readRecord(p, handler);
            }
            else {
                p.skipChildren();
            }
        }
    }

    /**
     * Reads a document that is a list of records: JSON Lines (one object after the other), one array of objects,
     * or {@code null}; an empty file has no records. Returns the number of records. Anything else is an error
     * naming {@code what}.
     */
    static int records(final JsonParser p, final String what, final String file, final String format,
            final RecordHandler handler) throws IOException, ParseException {
        int count = 0;
        JsonToken t = p.nextToken();
        if (t == JsonToken.START_ARRAY) {
            while (p.nextToken() == JsonToken.START_OBJECT) {
                readRecord(p, handler);
                count++;
            }
            JsonReports.expect(p, JsonToken.END_ARRAY, what + " or the end of the array", file, format);
            t = p.nextToken();
            if (t != null) {
                throw unexpected(p, "the end of the file after the array", file, format);
            }
            return count;
        }
        if (t == JsonToken.VALUE_NULL) {
            if (p.nextToken() != null) {
                throw unexpected(p, "the end of the file after null", file, format);
            }
            return 0;
        }
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
            final String format, final RecordHandler handler) throws IOException, ParseException {
        JsonToken t = p.nextToken();
        if (t == null) {
            throw new ParseException(file, format, "empty file: no JSON content");
        }
        if (t == JsonToken.VALUE_NULL) {
            if (p.nextToken() != null) {
                throw unexpected(p, "the end of the file after null", file, format);
            }
            return 0;
        }
        JsonReports.expect(p, JsonToken.START_ARRAY, arrayWhat, file, format);
        int count = 0;
        while (p.nextToken() == JsonToken.START_OBJECT) {
            readRecord(p, handler);
            count++;
        }
        JsonReports.expect(p, JsonToken.END_ARRAY, what + " or the end of the array", file, format);
        if (p.nextToken() != null) {
            throw unexpected(p, "the end of the file after the array", file, format);
        }
        return count;
    }

    private static void readRecord(final JsonParser p, final RecordHandler handler)
            throws IOException, ParseException {
        JsonStreamContext parent = p.getParsingContext().getParent();
        handler.record(p);
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

    /** The string value of {@code key} in the object the parser is on (the rest skipped), or null. */
    static String property(final JsonParser p, final String key) throws IOException, ParseException {
        String[] result = new String[1];
        fields(p, (name, value) -> {
            if (key.equals(name) && result[0] == null) {
                result[0] = JsonReports.text(p);
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
}
