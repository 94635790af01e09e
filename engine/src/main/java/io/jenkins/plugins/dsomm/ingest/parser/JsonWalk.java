package io.jenkins.plugins.dsomm.ingest.parser;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.io.JsonEOFException;
import io.jenkins.plugins.dsomm.ingest.JsonReports;
import io.jenkins.plugins.dsomm.ingest.ParseException;

import java.io.IOException;

/**
 * Small helpers for walking a Jackson token stream whatever the order of fields and whatever the shape of odd
 * input: callers check the token type before they read a value, and skip what they do not need.
 */
final class JsonWalk {
    private JsonWalk() {
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
}
