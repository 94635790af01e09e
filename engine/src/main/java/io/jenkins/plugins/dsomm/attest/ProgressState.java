package io.jenkins.plugins.dsomm.attest;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * A team's progress on an activity in the DSOMM application that is short of complete ("Started", "Partly
 * implemented"): shown as in progress, never as met.
 *
 * @param activity uuid of the activity
 * @param team     the team
 * @param state    the state's title, as the file has it
 * @param score    its score, 0 to 1 (exclusive)
 * @param date     since when
 * @param source   the file it came from
 */
public record ProgressState(String activity, String team, String state, double score, LocalDate date,
        String source) implements Serializable {
    /** "in progress in the DSOMM application: 'Started' since 2025-02-01 (team-progress.yaml, team 'Team A')". */
    public String sentence() {
        return "in progress in the DSOMM application: '" + state + "' since " + date + " (" + source + ", team '"
                + team + "')";
    }
}
