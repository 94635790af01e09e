package io.jenkins.plugins.dsomm.plugin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.dsomm.assess.ActivityResult;
import io.jenkins.plugins.dsomm.assess.Assessment;
import io.jenkins.plugins.dsomm.assess.DimensionLevel;
import io.jenkins.plugins.dsomm.assess.LevelSupport;
import io.jenkins.plugins.dsomm.assess.LevelView;
import io.jenkins.plugins.dsomm.assess.SubDimensionLevel;
import io.jenkins.plugins.dsomm.gate.Gap;
import io.jenkins.plugins.dsomm.gate.GapItem;
import io.jenkins.plugins.dsomm.gate.GapList;
import io.jenkins.plugins.dsomm.gate.GateResult;
import io.jenkins.plugins.dsomm.json.AssessmentDocument;
import io.jenkins.plugins.dsomm.kpi.Kpis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the build's DSOMM page shows, taken from the engine's model of the assessment: no value is computed here that
 * the engine does not give (levels, targets, ceilings, what carries a level, the gap list by who can act). Every
 * text goes through Jelly's escape-by-default; the radar chart's model is JSON, read by the page's script from a
 * data attribute.
 */
public final class AssessmentPage {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Colours of the levels 0 to 5, from the Jenkins theme (light and dark themes alike), as the badges have them. */
    private static final String[] LEVEL_CLASSES = {"jenkins-!-color-red", "jenkins-!-color-orange",
        "jenkins-!-color-yellow", "jenkins-!-color-light-green", "jenkins-!-color-green", "jenkins-!-color-dark-green"};
    private static final String SECONDARY = "jenkins-!-text-color-secondary";

    private final AssessmentDocument document;

    AssessmentPage(final AssessmentDocument document) {
        this.document = document;
    }

    public Assessment getAssessment() {
        return document.assessment();
    }

    @CheckForNull
    public GateResult getGate() {
        return document.gate();
    }

    @CheckForNull
    public Kpis getKpis() {
        return document.kpis();
    }

    /** Whether the levels are of the evidence-only view (not DSOMM levels: unverified activities ignored). */
    public boolean isEvidenceOnly() {
        return getAssessment().view() == LevelView.EVIDENCE_ONLY;
    }

    public String getViewDescription() {
        return getAssessment().view().description();
    }

    /** The rows of the levels table: each dimension, then its sub-dimensions. */
    public List<LevelRow> getLevels() {
        List<LevelRow> rows = new ArrayList<>();
        Assessment a = getAssessment();
        for (DimensionLevel d : a.dimensions()) {
            rows.add(new LevelRow(d.name(), false, d.inScope(), d.level(), d.target(), d.evidenceCeiling(),
                    d.inScope() ? LevelSupport.of(a, d).sentence() : "out of scope", d.atTarget()));
            for (SubDimensionLevel s : d.subDimensions()) {
                rows.add(new LevelRow(s.name(), true, s.inScope(), s.level(), s.target(), s.evidenceCeiling(),
                        s.inScope() ? LevelSupport.of(a, s).sentence() : "out of scope", s.atTarget()));
            }
        }
        return rows;
    }

    /** "up to level 2: 6 by CI evidence, 2 attested, 14 unverified" of the overall level. */
    public String getOverallSupport() {
        return LevelSupport.overall(getAssessment()).sentence();
    }

    /** The radar chart's model: dimension names, levels, targets and evidence ceilings (null: none). */
    public String getRadarModel() {
        ObjectNode model = JSON.createObjectNode();
        ArrayNode names = model.putArray("dimensions");
        ArrayNode levels = model.putArray("levels");
        ArrayNode targets = model.putArray("targets");
        ArrayNode ceilings = model.putArray("ceilings");
        boolean anyTarget = false;
        for (DimensionLevel d : getAssessment().dimensions()) {
            names.add(d.name());
            add(levels, d.inScope() ? d.level() : null);
            add(targets, d.inScope() ? d.target() : null);
            add(ceilings, d.inScope() ? d.evidenceCeiling() : null);
            anyTarget |= d.inScope() && d.target() != null;
        }
        model.put("hasTargets", anyTarget);
        model.put("levelName", isEvidenceOnly() ? "Level (evidence-only view)" : "Level");
        try {
            return JSON.writeValueAsString(model);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void add(final ArrayNode array, @CheckForNull final Integer value) {
        if (value == null) {
            array.addNull();
        }
        else {
            array.add(value);
        }
    }

    private GapList gaps() {
        GateResult gate = getGate();
        return gate != null ? gate.gaps() : GapList.of(getAssessment());
    }

    /** The gaps with something a pipeline change can close, in model order. */
    public List<GapGroup> getPipelineGaps() {
        List<GapGroup> groups = new ArrayList<>();
        for (Gap g : gaps().gaps()) {
            if (!g.pipeline().isEmpty()) {
                groups.add(new GapGroup(g, g.pipeline()));
            }
        }
        return groups;
    }

    /** The gaps with something only an attestation (or a declaration) can close, in model order. */
    public List<GapGroup> getAttestationGaps() {
        List<GapGroup> groups = new ArrayList<>();
        for (Gap g : gaps().gaps()) {
            if (!g.attestation().isEmpty()) {
                groups.add(new GapGroup(g, g.attestation()));
            }
        }
        return groups;
    }

    /** Unverified activities that satisfied ones depend on: worth attesting first. */
    public List<String> getUnverifiedPrerequisites() {
        return gaps().unverifiedPrerequisites();
    }

    /** The activities in scope, then those out of scope. */
    public List<ActivityResult> getActivities() {
        List<ActivityResult> rows = new ArrayList<>();
        getAssessment().activities().stream().filter(r -> r.status().inScope()).forEach(rows::add);
        getAssessment().activities().stream().filter(r -> !r.status().inScope()).forEach(rows::add);
        return rows;
    }

    /** The design library's status symbol of a gate outcome (PASS, UNSTABLE, FAILURE). */
    public static String outcomeSymbol(final String outcome) {
        return switch (outcome.toUpperCase(Locale.ROOT)) {
            case "FAILURE" -> "symbol-status-red";
            case "UNSTABLE" -> "symbol-status-yellow";
            default -> "symbol-status-blue";
        };
    }

    /** The design library's colour class of a level: red (0) to dark green (5), the secondary text colour for none. */
    public static String levelClass(@CheckForNull final Integer level) {
        return level == null || level < 0 || level > 5 ? SECONDARY : LEVEL_CLASSES[level];
    }

    /** The design library's colour class of a gate outcome. */
    public static String outcomeClass(final String outcome) {
        return switch (outcome.toUpperCase(Locale.ROOT)) {
            case "FAILURE" -> "jenkins-!-error-color";
            case "UNSTABLE" -> "jenkins-!-warning-color";
            default -> "jenkins-!-success-color";
        };
    }

    /** The design library's colour class of an activity status: satisfied, not satisfied, nobody has spoken. */
    public static String statusClass(final ActivityResult r) {
        if (!r.status().inScope() || !r.status().assessed()) {
            return SECONDARY;
        }
        return r.status().satisfied() ? "jenkins-!-success-color" : "jenkins-!-error-color";
    }

    /**
     * A row of the levels table.
     *
     * @param name      dimension or sub-dimension name
     * @param sub       whether it is a sub-dimension
     * @param inScope   whether it counts
     * @param level     level or null
     * @param target    target or null
     * @param ceiling   evidence ceiling or null
     * @param support   what carries the level
     * @param atTarget  whether it is at or above its target (true without one)
     */
    public record LevelRow(String name, boolean sub, boolean inScope, Integer level, Integer target, Integer ceiling,
            String support, boolean atTarget) {
        public String getLevelText() {
            return inScope ? level == null ? "n/a" : level.toString() : "out of scope";
        }

        public String getLevelClass() {
            return levelClass(inScope ? level : null);
        }
    }

    /**
     * The activities of a gap that one actor can close.
     *
     * @param gap   the gap (sub-dimension, level, target)
     * @param items its activities for that actor
     */
    public record GapGroup(Gap gap, List<GapItem> items) {
        public String getTitle() {
            return gap.dimension() + " / " + gap.subDimension() + ": level " + gap.level() + " → " + gap.target()
                    + (gap.byTarget() ? " (target)" : "") + (gap.limitsOverall() ? ", holds the overall level" : "");
        }
    }
}
