package io.jenkins.plugins.dsomm.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.dsomm.assess.ActivityResult;
import io.jenkins.plugins.dsomm.assess.ActivityStatus;
import io.jenkins.plugins.dsomm.assess.Assessment;
import io.jenkins.plugins.dsomm.yaml.Yaml;

import java.time.temporal.ChronoUnit;
import java.io.UncheckedIOException;
import java.time.LocalDate;

/**
 * The DSOMM application's v4 team progress ({@code team-progress.yaml}): {@code progress: {activity uuid:
 * {team: {state: date}}}}. Activities that are met, attested or waived are written as {@code Implemented} on the
 * assessment day, so the assessment can be loaded into the DSOMM web application. Activities declared not
 * applicable, failed, missing, blocked or not assessed are left out: the application has no state for them.
 */
public final class TeamProgressYaml {
    /** The DSOMM application's progress state for a completed activity. */
    public static final String IMPLEMENTED = "Implemented";

    private TeamProgressYaml() {
    }

    public static String render(final Assessment a, final String team, final LocalDate date) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ObjectNode progress = root.putObject("progress");
        for (ActivityResult r : a.activities()) {
            ActivityStatus s = r.status();
            if (s == ActivityStatus.MET || s == ActivityStatus.ATTESTED || s == ActivityStatus.WAIVED) {
                progress.putObject(r.uuid()).putObject(team).put(IMPLEMENTED, date.toString());
            }
        }
        try {
            return "# DSOMM team progress of " + oneLine(team) + ", written by DSOMM Gate from the assessment of "
                    + a.createdAt().truncatedTo(ChronoUnit.SECONDS) + "\n" + Yaml.mapper().writeValueAsString(root);
        }
        catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String oneLine(final String s) {
        return s.replaceAll("[\\r\\n\\u0085\\u2028\\u2029]", " ");
    }
}
