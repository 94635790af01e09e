package io.jenkins.plugins.dsomm.render;

import io.jenkins.plugins.dsomm.assess.ActivityResult;
import io.jenkins.plugins.dsomm.assess.ActivityStatus;
import io.jenkins.plugins.dsomm.assess.Assessment;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The DSOMM application's team evidence ({@code team-evidence.yaml}, app 4.4.1+): {@code evidence: activity uuid →
 * entries}, one entry per met activity citing its CI evidence (the tools and reports, the build and its URL where
 * known). Each entry's {@code id} is derived from the team, the activity and the source (the job, else DSOMM Gate),
 * not from the build: the application merges entries by id, so a later export replaces the entry instead of adding
 * a copy.
 */
public final class TeamEvidenceYaml {
    private TeamEvidenceYaml() {
    }

    /**
     * @param a    the assessment
     * @param team the team name in the application
     * @param date the assessment day ({@code evidenceRecorded})
     */
    public static String render(final Assessment a, final String team, final LocalDate date) {
        String source = a.subject().getOrDefault("job", "DSOMM Gate");
        String url = a.subject().getOrDefault("url", "");
        StringBuilder y = new StringBuilder();
        y.append("# DSOMM team evidence of ").append(YamlText.comment(team))
                .append(", written by DSOMM Gate from the assessment of ")
                .append(a.createdAt().truncatedTo(ChronoUnit.SECONDS)).append('\n');
        StringBuilder entries = new StringBuilder();
        for (ActivityResult r : a.activities()) {
            if (r.status() != ActivityStatus.MET) {
                continue;
            }
            entries.append("  ").append(YamlText.key(r.uuid())).append(":  # ")
                    .append(YamlText.comment(r.activity().name())).append('\n');
            entries.append("    - id: ").append(id(team, r.uuid(), source)).append('\n');
            entries.append("      teams:\n        - ").append(YamlText.quoted(team)).append('\n');
            entries.append("      title: ").append(YamlText.quoted("Shown by CI: " + r.reason())).append('\n');
            entries.append("      evidenceRecorded: ").append(date).append('\n');
            entries.append("      description: ").append(YamlText.quoted(description(a, r))).append('\n');
            if (!url.isBlank()) {
                entries.append("      attachment:\n        - type: link\n          externalLink: ")
                        .append(YamlText.quoted(url)).append('\n');
            }
        }
        y.append(entries.isEmpty() ? "evidence: {}\n" : "evidence:\n" + entries);
        return y.toString();
    }

    /** The stable id of the entry of a team, an activity and a source: a name-based (version 3) uuid. */
    static String id(final String team, final String activity, final String source) {
        return UUID.nameUUIDFromBytes(("dsomm-gate team-evidence\n" + team + "\n" + activity + "\n" + source)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String description(final Assessment a, final ActivityResult r) {
        return "Assessed by DSOMM Gate (" + a.ruleSet() + " rules, DSOMM " + a.catalogVersion() + ") in "
                + a.label() + ": " + r.reason() + (r.evidence().isEmpty() ? "" : ". Reports: "
                + String.join(", ", r.evidence())) + ". Rule: " + r.requirement() + ".";
    }
}
