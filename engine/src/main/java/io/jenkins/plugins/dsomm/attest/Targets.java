package io.jenkins.plugins.dsomm.attest;

import io.jenkins.plugins.dsomm.catalog.Catalog;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The levels a team aims for: one for everything in scope ({@code overall}), per dimension, per sub-dimension. A
 * sub-dimension's target is its own, else its dimension's, else the overall one; a dimension's is the lowest of its
 * sub-dimensions' (as its level is the lowest of theirs). Set in {@code .dsomm.yml} ({@code targets:}) and by gate
 * options, which win.
 */
public final class Targets implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Separates dimension and sub-dimension in a target's name: {@code Implementation / Application Hardening}. */
    public static final String SEPARATOR = " / ";
    /** The key of the target of everything in scope. */
    public static final String OVERALL = "overall";

    private static final Targets NONE = new Targets(null, Map.of(), Map.of());

    private final Integer overall;
    private final Map<String, Integer> dimensions;
    private final Map<String, Integer> subDimensions;

    private Targets(final Integer overall, final Map<String, Integer> dimensions,
            final Map<String, Integer> subDimensions) {
        check(overall, OVERALL);
        dimensions.forEach((k, v) -> check(v, k));
        subDimensions.forEach((k, v) -> check(v, k));
        this.overall = overall;
        this.dimensions = Collections.unmodifiableMap(new LinkedHashMap<>(dimensions));
        this.subDimensions = Collections.unmodifiableMap(new LinkedHashMap<>(subDimensions));
    }

    private static void check(final Integer level, final String what) {
        if (level != null && (level < 0 || level > 5)) {
            throw new IllegalArgumentException("target of " + what + " must be 0 to 5: " + level);
        }
    }

    public static Targets none() {
        return NONE;
    }

    /**
     * Targets from names and levels: {@code overall}, a dimension name, or {@code dimension / sub-dimension}.
     *
     * @throws IllegalArgumentException for a level outside 0 to 5
     */
    public static Targets of(final Map<String, Integer> named) {
        Integer overall = null;
        Map<String, Integer> dims = new LinkedHashMap<>();
        Map<String, Integer> subs = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> e : named.entrySet()) {
            String key = e.getKey().trim();
            if (OVERALL.equalsIgnoreCase(key)) {
                overall = e.getValue();
            }
            else if (key.contains(SEPARATOR.trim())) {
                int at = key.indexOf('/');
                subs.put(key.substring(0, at).trim() + SEPARATOR + key.substring(at + 1).trim(), e.getValue());
            }
            else {
                dims.put(key, e.getValue());
            }
        }
        return new Targets(overall, dims, subs);
    }

    /** These targets with {@code other}'s on top (the gate options' over the file's). */
    public Targets with(final Targets other) {
        Map<String, Integer> dims = new LinkedHashMap<>(dimensions);
        dims.putAll(other.dimensions);
        Map<String, Integer> subs = new LinkedHashMap<>(subDimensions);
        subs.putAll(other.subDimensions);
        return new Targets(other.overall != null ? other.overall : overall, dims, subs);
    }

    public boolean isEmpty() {
        return overall == null && dimensions.isEmpty() && subDimensions.isEmpty();
    }

    public Integer overall() {
        return overall;
    }

    public Map<String, Integer> dimensions() {
        return dimensions;
    }

    /** Keyed {@code dimension / sub-dimension}. */
    public Map<String, Integer> subDimensions() {
        return subDimensions;
    }

    /** The target of a sub-dimension: its own, else its dimension's, else the overall one; null when none. */
    public Integer of(final String dimension, final String subDimension) {
        Integer own = subDimensions.get(dimension + SEPARATOR + subDimension);
        if (own != null) {
            return own;
        }
        Integer dim = dimensions.get(dimension);
        return dim != null ? dim : overall;
    }

    /** Every target as written: {@code overall}, dimension names, {@code dimension / sub-dimension}. */
    public Map<String, Integer> asMap() {
        Map<String, Integer> all = new LinkedHashMap<>();
        if (overall != null) {
            all.put(OVERALL, overall);
        }
        all.putAll(dimensions);
        all.putAll(subDimensions);
        return all;
    }

    /** Names of targets that name no dimension or sub-dimension of the catalog; empty when all are known. */
    public List<String> unknownIn(final Catalog catalog) {
        List<String> unknown = new ArrayList<>();
        for (String d : dimensions.keySet()) {
            if (!catalog.dimensions().contains(d)) {
                unknown.add(d);
            }
        }
        for (String key : subDimensions.keySet()) {
            int at = key.indexOf(SEPARATOR);
            if (!catalog.subDimensions(key.substring(0, at)).containsKey(key.substring(at + SEPARATOR.length()))) {
                unknown.add(key);
            }
        }
        return unknown;
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof Targets t && asMap().equals(t.asMap());
    }

    @Override
    public int hashCode() {
        return asMap().hashCode();
    }

    @Override
    public String toString() {
        return asMap().toString();
    }
}
