package io.jenkins.plugins.dsomm.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The JSON mapper for DSOMM Gate's own documents, and small helpers. */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(100).build()).build());

    private Json() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** What is wrong with JSON that could not be read, on one line: the parser's words and the position. */
    static String problem(final java.io.IOException e) {
        if (e instanceof com.fasterxml.jackson.core.JsonProcessingException j) {
            String words = j.getOriginalMessage() == null ? j.toString() : j.getOriginalMessage();
            int nl = words.indexOf('\n');
            words = nl < 0 ? words : words.substring(0, nl);
            com.fasterxml.jackson.core.JsonLocation l = j.getLocation();
            return l == null || l.getLineNr() < 0 ? words : words + " at line " + l.getLineNr() + ", column "
                    + l.getColumnNr();
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    /** Text of a field, or the fallback when it is missing or null. */
    static String text(final JsonNode n, final String field, final String fallback) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? fallback : v.asText();
    }
}
