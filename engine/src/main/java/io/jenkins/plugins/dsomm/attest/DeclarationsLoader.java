package io.jenkins.plugins.dsomm.attest;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.dsomm.catalog.Activity;
import io.jenkins.plugins.dsomm.catalog.Catalog;
import io.jenkins.plugins.dsomm.evidence.FindingIdentity;
import io.jenkins.plugins.dsomm.yaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the repository attestation file ({@code .dsomm.yml}, see docs/attestations.md). Activities are named by
 * uuid or exact name. Errors name the file, the entry and the field.
 */
public final class DeclarationsLoader {
    /** Default file name at the workspace root. */
    public static final String DEFAULT_FILE = ".dsomm.yml";
    /** How long an attestation without expiry counts. */
    public static final int DEFAULT_ATTESTATION_DAYS = 365;

    private static final Set<String> FILE_KEYS = Set.of("version", "team", "attestations", "notApplicable",
            "waivers", "businessContext", "outOfScope", "targets");
    private static final Set<String> BUSINESS_KEYS = Set.of("externalFacing", "personalData", "weights");
    private static final Set<String> ATTESTATION_KEYS = Set.of("activity", "by", "date", "expires", "evidence",
            "note");
    private static final Set<String> NA_KEYS = Set.of("activity", "reason", "by", "date", "expires");
    private static final Set<String> SCOPE_KEYS = Set.of("dimension", "subDimension", "activity", "reason", "by",
            "date", "expires");
    private static final Set<String> WAIVER_KEYS = Set.of("activity", "finding", "location", "reason", "by", "date",
            "expires");

    private final Catalog catalog;

    public DeclarationsLoader(final Catalog catalog) {
        this.catalog = catalog;
    }

    /** Reads a file; a missing file declares nothing. */
    public Declarations load(final Path file) {
        if (!Files.exists(file)) {
            return Declarations.none();
        }
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        }
        catch (IOException e) {
            throw new DeclarationsException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    public Declarations parse(final InputStream in, final String name) throws IOException {
        JsonNode root = Yaml.readTree(in, name, DeclarationsException::new);
        if (root == null || root.isMissingNode() || root.isNull()) {
            return new Declarations(name, "", List.of(), List.of(), List.of());
        }
        if (!root.isObject()) {
            throw new DeclarationsException(name + ": expected a map with attestations, notApplicable or waivers");
        }
        checkKeys(root, FILE_KEYS, name, "the file");
        List<Attestation> attestations = new ArrayList<>();
        int i = 0;
        for (JsonNode n : list(root, "attestations", name)) {
            String where = "attestations[" + ++i + "]";
            checkKeys(n, ATTESTATION_KEYS, name, where);
            Activity a = activity(n, name, where);
            LocalDate date = date(n, "date", true, name, where);
            LocalDate expires = date(n, "expires", false, name, where);
            if (expires == null) {
                expires = date.plusDays(DEFAULT_ATTESTATION_DAYS);
            }
            checkOrder(date, expires, name, where);
            attestations.add(new Attestation(a.uuid(), required(n, "by", name, where), date, expires,
                    n.path("evidence").asText(""), n.path("note").asText("")));
        }
        List<NotApplicable> notApplicable = new ArrayList<>();
        i = 0;
        for (JsonNode n : list(root, "notApplicable", name)) {
            String where = "notApplicable[" + ++i + "]";
            checkKeys(n, NA_KEYS, name, where);
            Activity a = activity(n, name, where);
            LocalDate date = date(n, "date", false, name, where);
            LocalDate expires = date(n, "expires", false, name, where);
            checkOrder(date, expires, name, where);
            notApplicable.add(new NotApplicable(a.uuid(), required(n, "reason", name, where),
                    n.path("by").asText(""), date, expires));
        }
        List<Waiver> waivers = new ArrayList<>();
        i = 0;
        for (JsonNode n : list(root, "waivers", name)) {
            String where = "waivers[" + ++i + "]";
            checkKeys(n, WAIVER_KEYS, name, where);
            boolean isActivity = n.has("activity");
            boolean isFinding = n.has("finding");
            if (isActivity == isFinding) {
                throw new DeclarationsException(name + ": " + where + ": give either 'activity' or 'finding'");
            }
            LocalDate date = date(n, "date", false, name, where);
            LocalDate expires = date(n, "expires", true, name, where);
            checkOrder(date, expires, name, where);
            String reason = required(n, "reason", name, where);
            String by = n.path("by").asText("");
            if (isActivity) {
                waivers.add(new Waiver(activity(n, name, where).uuid(), null, null, null, reason, by, date, expires));
            }
            else {
                String finding = n.path("finding").asText("").trim();
                if (finding.isEmpty()) {
                    throw new DeclarationsException(name + ": " + where + ": 'finding' is empty");
                }
                if (finding.startsWith("id:")) {
                    long id;
                    try {
                        id = FindingIdentity.fromHex(finding.substring(3).trim());
                    }
                    catch (IllegalArgumentException e) {
                        throw new DeclarationsException(name + ": " + where + ": 'finding: id:' needs 16 hex digits: "
                                + finding, e);
                    }
                    waivers.add(new Waiver(null, null, null, id, reason, by, date, expires));
                }
                else {
                    String location = n.has("location") ? n.get("location").asText().trim() : null;
                    waivers.add(new Waiver(null, finding, location == null || location.isEmpty() ? null
                            : FindingIdentity.normalisePath(location), null, reason, by, date, expires));
                }
            }
        }
        return new Declarations(name, root.path("team").asText(""), attestations, notApplicable, waivers,
                business(root.path("businessContext"), name), outOfScope(root, name), targets(root.path("targets"),
                name), List.of(), List.of());
    }

    /** {@code outOfScope:} a dimension, a sub-dimension (with its dimension) or an activity, and the reason. */
    private List<OutOfScope> outOfScope(final JsonNode root, final String name) {
        List<OutOfScope> result = new ArrayList<>();
        int i = 0;
        for (JsonNode n : list(root, "outOfScope", name)) {
            String where = "outOfScope[" + ++i + "]";
            checkKeys(n, SCOPE_KEYS, name, where);
            String dimension = n.path("dimension").asText("").trim();
            String sub = n.path("subDimension").asText("").trim();
            boolean isActivity = n.has("activity");
            if (isActivity == !dimension.isEmpty()) {
                throw new DeclarationsException(name + ": " + where + ": give either 'activity' or 'dimension' (with "
                        + "'subDimension' for a sub-dimension)");
            }
            if (!sub.isEmpty() && dimension.isEmpty()) {
                throw new DeclarationsException(name + ": " + where + ": 'subDimension' needs its 'dimension'");
            }
            LocalDate date = date(n, "date", false, name, where);
            LocalDate expires = date(n, "expires", false, name, where);
            checkOrder(date, expires, name, where);
            String reason = required(n, "reason", name, where);
            String by = n.path("by").asText("").trim();
            if (isActivity) {
                result.add(new OutOfScope(null, null, activity(n, name, where).uuid(), reason, by, date, expires));
                continue;
            }
            if (!catalog.dimensions().contains(dimension)) {
                throw new DeclarationsException(name + ": " + where + ": dimension '" + dimension + "' is not in DSOMM "
                        + catalog.version() + " (" + String.join(", ", catalog.dimensions()) + ")");
            }
            if (!sub.isEmpty() && !catalog.subDimensions(dimension).containsKey(sub)) {
                throw new DeclarationsException(name + ": " + where + ": '" + dimension + "' has no sub-dimension '"
                        + sub + "' in DSOMM " + catalog.version() + " ("
                        + String.join(", ", catalog.subDimensions(dimension).keySet()) + ")");
            }
            result.add(new OutOfScope(dimension, sub.isEmpty() ? null : sub, null, reason, by, date, expires));
        }
        return result;
    }

    /**
     * {@code targets:} {@code overall}, dimension names and {@code dimension / sub-dimension}, each a level 0 to 5.
     */
    private Targets targets(final JsonNode n, final String name) {
        if (isEmpty(n)) {
            return Targets.none();
        }
        if (!n.isObject()) {
            throw new DeclarationsException(name + ": 'targets' must be a map of overall, a dimension or "
                    + "'dimension / sub-dimension' to a level 0 to 5");
        }
        Map<String, Integer> named = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : n.properties()) {
            JsonNode v = e.getValue();
            boolean level = v.isIntegralNumber() ? v.asInt() >= 0 && v.asInt() <= 5
                    : v.isTextual() && v.asText().trim().matches("[0-5]");
            if (!level) {
                throw new DeclarationsException(name + ": targets: '" + e.getKey() + "' must be a level 0 to 5: "
                        + v.asText());
            }
            named.put(e.getKey(), v.isIntegralNumber() ? v.asInt() : Integer.parseInt(v.asText().trim()));
        }
        Targets targets = Targets.of(named);
        List<String> unknown = targets.unknownIn(catalog);
        if (!unknown.isEmpty()) {
            throw new DeclarationsException(name + ": targets: not in DSOMM " + catalog.version() + ": "
                    + String.join(", ", unknown) + " (name a dimension, or 'dimension / sub-dimension'; dimensions: "
                    + String.join(", ", catalog.dimensions()) + ")");
        }
        return targets;
    }

    private static BusinessContext business(final JsonNode n, final String name) {
        if (n.isMissingNode() || n.isNull()) {
            return BusinessContext.none();
        }
        if (!n.isObject()) {
            throw new DeclarationsException(name + ": 'businessContext' must be a map");
        }
        checkKeys(n, BUSINESS_KEYS, name, "businessContext");
        Map<String, Double> weights = new LinkedHashMap<>();
        JsonNode w = n.path("weights");
        if (!w.isMissingNode() && !w.isObject()) {
            throw new DeclarationsException(name + ": businessContext: 'weights' must be a map of name: number");
        }
        w.properties().forEach(e -> {
            if (!e.getValue().isNumber() || e.getValue().asDouble() <= 0) {
                throw new DeclarationsException(name + ": businessContext: weight '" + e.getKey()
                        + "' must be a positive number: " + e.getValue().asText());
            }
            weights.put(e.getKey(), e.getValue().asDouble());
        });
        return new BusinessContext(n.path("externalFacing").asBoolean(false), n.path("personalData").asBoolean(false),
                weights);
    }

    /**
     * Whether a key declares nothing: missing, null, or with nothing after it (a key whose entries are all still
     * commented out, as {@code dsomm-gate init} writes them, which YAML reads as an empty value).
     */
    private static boolean isEmpty(final JsonNode n) {
        return n.isMissingNode() || n.isNull() || n.isTextual() && n.asText().isBlank();
    }

    private static Iterable<JsonNode> list(final JsonNode root, final String key, final String name) {
        JsonNode n = root.path(key);
        if (isEmpty(n)) {
            return List.of();
        }
        if (!n.isArray()) {
            throw new DeclarationsException(name + ": '" + key + "' must be a list");
        }
        List<JsonNode> items = new ArrayList<>();
        int i = 0;
        for (JsonNode item : n) {
            i++;
            if (!item.isObject()) {
                throw new DeclarationsException(name + ": " + key + "[" + i + "]: expected a map");
            }
            items.add(item);
        }
        return items;
    }

    private Activity activity(final JsonNode n, final String name, final String where) {
        String ref = n.path("activity").asText("").trim();
        if (ref.isEmpty()) {
            throw new DeclarationsException(name + ": " + where + ": 'activity' is missing");
        }
        return catalog.find(ref).orElseThrow(() -> new DeclarationsException(name + ": " + where
                + ": activity '" + ref + "' is not in DSOMM " + catalog.version() + " (give its uuid or exact name)"));
    }

    private static String required(final JsonNode n, final String key, final String name, final String where) {
        String v = n.path(key).asText("").trim();
        if (v.isEmpty()) {
            throw new DeclarationsException(name + ": " + where + ": '" + key + "' is missing");
        }
        return v;
    }

    private static LocalDate date(final JsonNode n, final String key, final boolean required, final String name,
            final String where) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull() || v.asText().isBlank()) {
            if (required) {
                throw new DeclarationsException(name + ": " + where + ": '" + key + "' is missing (YYYY-MM-DD)");
            }
            return null;
        }
        try {
            return LocalDate.parse(v.asText().trim());
        }
        catch (DateTimeParseException e) {
            throw new DeclarationsException(name + ": " + where + ": '" + key + "' is not a date (YYYY-MM-DD): "
                    + v.asText(), e);
        }
    }

    private static void checkOrder(final LocalDate date, final LocalDate expires, final String name,
            final String where) {
        if (date != null && expires != null && expires.isBefore(date)) {
            throw new DeclarationsException(name + ": " + where + ": 'expires' (" + expires + ") is before 'date' ("
                    + date + ")");
        }
    }

    private static void checkKeys(final JsonNode node, final Set<String> allowed, final String file,
            final String where) {
        Yaml.checkKeys(node, allowed, file, where, DeclarationsException::new);
    }
}
