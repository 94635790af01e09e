package io.jenkins.plugins.dsomm.yaml;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import org.yaml.snakeyaml.LoaderOptions;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Set;

/**
 * The YAML mapper for the files users write (catalog, mapping, {@code .dsomm.yml}) and for the team-progress
 * export: no object construction from tags, a bounded document size and alias count.
 */
public final class Yaml {
    /** Largest YAML document read, in code points (the DSOMM model is about 0.35 M). */
    public static final int MAX_CODE_POINTS = 64 * 1024 * 1024;

    private static final ObjectMapper MAPPER = create();

    private Yaml() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** How the reader of a user's file refuses it: its own exception, with the message and the cause (or null). */
    @FunctionalInterface
    public interface Refusal {
        RuntimeException of(String message, Throwable cause);
    }

    /**
     * Reads a user's YAML file as a tree (null for an empty one); YAML it cannot read is refused as
     * "{@code name}: not valid YAML at line N: why".
     */
    public static JsonNode readTree(final InputStream in, final String name, final Refusal refusal)
            throws IOException {
        try {
            return MAPPER.readTree(in);
        }
        catch (JacksonException e) {
            throw refusal.of(name + ": not valid YAML"
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()) + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    /** Refuses a key of {@code node} that is not {@code allowed}, naming the file, the entry and the keys allowed. */
    public static void checkKeys(final JsonNode node, final Set<String> allowed, final String file,
            final String where, final Refusal refusal) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String key = names.next();
            if (!allowed.contains(key)) {
                throw refusal.of(file + ": " + where + ": unknown key '" + key + "' (allowed: "
                        + String.join(", ", allowed.stream().sorted().toList()) + ")", null);
            }
        }
    }

    private static ObjectMapper create() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setMaxAliasesForCollections(50);
        options.setAllowDuplicateKeys(true);
        YAMLFactory factory = YAMLFactory.builder()
                .loaderOptions(options)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build())
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                .build();
        return new ObjectMapper(factory);
    }
}
