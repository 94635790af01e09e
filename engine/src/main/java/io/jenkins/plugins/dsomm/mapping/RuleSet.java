package io.jenkins.plugins.dsomm.mapping;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The mapping in force: at most one rule per activity.
 *
 * @param name    rule set name ("standard", "extended", or a user file's name)
 * @param sources the files the rules came from, base first
 * @param rules   rules by activity uuid, in file order
 */
public record RuleSet(String name, List<String> sources, Map<String, ActivityRule> rules) {
    public RuleSet {
        sources = List.copyOf(sources);
        rules = Collections.unmodifiableMap(new LinkedHashMap<>(rules));
    }

    public Optional<ActivityRule> ruleFor(final String activity) {
        return Optional.ofNullable(rules.get(activity));
    }
}
