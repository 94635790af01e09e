package io.jenkins.plugins.dsomm.attest;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.dsomm.catalog.Activity;
import io.jenkins.plugins.dsomm.catalog.Catalog;
import io.jenkins.plugins.dsomm.yaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a DSOMM application team progress file ({@code progress: activity uuid → team → state title → date}) as a
 * source of attestations for one team. The highest state of the team counts: the complete (100%) state attests the
 * activity from its date, for {@value DeclarationsLoader#DEFAULT_ATTESTATION_DAYS} days as any attestation; a lower
 * state shows the activity as in progress, never as met. State titles come from the progress definition given,
 * else the application's defaults when the file uses them, else the order found in the file. An unknown
 * team, activity or state gives a warning naming the file and the entry: nothing is dropped silently. A file that
 * is not a team progress file is refused.
 */
public final class TeamProgressImport {
    private final Catalog catalog;

    public TeamProgressImport(final Catalog catalog) {
        this.catalog = catalog;
    }

    /**
     * @param file       the application's {@code team-progress.yaml}
     * @param team       whose progress counts
     * @param definition the progress definition, or null (defaults, else the file's order)
     */
    public ImportedProgress read(final Path file, final String team, final ProgressDefinition definition) {
        if (!Files.isRegularFile(file)) {
            throw new DeclarationsException(file + ": no such team progress file");
        }
        Path fileName = file.getFileName();
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, fileName == null ? file.toString() : fileName.toString(), team, definition);
        }
        catch (IOException e) {
            throw new DeclarationsException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    public ImportedProgress parse(final InputStream in, final String name, final String team,
            final ProgressDefinition definition) throws IOException {
        JsonNode root = Yaml.readTree(in, name, DeclarationsException::new);
        JsonNode progress = root == null ? null : root.get("progress");
        if (progress == null || !(progress.isObject() || progress.isNull())) {
            throw new DeclarationsException(name + ": not a DSOMM team progress file: no 'progress' map of activity "
                    + "uuid to team to state");
        }
        List<String> warnings = new ArrayList<>();
        ProgressDefinition states = definition != null ? definition : guess(progress, name, warnings);
        Set<String> teams = new LinkedHashSet<>();
        List<Attestation> attestations = new ArrayList<>();
        List<ProgressState> inProgress = new ArrayList<>();
        for (Map.Entry<String, JsonNode> activity : progress.properties()) {
            JsonNode byTeam = activity.getValue();
            if (!byTeam.isObject()) {
                warnings.add(name + ": activity " + activity.getKey() + ": expected a map of team to states, found '"
                        + byTeam.asText() + "': not counted");
                continue;
            }
            byTeam.fieldNames().forEachRemaining(teams::add);
            JsonNode entry = byTeam.get(team);
            if (entry == null) {
                continue;
            }
            Optional<Activity> known = catalog.activity(activity.getKey());
            String what = name + ": team '" + team + "', activity " + activity.getKey();
            if (known.isEmpty()) {
                warnings.add(what + " is not in DSOMM " + catalog.version() + ": not counted");
                continue;
            }
            what = name + ": team '" + team + "', activity '" + known.get().name() + "'";
            if (!entry.isObject()) {
                warnings.add(what + ": expected a map of state to date, found '" + entry.asText() + "': not counted");
                continue;
            }
            ProgressDefinition.State highest = null;
            LocalDate since = null;
            for (Map.Entry<String, JsonNode> state : entry.properties()) {
                Optional<ProgressDefinition.State> s = states.of(state.getKey());
                if (s.isEmpty()) {
                    warnings.add(what + ": state '" + state.getKey() + "' is not in " + states.source() + " ("
                            + states.order() + "): ignored");
                    continue;
                }
                LocalDate date = date(state.getValue());
                if (date == null) {
                    warnings.add(what + ": state '" + state.getKey() + "' has no date (YYYY-MM-DD): '"
                            + state.getValue().asText() + "': ignored");
                    continue;
                }
                if (highest == null || s.get().score() > highest.score()) {
                    highest = s.get();
                    since = date;
                }
            }
            if (highest == null || highest.score() == 0) {
                continue;
            }
            if (highest.score() >= 1) {
                attestations.add(new Attestation(known.get().uuid(), "team '" + team + "' (DSOMM application)", since,
                        since.plusDays(DeclarationsLoader.DEFAULT_ATTESTATION_DAYS), "", "'" + highest.title()
                        + "' in " + name));
            }
            else {
                inProgress.add(new ProgressState(known.get().uuid(), team, highest.title(), highest.score(), since,
                        name));
            }
        }
        if (!teams.contains(team)) {
            warnings.add(0, name + ": team '" + team + "' has no progress in this file (teams: "
                    + (teams.isEmpty() ? "none" : String.join(", ", teams)) + "): nothing imported");
        }
        return new ImportedProgress(attestations, inProgress, warnings);
    }

    /**
     * The application's defaults when the file uses only their titles or has their complete state ("Fully
     * implemented"; other titles are then unknown states); else the order in which titles first occur in the file,
     * the last complete (with a warning saying so).
     */
    private static ProgressDefinition guess(final JsonNode progress, final String name, final List<String> warnings) {
        ProgressDefinition defaults = ProgressDefinition.defaults();
        Set<String> titles = new LinkedHashSet<>();
        for (JsonNode byTeam : progress) {
            for (JsonNode states : byTeam) {
                states.fieldNames().forEachRemaining(titles::add);
            }
        }
        if (titles.contains(defaults.complete().title()) || titles.stream().allMatch(t -> defaults.of(t).isPresent())) {
            return defaults;
        }
        List<String> order = new ArrayList<>(titles);
        ProgressDefinition found = ProgressDefinition.inOrder(order, "the order of " + name);
        warnings.add(name + ": no progress definition given and the states are not the DSOMM application's defaults: "
                + "taken in the order the file has them, " + found.order() + ", so '" + found.complete().title()
                + "' counts as complete (give the application's meta.yaml as progress definition to be sure)");
        return found;
    }

    private static LocalDate date(final JsonNode n) {
        String text = n.asText("").trim();
        if (text.length() >= 10) {
            text = text.substring(0, 10);
        }
        try {
            return LocalDate.parse(text);
        }
        catch (DateTimeParseException e) {
            return null;
        }
    }
}
