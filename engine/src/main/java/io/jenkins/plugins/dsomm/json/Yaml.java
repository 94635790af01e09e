package io.jenkins.plugins.dsomm.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import org.yaml.snakeyaml.LoaderOptions;

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

    /** Why a YAML file could not be read, for a message after its name: "not valid YAML at line N: ...". */
    public static String problem(final JacksonException e) {
        return "not valid YAML" + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()) + ": "
                + e.getOriginalMessage();
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
