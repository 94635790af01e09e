package io.jenkins.plugins.dsomm.ingest.parser;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.jenkins.plugins.dsomm.ingest.JsonReports;
import io.jenkins.plugins.dsomm.ingest.ParseException;

import java.io.IOException;

/** Steps the JSON parsers of static analysers and attestations share. */
final class JsonSteps {
    private JsonSteps() {
    }

    /**
     * Reads the root token: true for a document that is {@code null} or {@code []} (read in an explicit format it
     * means nothing was found); false when the parser is on the root object; a parse error for anything else.
     */
    static boolean emptyRoot(final JsonParser p, final String what, final String file, final String format)
            throws IOException, ParseException {
        JsonToken root = p.nextToken();
        if (root == JsonToken.VALUE_NULL) {
            return true;
        }
        if (root == JsonToken.START_ARRAY) {
            JsonLocation at = p.currentTokenLocation();
            if (p.nextToken() == JsonToken.END_ARRAY) {
                return true;
            }
            throw new ParseException(file, format, "expected " + what + " but found an array", at.getLineNr(),
                    at.getColumnNr(), null);
        }
        JsonReports.expect(p, JsonToken.START_OBJECT, what, file, format);
        return false;
    }
}
