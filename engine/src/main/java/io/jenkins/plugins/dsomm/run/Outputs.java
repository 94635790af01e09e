package io.jenkins.plugins.dsomm.run;

import io.jenkins.plugins.dsomm.assess.DimensionLevel;
import io.jenkins.plugins.dsomm.json.AssessmentJson;
import io.jenkins.plugins.dsomm.render.AttestationSkeleton;
import io.jenkins.plugins.dsomm.render.BadgeSvg;
import io.jenkins.plugins.dsomm.render.HtmlReport;
import io.jenkins.plugins.dsomm.render.JUnitXml;
import io.jenkins.plugins.dsomm.render.Markup;
import io.jenkins.plugins.dsomm.render.TeamEvidenceYaml;
import io.jenkins.plugins.dsomm.render.TeamProgressYaml;
import io.jenkins.plugins.dsomm.render.TrendSvg;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Every output of an assessment run, rendered on demand: {@code assessment.json}, {@code badge.svg} and one
 * {@code badge-<dimension>.svg} per dimension, {@code trend.svg}, {@code report.html},
 * {@code dsomm-activities.junit.xml}, the DSOMM application's {@code team-progress.yaml} and
 * {@code team-evidence.yaml}; written into a folder by {@link #writeTo}. The {@code .dsomm.yml} skeleton of the
 * assessment ({@link #attestationSkeleton()}) is offered, not written.
 */
public final class Outputs {
    public static final String ASSESSMENT = "assessment.json";
    public static final String BADGE = "badge.svg";
    public static final String TREND = "trend.svg";
    public static final String REPORT = "report.html";
    public static final String JUNIT = "dsomm-activities.junit.xml";
    public static final String TEAM_PROGRESS = "team-progress.yaml";
    public static final String TEAM_EVIDENCE = "team-evidence.yaml";
    private static final DateTimeFormatter HISTORY_NAME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final RunResult run;

    Outputs(final RunResult run) {
        this.run = run;
    }

    /** The versioned assessment document (docs/assessment-schema.md), UTF-8. */
    public void writeAssessmentJson(final OutputStream out) throws IOException {
        AssessmentJson.write(run.assessment(), run.gate(), run.kpis(), out);
    }

    /** The overall badge; in the evidence-only view labelled so. */
    public String badge() {
        return BadgeSvg.of(run.assessment());
    }

    /** A dimension's badge; "out of scope" for a dimension out of scope. */
    public String badge(final DimensionLevel dimension) {
        return BadgeSvg.of(run.assessment(), dimension);
    }

    public String trendSvg() {
        return TrendSvg.render(run.trend());
    }

    public String html() {
        return HtmlReport.render(run.assessment(), run.gate(), run.trend(), run.kpis());
    }

    public String junitXml() {
        return JUnitXml.render(run.assessment());
    }

    /** The DSOMM application's team progress, in the states of the run's progress definition. */
    public String teamProgressYaml() {
        return TeamProgressYaml.render(run.assessment(), run.team(), run.day(), run.progressDefinition());
    }

    /** The DSOMM application's team evidence: the CI evidence of each met activity. */
    public String teamEvidenceYaml() {
        return TeamEvidenceYaml.render(run.assessment(), run.team(), run.day());
    }

    /** A {@code .dsomm.yml} of the unverified activities up to the next level or target (docs/attestations.md). */
    public String attestationSkeleton() {
        return AttestationSkeleton.of(run.assessment(), run.day());
    }

    /**
     * Writes every output into the folder (created when missing).
     *
     * @return the files written
     */
    public List<Path> writeTo(final Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        Path json = dir.resolve(ASSESSMENT);
        try (OutputStream out = Files.newOutputStream(json)) {
            writeAssessmentJson(out);
        }
        written.add(json);
        written.add(text(dir.resolve(BADGE), badge()));
        for (DimensionLevel d : run.assessment().dimensions()) {
            written.add(text(dir.resolve("badge-" + Markup.slug(d.name()) + ".svg"), badge(d)));
        }
        written.add(text(dir.resolve(TREND), trendSvg()));
        written.add(text(dir.resolve(REPORT), html()));
        written.add(text(dir.resolve(JUNIT), junitXml()));
        written.add(text(dir.resolve(TEAM_PROGRESS), teamProgressYaml()));
        written.add(text(dir.resolve(TEAM_EVIDENCE), teamEvidenceYaml()));
        return written;
    }

    /**
     * Adds the assessment document to a history folder (created when missing) under a name of its time, for the
     * trend and KPIs of later runs.
     *
     * @return the file written
     */
    public Path addToHistory(final Path folder) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve("assessment-" + HISTORY_NAME.format(run.assessment().createdAt()) + ".json");
        Path tmp = folder.resolve(file.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            writeAssessmentJson(out);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        return file;
    }

    private static Path text(final Path file, final String content) throws IOException {
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }
}
