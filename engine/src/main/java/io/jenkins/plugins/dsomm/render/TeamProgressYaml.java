package io.jenkins.plugins.dsomm.render;

import io.jenkins.plugins.dsomm.assess.ActivityResult;
import io.jenkins.plugins.dsomm.assess.ActivityStatus;
import io.jenkins.plugins.dsomm.assess.Assessment;
import io.jenkins.plugins.dsomm.assess.DeclarationState;
import io.jenkins.plugins.dsomm.attest.ProgressDefinition;
import io.jenkins.plugins.dsomm.attest.Validity;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The DSOMM application's team progress ({@code team-progress.yaml}, app 4.x): {@code progress: activity uuid →
 * team → state title → date}, written the way the application loads it. Met and attested activities get the
 * complete state of the progress definition (default: the application's own, "Fully implemented") and, because
 * the application's states are cumulative, every lower non-zero state with the same date: a met activity the
 * assessment day, an attested one its attestation's date. An activity imported as in progress keeps its state (when
 * the definition has it). The 0% state is never written; nothing else is: not applicable, waived (accepted, not
 * done), failed, missing, blocked, unverified and out-of-scope activities have no state in the application. Dates
 * are unquoted YAML dates, titles and team names single-quoted, each uuid followed by the activity's name.
 */
public final class TeamProgressYaml {
    private TeamProgressYaml() {
    }

    /** With the application's default progress definition. */
    public static String render(final Assessment a, final String team, final LocalDate date) {
        return render(a, team, date, ProgressDefinition.defaults());
    }

    /**
     * @param a          the assessment
     * @param team       the team name in the application
     * @param date       the assessment day (the date of met activities)
     * @param definition the team's progress states
     */
    public static String render(final Assessment a, final String team, final LocalDate date,
            final ProgressDefinition definition) {
        StringBuilder y = new StringBuilder();
        y.append("# DSOMM team progress of ").append(YamlText.comment(team))
                .append(", written by DSOMM Gate from the assessment of ")
                .append(a.createdAt().truncatedTo(ChronoUnit.SECONDS)).append('\n');
        y.append("# states: ").append(YamlText.comment(definition.order())).append(" (")
                .append(YamlText.comment(definition.source())).append(")\n");
        List<String> waived = new ArrayList<>();
        StringBuilder entries = new StringBuilder();
        for (ActivityResult r : a.activities()) {
            Optional<ProgressDefinition.State> state = Optional.empty();
            LocalDate since = date;
            if (r.status() == ActivityStatus.MET) {
                state = Optional.of(definition.complete());
            }
            else if (r.status() == ActivityStatus.ATTESTED) {
                state = Optional.of(definition.complete());
                since = declaration(a, "attestation", r.uuid()).map(DeclarationState::date).orElse(date);
            }
            else if (r.status() == ActivityStatus.WAIVED) {
                waived.add(r.activity().name());
            }
            else if (r.status().inScope()) {
                Optional<DeclarationState> progress = declaration(a, "in-progress", r.uuid());
                if (progress.isPresent()) {
                    state = definition.of(progress.get().detail()).filter(s -> s.score() > 0);
                    since = progress.get().date();
                }
            }
            if (state.isEmpty()) {
                continue;
            }
            entries.append("  ").append(YamlText.key(r.uuid())).append(":  # ")
                    .append(YamlText.comment(r.activity().name())).append('\n');
            entries.append("    ").append(YamlText.quoted(team)).append(":\n");
            for (ProgressDefinition.State s : definition.upTo(state.get())) {
                entries.append("      ").append(YamlText.quoted(s.title())).append(": ").append(since).append('\n');
            }
        }
        if (!waived.isEmpty()) {
            y.append("# waived, so not written as implemented: ").append(YamlText.comment(String.join(", ", waived)))
                    .append('\n');
        }
        y.append(entries.isEmpty() ? "progress: {}\n" : "progress:\n" + entries);
        return y.toString();
    }

    private static Optional<DeclarationState> declaration(final Assessment a, final String type, final String uuid) {
        return a.declarations().stream().filter(d -> d.type().equals(type) && uuid.equals(d.activity())
                && d.validity() == Validity.VALID && d.date() != null).findFirst();
    }
}
