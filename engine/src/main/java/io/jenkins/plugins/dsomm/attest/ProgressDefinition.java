package io.jenkins.plugins.dsomm.attest;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.dsomm.yaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The progress states of the DSOMM application ({@code progressDefinition} of its {@code meta.yaml}): titles with a
 * score from 0 to 1, one of them 0 ("Not implemented", never written to a progress file) and one 1 (complete).
 *
 * @param states the states, lowest score first
 * @param source where the definition comes from, for messages
 */
public record ProgressDefinition(List<State> states, String source) implements Serializable {
    /** The title of the application's default complete state. */
    public static final String FULLY_IMPLEMENTED = "Fully implemented";

    /**
     * One state.
     *
     * @param title the title, as files have it
     * @param score 0 to 1
     */
    public record State(String title, double score) implements Serializable {
    }

    public ProgressDefinition {
        List<State> sorted = new ArrayList<>(states);
        sorted.sort(Comparator.comparingDouble(State::score));
        states = List.copyOf(sorted);
    }

    /** The DSOMM application's defaults: Not implemented 0%, Started 20%, Partly implemented 50%, Fully 100%. */
    public static ProgressDefinition defaults() {
        return new ProgressDefinition(List.of(new State("Not implemented", 0), new State("Started", 0.2),
                new State("Partly implemented", 0.5), new State(FULLY_IMPLEMENTED, 1)),
                "the DSOMM application's default progress definition");
    }

    /**
     * States in the order a file has them, lowest first, the last one complete and the others in between (the
     * file has no 0% state: the application never writes it).
     */
    public static ProgressDefinition inOrder(final List<String> titles, final String source) {
        List<State> states = new ArrayList<>();
        for (int i = 0; i < titles.size(); i++) {
            states.add(new State(titles.get(i), (i + 1) / (double) titles.size()));
        }
        return new ProgressDefinition(states, source);
    }

    /** Reads {@code progressDefinition} of a DSOMM application {@code meta.yaml}; errors name the file. */
    public static ProgressDefinition load(final Path file) {
        if (!Files.isRegularFile(file)) {
            throw new DeclarationsException(file + ": no such progress definition (a DSOMM application meta.yaml)");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        }
        catch (IOException e) {
            throw new DeclarationsException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    public static ProgressDefinition parse(final InputStream in, final String name) throws IOException {
        JsonNode root = Yaml.readTree(in, name, DeclarationsException::new);
        JsonNode definition = root == null ? null : root.path("progressDefinition");
        if (definition == null || !definition.isObject() || definition.isEmpty()) {
            throw new DeclarationsException(name + ": no 'progressDefinition' map of state title to score (the "
                    + "DSOMM application's meta.yaml has one)");
        }
        List<State> states = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : definition.properties()) {
            JsonNode score = e.getValue().isObject() ? e.getValue().path("score") : e.getValue();
            states.add(new State(e.getKey(), score(score, name, e.getKey())));
        }
        if (states.stream().noneMatch(s -> s.score() == 0) || states.stream().noneMatch(s -> s.score() == 1)) {
            throw new DeclarationsException(name + ": progressDefinition needs a state of 0% and one of 100% (as the "
                    + "DSOMM application does)");
        }
        return new ProgressDefinition(states, name);
    }

    /** "20%" is 0.2, "0.2" and 0.2 too (as the application reads scores). */
    private static double score(final JsonNode n, final String name, final String title) {
        double value;
        try {
            String text = n.asText("").trim();
            value = n.isNumber() ? n.asDouble() : text.endsWith("%")
                    ? Double.parseDouble(text.substring(0, text.length() - 1).trim()) / 100 : Double.parseDouble(text);
        }
        catch (NumberFormatException e) {
            throw new DeclarationsException(name + ": progressDefinition: '" + title + "' has no score (like 50%): "
                    + n.asText(), e);
        }
        if (!(value >= 0 && value <= 1)) {
            throw new DeclarationsException(name + ": progressDefinition: the score of '" + title
                    + "' must be 0% to 100%: " + n.asText());
        }
        return value;
    }

    public Optional<State> of(final String title) {
        return states.stream().filter(s -> s.title().equals(title)).findFirst();
    }

    /** The complete state (score 1). */
    public State complete() {
        return states.get(states.size() - 1);
    }

    /** The states a progress file holds up to {@code state}: every non-zero state of lower or equal score. */
    public List<State> upTo(final State state) {
        return states.stream().filter(s -> s.score() > 0 && s.score() <= state.score()).toList();
    }

    /** "Started < Partly implemented < Fully implemented". */
    public String order() {
        return String.join(" < ", states.stream().filter(s -> s.score() > 0).map(State::title).toList());
    }
}
