package io.jenkins.plugins.dsomm.catalog;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import io.jenkins.plugins.dsomm.yaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Loads a {@link Catalog}: the bundled DSOMM facts, or an upstream DSOMM model a user points at.
 *
 * <p>Accepted files:
 * <ul>
 *   <li>DSOMM v4 {@code model.yaml}: a header document with {@code meta.version}, then a document
 *       dimension → sub-dimension → activity name → {@code uuid}, {@code level}, {@code dependsOn};</li>
 *   <li>DSOMM v3 {@code generated.yaml}: one document of the same shape, without header;</li>
 *   <li>a catalog in DSOMM Gate's own JSON format (as bundled).</li>
 * </ul>
 * dependsOn may name activities by uuid or, as older sources do, by name. Keys starting with {@code _} are
 * ignored. Errors name the file and the activity.
 */
public final class CatalogLoader {
    /** Resource of the bundled catalog. */
    public static final String BUNDLED_RESOURCE = "dsomm-4.3.1.json";

    private static volatile Catalog bundled;

    private CatalogLoader() {
    }

    /** The bundled DSOMM 4.3.1 catalog. */
    public static Catalog bundled() {
        Catalog c = bundled;
        if (c == null) {
            try (InputStream in = CatalogLoader.class.getResourceAsStream(BUNDLED_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("bundled catalog resource missing: " + BUNDLED_RESOURCE);
                }
                // streamed, without Jackson databind: a command that needs only the catalog starts faster
                try (JsonParser p = new JsonFactory().createParser(in)) {
                    c = fromOwnJson(p, "bundled DSOMM");
                }
            }
            catch (IOException e) {
                throw new UncheckedIOException("cannot read the bundled catalog", e);
            }
            bundled = c;
        }
        return c;
    }

    /** Loads a catalog file (v4 model.yaml, v3 generated.yaml or DSOMM Gate JSON). */
    public static Catalog load(final Path file) {
        String name = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new CatalogException(name + ": no such file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return load(in, name);
        }
        catch (IOException e) {
            throw new CatalogException(name + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Loads a catalog from a stream; {@code name} is used in messages. */
    public static Catalog load(final InputStream in, final String name) throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> it = Yaml.mapper().readerFor(JsonNode.class).readValues(in)) {
            while (it.hasNextValue()) {
                documents.add(it.nextValue());
            }
        }
        catch (JacksonException e) {
            JsonLocation at = e.getLocation();
            String where = at == null || at.getLineNr() < 1 ? "" : " at line " + at.getLineNr();
            throw new CatalogException(name + ": not a DSOMM model: unreadable YAML/JSON" + where + ": "
                    + e.getOriginalMessage(), e);
        }
        catch (RuntimeException e) {
            throw new CatalogException(name + ": not a DSOMM model: " + e.getMessage(), e);
        }
        if (documents.size() == 1 && "dsomm-gate-catalog/1".equals(documents.get(0).path("format").asText())) {
            return fromOwnJson(documents.get(0), name);
        }
        return fromModel(documents, name);
    }

    private static Catalog fromOwnJson(final JsonNode root, final String name) throws IOException {
        try (JsonParser p = root.traverse()) {
            return fromOwnJson(p, name);
        }
    }

    /**
     * A catalog in DSOMM Gate's own JSON format, from a parser before or on the root: {@code dsomm.version},
     * {@code dsomm.released}, {@code activities[]} with {@code uuid}, {@code name}, {@code dimension},
     * {@code subDimension}, {@code level}, {@code dependsOn[]}. Values are read as Jackson's tree reads them with
     * {@code asText()} and {@code asInt()} (a missing text is empty, {@code null} is "null", a later key wins).
     */
    private static Catalog fromOwnJson(final JsonParser p, final String name) throws IOException {
        String version = "";
        String released = "";
        List<Activity> activities = new ArrayList<>();
        if (p.currentToken() == null) {
            p.nextToken();
        }
        if (p.currentToken() == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if ("dsomm".equals(field)) {
                    version = "";
                    released = "";
                    if (p.currentToken() == JsonToken.START_OBJECT) {
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String f = p.currentName();
                            p.nextToken();
                            switch (f) {
                                case "version" -> version = text(p, "");
                                case "released" -> released = text(p, "");
                                default -> p.skipChildren();
                            }
                        }
                    }
                    else {
                        p.skipChildren();
                    }
                }
                else if ("activities".equals(field)) {
                    activities = new ArrayList<>();
                    for (JsonToken t = firstValue(p); t != null; t = nextValue(p)) {
                        activities.add(readActivity(p));
                    }
                }
                else {
                    p.skipChildren();
                }
            }
        }
        String source = name.startsWith("bundled") ? "bundled DSOMM " + version : name;
        return new Catalog(version, released, source, activities);
    }

    private static Activity readActivity(final JsonParser p) throws IOException {
        String uuid = "";
        String activity = "";
        String dimension = "";
        String subDimension = "";
        int level = 0;
        List<String> deps = new ArrayList<>();
        if (p.currentToken() == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "uuid" -> uuid = text(p, "null");
                    case "name" -> activity = text(p, "null");
                    case "dimension" -> dimension = text(p, "null");
                    case "subDimension" -> subDimension = text(p, "null");
                    case "level" -> {
                        level = p.getValueAsInt(0);
                        p.skipChildren();
                    }
                    case "dependsOn" -> {
                        deps = new ArrayList<>();
                        for (JsonToken t = firstValue(p); t != null; t = nextValue(p)) {
                            deps.add(text(p, "null"));
                        }
                    }
                    default -> p.skipChildren();
                }
            }
        }
        else {
            p.skipChildren();
        }
        return new Activity(uuid, activity, dimension, subDimension, level, deps);
    }

    /** The text of the value the parser is on, as {@code JsonNode.asText()}: empty for an object or array. */
    private static String text(final JsonParser p, final String ofNull) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return ofNull;
        }
        if (t.isStructStart()) {
            p.skipChildren();
            return "";
        }
        return p.getText();
    }

    /** Onto the first value of the array or object the parser is on (null when empty or a scalar). */
    private static JsonToken firstValue(final JsonParser p) throws IOException {
        if (!p.currentToken().isStructStart()) {
            return null;
        }
        return nextValue(p);
    }

    /** Onto the next value of the array or object the parser is in, after the value it is on; null at the end. */
    private static JsonToken nextValue(final JsonParser p) throws IOException {
        JsonToken t = p.nextToken();
        if (t == JsonToken.FIELD_NAME) {
            t = p.nextToken();
        }
        return t == JsonToken.END_ARRAY || t == JsonToken.END_OBJECT ? null : t;
    }

    private static Catalog fromModel(final List<JsonNode> documents, final String name) {
        String version = "";
        String released = "";
        List<RawActivity> raw = new ArrayList<>();
        for (JsonNode doc : documents) {
            if (doc == null || !doc.isObject()) {
                continue;
            }
            if (doc.has("meta") && doc.get("meta").has("version")) {
                version = doc.get("meta").path("version").asText("");
                released = doc.get("meta").path("released").asText("");
            }
            for (Map.Entry<String, JsonNode> dim : doc.properties()) {
                if (isIgnoredKey(dim.getKey()) || !dim.getValue().isObject()) {
                    continue;
                }
                readDimension(dim.getKey(), dim.getValue(), raw, name);
            }
        }
        if (raw.isEmpty()) {
            throw new CatalogException(name + ": not a DSOMM model: no dimension → sub-dimension → activity "
                    + "with a level was found");
        }
        if (version.isEmpty()) {
            version = "3 (generated.yaml, no version header)";
        }
        return new Catalog(version, released, name, resolve(raw, name));
    }

    private static boolean isIgnoredKey(final String key) {
        return key.startsWith("_") || key.equals("meta");
    }

    private static void readDimension(final String dimension, final JsonNode subs, final List<RawActivity> raw,
            final String file) {
        for (Map.Entry<String, JsonNode> sub : subs.properties()) {
            if (isIgnoredKey(sub.getKey()) || !sub.getValue().isObject()) {
                continue;
            }
            for (Map.Entry<String, JsonNode> act : sub.getValue().properties()) {
                JsonNode a = act.getValue();
                if (isIgnoredKey(act.getKey()) || !a.isObject() || !a.has("level")) {
                    continue;
                }
                String activity = "'" + act.getKey() + "' (" + dimension + " / " + sub.getKey() + ")";
                String uuid = a.path("uuid").asText("").trim();
                if (uuid.isEmpty()) {
                    throw new CatalogException(file + ": activity " + activity + " has no uuid");
                }
                JsonNode levelNode = a.get("level");
                int level = levelNode.canConvertToInt() ? levelNode.asInt() : parseLevel(levelNode.asText());
                if (level < 1 || level > 5) {
                    throw new CatalogException(file + ": activity " + activity + " has level '"
                            + levelNode.asText() + "', expected 1 to 5");
                }
                List<String> deps = new ArrayList<>();
                JsonNode dependsOn = a.path("dependsOn");
                if (dependsOn.isArray()) {
                    for (JsonNode d : dependsOn) {
                        String ref = d.isObject() ? d.path("uuid").asText(d.path("name").asText("")) : d.asText("");
                        if (!ref.isBlank()) {
                            deps.add(ref.trim());
                        }
                    }
                }
                else if (dependsOn.isTextual() && !dependsOn.asText().isBlank()) {
                    deps.add(dependsOn.asText().trim());
                }
                raw.add(new RawActivity(uuid, act.getKey(), dimension, sub.getKey(), level, deps));
            }
        }
    }

    private static int parseLevel(final String text) {
        try {
            return Integer.parseInt(text.trim());
        }
        catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Turns dependsOn given by name into uuids; unknown references are kept so the catalog reports them. */
    private static List<Activity> resolve(final List<RawActivity> raw, final String file) {
        Map<String, String> uuids = new HashMap<>();
        Map<String, String> byName = new LinkedHashMap<>();
        Map<String, String> byLowerName = new HashMap<>();
        for (RawActivity r : raw) {
            uuids.put(r.uuid, r.uuid);
            byName.putIfAbsent(r.name, r.uuid);
            byLowerName.putIfAbsent(r.name.trim().toLowerCase(Locale.ROOT), r.uuid);
        }
        List<Activity> result = new ArrayList<>();
        for (RawActivity r : raw) {
            List<String> deps = new ArrayList<>();
            for (String d : r.dependsOn) {
                String u = uuids.get(d);
                if (u == null) {
                    u = byName.get(d);
                }
                if (u == null) {
                    u = byLowerName.get(d.toLowerCase(Locale.ROOT));
                }
                deps.add(u == null ? d : u);
            }
            try {
                result.add(new Activity(r.uuid, r.name, r.dimension, r.subDimension, r.level, deps));
            }
            catch (IllegalArgumentException e) {
                throw new CatalogException(file + ": " + e.getMessage(), e);
            }
        }
        return result;
    }

    private record RawActivity(String uuid, String name, String dimension, String subDimension, int level,
            List<String> dependsOn) {
    }
}
