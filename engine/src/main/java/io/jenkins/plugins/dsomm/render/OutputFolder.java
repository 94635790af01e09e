package io.jenkins.plugins.dsomm.render;

import io.jenkins.plugins.dsomm.assess.Assessment;
import io.jenkins.plugins.dsomm.assess.DimensionLevel;
import io.jenkins.plugins.dsomm.attest.ProgressDefinition;
import io.jenkins.plugins.dsomm.gate.GateResult;
import io.jenkins.plugins.dsomm.json.AssessmentJson;
import io.jenkins.plugins.dsomm.kpi.Kpis;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes every output of an assessment into a folder: {@code assessment.json}, {@code badge.svg} and one
 * {@code badge-<dimension>.svg} per dimension, {@code trend.svg}, {@code report.html},
 * {@code dsomm-activities.junit.xml}, {@code team-progress.yaml} and {@code team-evidence.yaml} (the DSOMM
 * application's files).
 */
public final class OutputFolder {
    public static final String ASSESSMENT = "assessment.json";
    public static final String BADGE = "badge.svg";
    public static final String TREND = "trend.svg";
    public static final String REPORT = "report.html";
    public static final String JUNIT = "dsomm-activities.junit.xml";
    public static final String TEAM_PROGRESS = "team-progress.yaml";
    public static final String TEAM_EVIDENCE = "team-evidence.yaml";

    private OutputFolder() {
    }

    /**
     * @param dir   the folder (created when missing)
     * @param a     the assessment
     * @param gate  the gate result
     * @param trend earlier builds and this one, oldest first
     * @param team  team name for team-progress.yaml
     * @param day   the day written into team-progress.yaml
     * @return the files written
     */
    public static List<Path> write(final Path dir, final Assessment a, final GateResult gate,
            final List<TrendPoint> trend, final String team, final LocalDate day) throws IOException {
        return write(dir, a, gate, null, trend, team, day);
    }

    /** As above, with the KPIs (may be null) in assessment.json and report.html. */
    public static List<Path> write(final Path dir, final Assessment a, final GateResult gate, final Kpis kpis,
            final List<TrendPoint> trend, final String team, final LocalDate day) throws IOException {
        return write(dir, a, gate, kpis, trend, team, day, ProgressDefinition.defaults());
    }

    /** As above, with the team's progress states for team-progress.yaml. */
    public static List<Path> write(final Path dir, final Assessment a, final GateResult gate, final Kpis kpis,
            final List<TrendPoint> trend, final String team, final LocalDate day,
            final ProgressDefinition progressStates) throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        Path json = dir.resolve(ASSESSMENT);
        try (OutputStream out = Files.newOutputStream(json)) {
            AssessmentJson.write(a, gate, kpis, out);
        }
        written.add(json);
        written.add(text(dir.resolve(BADGE), BadgeSvg.of(a)));
        for (DimensionLevel d : a.dimensions()) {
            written.add(text(dir.resolve("badge-" + Markup.slug(d.name()) + ".svg"), BadgeSvg.of(a, d)));
        }
        written.add(text(dir.resolve(TREND), TrendSvg.render(trend)));
        written.add(text(dir.resolve(REPORT), HtmlReport.render(a, gate, trend, kpis)));
        written.add(text(dir.resolve(JUNIT), JUnitXml.render(a)));
        written.add(text(dir.resolve(TEAM_PROGRESS), TeamProgressYaml.render(a, team, day, progressStates)));
        written.add(text(dir.resolve(TEAM_EVIDENCE), TeamEvidenceYaml.render(a, team, day)));
        return written;
    }

    private static Path text(final Path file, final String content) throws IOException {
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }
}
