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

    /** Text of a field, or the fallback when it is missing or null. */
    static String text(final JsonNode n, final String field, final String fallback) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? fallback : v.asText();
    }
}
