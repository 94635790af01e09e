package io.jenkins.plugins.dsomm.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.dsomm.catalog.Activity;
import io.jenkins.plugins.dsomm.catalog.Catalog;
import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
import io.jenkins.plugins.dsomm.evidence.Severity;
import io.jenkins.plugins.dsomm.yaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Loads mapping files (see docs/mapping.md): the bundled {@code standard} and {@code extended} rule sets and
 * user files that extend one of them, replace rules (a rule for an activity replaces the base's) or remove them.
 */
public final class RuleSetLoader {
    /** The default rule set: activities common scanners evidence directly. */
    public static final String STANDARD = "standard";
    /** The opt-in rule set: standard plus further direct and partial activities. */
    public static final String EXTENDED = "extended";

    private static final Set<String> FILE_KEYS = Set.of("version", "name", "extends", "rules", "remove");
    private static final Set<String> RULE_KEYS = Set.of("activity", "name", "description", "when");
    private static final Set<String> EVIDENCE_KEYS = Set.of("evidence", "withKinds", "anyFacet", "tools", "formats",
            "minReports", "minTools", "minComponents", "minSuppressed");
    private static final Set<String> FINDING_KEYS = Set.of("noOpen", "in", "rules");
    private static final Set<String> CONTEXT_KEYS = Set.of("context");

    private final Catalog catalog;

    public RuleSetLoader(final Catalog catalog) {
        this.catalog = catalog;
    }

    /** A bundled rule set by name ({@code standard} or {@code extended}). */
    public RuleSet bundled(final String name) {
        String resource = switch (name) {
            case STANDARD -> "rules-standard.yml";
            case EXTENDED -> "rules-extended.yml";
            default -> throw new MappingException("unknown rule set '" + name + "': use standard, extended or a file");
        };
        try (InputStream in = RuleSetLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("bundled mapping missing: " + resource);
            }
            return parse(in, "bundled " + name + " rule set");
        }
        catch (IOException e) {
            throw new MappingException("cannot read the bundled " + name + " rule set: " + e.getMessage(), e);
        }
    }

    /** A user mapping file. */
    public RuleSet load(final Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        }
        catch (IOException e) {
            throw new MappingException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Parses a mapping document; {@code name} is used in messages. */
    public RuleSet parse(final InputStream in, final String name) throws IOException {
        JsonNode root = Yaml.readTree(in, name, MappingException::new);
        if (root == null || !root.isObject()) {
            throw new MappingException(name + ": not a mapping file: expected a map with 'rules'");
        }
        checkKeys(root, FILE_KEYS, name, "the file");
        int version = root.path("version").asInt(1);
        if (version != 1) {
            throw new MappingException(name + ": mapping version " + version + " is not supported (use version: 1)");
        }
        String base = root.path("extends").asText("none");
        Map<String, ActivityRule> rules = new LinkedHashMap<>();
        List<String> sources = new ArrayList<>();
        String setName = root.path("name").asText(name);
        if (!"none".equals(base)) {
            if (base.equals(setName)) {
                throw new MappingException(name + ": a rule set cannot extend itself");
            }
            RuleSet parent = bundled(base);
            rules.putAll(parent.rules());
            sources.addAll(parent.sources());
        }
        sources.add(name);
        for (JsonNode removed : root.path("remove")) {
            rules.remove(activity(removed.asText(), name, "remove").uuid());
        }
        JsonNode list = root.path("rules");
        if (!list.isMissingNode() && !list.isArray()) {
            throw new MappingException(name + ": 'rules' must be a list");
        }
        int index = 0;
        for (JsonNode rule : list) {
            index++;
            ActivityRule r = rule(rule, name, index, setName);
            rules.put(r.activity(), r);
        }
        return new RuleSet(setName, sources, rules);
    }

    private ActivityRule rule(final JsonNode node, final String file, final int index, final String source) {
        String where = "rule " + index;
        if (!node.isObject()) {
            throw new MappingException(file + ": " + where + ": expected a map with 'activity' and 'when'");
        }
        checkKeys(node, RULE_KEYS, file, where);
        Activity activity = activity(node.path("activity").asText(""), file, where);
        where = where + " (" + activity.name() + ")";
        JsonNode when = node.path("when");
        if (!when.isArray() || when.isEmpty()) {
            throw new MappingException(file + ": " + where + ": 'when' must list at least one condition");
        }
        List<Condition> conditions = new ArrayList<>();
        int c = 0;
        for (JsonNode cond : when) {
            c++;
            conditions.add(condition(cond, file, where + ", condition " + c));
        }
        return new ActivityRule(activity.uuid(), source, conditions, node.path("description").asText(null));
    }

    private Condition condition(final JsonNode node, final String file, final String where) {
        if (!node.isObject()) {
            throw new MappingException(file + ": " + where + ": expected a map with evidence, noOpen or context");
        }
        try {
            if (node.has("evidence")) {
                checkKeys(node, EVIDENCE_KEYS, file, where);
                return new EvidenceCondition(kinds(node.get("evidence"), file, where), kinds(node.path("withKinds"), file, where),
                        strings(node.path("anyFacet")), patterns(node.path("tools"), file, where),
                        strings(node.path("formats")), nonNegative(node, "minReports", 1, file, where),
                        nonNegative(node, "minTools", 1, file, where),
                        nonNegative(node, "minComponents", 0, file, where),
                        nonNegative(node, "minSuppressed", 0, file, where));
            }
            if (node.has("noOpen")) {
                checkKeys(node, FINDING_KEYS, file, where);
                return new FindingCondition(severities(node.get("noOpen"), file, where),
                        kinds(node.path("in"), file, where), strings(node.path("rules")));
            }
            if (node.has("context")) {
                checkKeys(node, CONTEXT_KEYS, file, where);
                return new ContextCondition(strings(node.get("context")));
            }
        }
        catch (IllegalArgumentException e) {
            throw new MappingException(file + ": " + where + ": " + e.getMessage(), e);
        }
        throw new MappingException(file + ": " + where + ": a condition needs one of evidence, noOpen or context");
    }

    private Activity activity(final String ref, final String file, final String where) {
        if (ref.isBlank()) {
            throw new MappingException(file + ": " + where + ": no activity given");
        }
        return catalog.find(ref.trim()).orElseThrow(() -> new MappingException(file + ": " + where
                + ": activity '" + ref + "' is not in DSOMM " + catalog.version() + " (give its uuid or exact name)"));
    }

    private static void checkKeys(final JsonNode node, final Set<String> allowed, final String file,
            final String where) {
        Yaml.checkKeys(node, allowed, file, where, MappingException::new);
    }

    private static List<String> strings(final JsonNode node) {
        List<String> list = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> list.add(n.asText()));
        }
        else if (node.isValueNode() && !node.isNull()) {
            list.add(node.asText());
        }
        return list;
    }

    private static Set<EvidenceKind> kinds(final JsonNode node, final String file, final String where) {
        Set<EvidenceKind> kinds = EnumSet.noneOf(EvidenceKind.class);
        for (String s : strings(node)) {
            try {
                kinds.add(EvidenceKind.valueOf(s.trim().toUpperCase(Locale.ROOT)));
            }
            catch (IllegalArgumentException e) {
                throw new MappingException(file + ": " + where + ": unknown evidence kind '" + s + "' (known: "
                        + String.join(", ", java.util.Arrays.stream(EvidenceKind.values()).map(Enum::name).toList())
                        + ")", e);
            }
        }
        return kinds;
    }

    private static Set<Severity> severities(final JsonNode node, final String file, final String where) {
        Set<Severity> set = EnumSet.noneOf(Severity.class);
        for (String s : strings(node)) {
            if ("ALL".equalsIgnoreCase(s.trim())) {
                set.addAll(EnumSet.allOf(Severity.class));
                continue;
            }
            Severity severity = Severity.parseKey(s);
            if (severity == null) {
                throw new MappingException(file + ": " + where + ": unknown severity '" + s
                        + "' (CRITICAL, HIGH, MEDIUM, LOW, INFO, UNKNOWN or ALL)");
            }
            set.add(severity);
        }
        return set;
    }

    private static List<Pattern> patterns(final JsonNode node, final String file, final String where) {
        List<Pattern> list = new ArrayList<>();
        for (String s : strings(node)) {
            try {
                list.add(Pattern.compile(s, Pattern.CASE_INSENSITIVE));
            }
            catch (PatternSyntaxException e) {
                throw new MappingException(file + ": " + where + ": invalid tool pattern '" + s + "': "
                        + e.getDescription(), e);
            }
        }
        return list;
    }

    private static int nonNegative(final JsonNode node, final String key, final int fallback, final String file,
            final String where) {
        JsonNode v = node.get(key);
        if (v == null) {
            return fallback;
        }
        if (!v.canConvertToInt() || v.asInt() < 0) {
            throw new MappingException(file + ": " + where + ": '" + key + "' must be a whole number ≥ 0");
        }
        return v.asInt();
    }
}
