package io.jenkins.plugins.dsomm.run;

import io.jenkins.plugins.dsomm.gate.Outcome;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The values of {@link AssessOption}s as a user gave them (text), from one side: command-line flags or Jenkins
 * step options. The engine reads them, so both sides understand a value the same way; a value it cannot read is
 * an {@link IllegalArgumentException} naming the option as that side's users know it.
 */
public final class OptionValues {
    private final AssessOption.Side side;
    private final Map<AssessOption, List<String>> values = new EnumMap<>(AssessOption.class);

    private OptionValues(final AssessOption.Side side) {
        this.side = side;
    }

    public static OptionValues commandLine() {
        return new OptionValues(AssessOption.Side.COMMAND_LINE);
    }

    public static OptionValues jenkins() {
        return new OptionValues(AssessOption.Side.JENKINS);
    }

    /** Adds a value (a repeated command-line option gives several); null and blank values are not values. */
    public OptionValues add(final AssessOption option, final String value) {
        if (value != null && !value.isBlank()) {
            values.computeIfAbsent(option, o -> new ArrayList<>()).add(value.trim());
        }
        return this;
    }

    /** These values, and those of {@code defaults} for the options given no value here. */
    public OptionValues orElse(final OptionValues defaults) {
        OptionValues merged = new OptionValues(side);
        merged.values.putAll(defaults.values);
        merged.values.putAll(values);
        return merged;
    }

    /** The value, or the option's default (empty when it has none). */
    public String text(final AssessOption option) {
        List<String> v = values.get(option);
        return v == null ? option.defaultValue() : v.get(v.size() - 1);
    }

    /**
     * A whole number, or null when neither given nor defaulted. Its range is checked where it is used (a level
     * must be 0 to 5, an age 0 or more), with that rule's words.
     */
    public Integer integer(final AssessOption option) {
        String v = text(option);
        return v.isEmpty() ? null : integer(option, v);
    }

    public boolean bool(final AssessOption option) {
        String v = text(option).toLowerCase(Locale.ROOT);
        return switch (v) {
            case "true" -> true;
            case "false", "" -> false;
            default -> throw problem(option, "'" + v + "' is not true or false");
        };
    }

    public Outcome outcome(final AssessOption option) {
        String v = text(option);
        return switch (v.toUpperCase(Locale.ROOT)) {
            case "UNSTABLE" -> Outcome.UNSTABLE;
            case "FAILURE" -> Outcome.FAILURE;
            default -> throw problem(option, "outcome must be UNSTABLE or FAILURE: " + v);
        };
    }

    /** The entries: every value split at commas, trimmed, blanks left out. */
    public List<String> list(final AssessOption option) {
        List<String> list = new ArrayList<>();
        for (String value : values.getOrDefault(option, List.of())) {
            for (String s : value.split(",")) {
                if (!s.isBlank()) {
                    list.add(s.trim());
                }
            }
        }
        return list;
    }

    /** NAME=VALUE entries in order; the name may contain spaces ("Test and Verification=2"). */
    public Map<String, String> pairs(final AssessOption option) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String entry : list(option)) {
            int eq = entry.lastIndexOf('=');
            if (eq <= 0 || eq == entry.length() - 1) {
                throw problem(option, "'" + entry + "' is not NAME=VALUE");
            }
            m.put(entry.substring(0, eq).trim(), entry.substring(eq + 1).trim());
        }
        return m;
    }

    /** {@link #pairs} with whole-number values. */
    public Map<String, Integer> integerPairs(final AssessOption option) {
        Map<String, Integer> m = new LinkedHashMap<>();
        pairs(option).forEach((k, v) -> m.put(k, integer(option, v)));
        return m;
    }

    /** {@link #pairs} with decimal values. */
    public Map<String, Double> numberPairs(final AssessOption option) {
        Map<String, Double> m = new LinkedHashMap<>();
        pairs(option).forEach((k, v) -> {
            try {
                m.put(k, Double.parseDouble(v));
            }
            catch (NumberFormatException e) {
                throw problem(option, "'" + v + "' is not a number");
            }
        });
        return m;
    }

    private int integer(final AssessOption option, final String v) {
        try {
            return Integer.parseInt(v.trim());
        }
        catch (NumberFormatException e) {
            throw problem(option, "'" + v + "' is not a whole number");
        }
    }

    /** The option as this side's users know it: its flag or its property. */
    String nameOf(final AssessOption option) {
        return option.nameOn(side);
    }

    /** A problem with a value, naming the option as this side's users know it. */
    IllegalArgumentException problem(final AssessOption option, final String what) {
        return new IllegalArgumentException(option.nameOn(side) + ": " + what);
    }

    public AssessOption.Side side() {
        return side;
    }
}
