package io.jenkins.plugins.dsomm.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;

import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Jackson streaming for reports: bounded nesting, string, number and name sizes; helpers parsers share.
 */
public final class JsonReports {
    /** Deepest nesting accepted. */
    public static final int MAX_DEPTH = 500;
    /** Longest string value accepted, in characters (a base64 screenshot in a DAST report can be large). */
    public static final int MAX_STRING = 64 * 1024 * 1024;
    /** Longest number accepted, in characters. */
    public static final int MAX_NUMBER = 1000;
    /** Longest key accepted, in characters. */
    public static final int MAX_NAME = 64 * 1024;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(MAX_STRING)
                    .maxNumberLength(MAX_NUMBER)
                    .maxNameLength(MAX_NAME)
                    .build())
            .build();

    private JsonReports() {
    }

    public static JsonFactory factory() {
        return FACTORY;
    }

    public static JsonParser createParser(final InputStream in) throws IOException {
        return FACTORY.createParser(in);
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
