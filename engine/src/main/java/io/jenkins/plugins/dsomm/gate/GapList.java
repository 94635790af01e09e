package io.jenkins.plugins.dsomm.gate;

import io.jenkins.plugins.dsomm.assess.ActivityResult;
import io.jenkins.plugins.dsomm.assess.ActivityStatus;
import io.jenkins.plugins.dsomm.assess.Assessment;
import io.jenkins.plugins.dsomm.assess.DimensionLevel;
import io.jenkins.plugins.dsomm.assess.LevelSupport;
import io.jenkins.plugins.dsomm.assess.Levels;
import io.jenkins.plugins.dsomm.assess.SubDimensionLevel;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The gap list: for every sub-dimension in scope below level 5, the activities still missing for the level it aims
 * for (the next one, or its target when higher), what would satisfy each and who can act (a pipeline change or an
 * attestation); a blocked activity comes after the prerequisites that block it. Also the unverified prerequisites
 * worth attesting (evidence-only view).
 *
 * @param gaps                    per sub-dimension, in model order
 * @param unverifiedPrerequisites names of unverified activities that satisfied activities depend on (only in the
 *                                evidence-only view: in the DSOMM view they block)
 */
public record GapList(List<Gap> gaps, List<String> unverifiedPrerequisites) implements Serializable {
    static final String ATTEST = "or attest it in .dsomm.yml";

    public GapList {
        gaps = List.copyOf(gaps);
        unverifiedPrerequisites = List.copyOf(unverifiedPrerequisites);
    }

    public static GapList of(final Assessment assessment) {
        List<Gap> gaps = new ArrayList<>();
        for (DimensionLevel d : assessment.dimensions()) {
            for (SubDimensionLevel s : d.subDimensions()) {
                if (!s.inScope() || s.level() == null || s.level() >= 5) {
                    continue;
                }
                int target = LevelSupport.goal(s.level(), s.target());
                List<GapItem> items = itemsUpTo(assessment, d.name(), s.name(), target);
                boolean limits = d.inScope() && assessment.overall() != null && s.level().equals(assessment.overall());
                gaps.add(new Gap(d.name(), s.name(), s.level(), target, limits, items, s.target()));
            }
        }
        Set<String> unverified = new LinkedHashSet<>();
        for (ActivityResult a : assessment.activities()) {
            for (String note : a.notes()) {
                if (note.startsWith("prerequisite ") && note.endsWith(" unverified")) {
                    unverified.add(note.substring("prerequisite ".length(), note.length() - " unverified".length()));
                }
            }
        }
        return new GapList(gaps, new ArrayList<>(unverified));
    }

    /**
     * The counted, unsatisfied activities of a sub-dimension (or of a whole dimension when {@code subDimension}
     * is null) up to a level: what it needs to reach that level. Pipeline changes come before attestations; a
     * blocked activity comes right after the prerequisites that block it, which are listed (once) even when they
     * belong elsewhere or to a higher level.
     */
    public static List<GapItem> itemsUpTo(final Assessment assessment, final String dimension,
            final String subDimension, final int level) {
        Map<String, GapItem> items = new LinkedHashMap<>();
        for (ActivityResult a : assessment.activities()) {
            boolean counted = Levels.counts(a.status(), assessment.view());
            if (counted && !a.status().satisfied() && a.activity().dimension().equals(dimension)
                    && (subDimension == null || a.activity().subDimension().equals(subDimension))
                    && a.activity().level() <= level) {
                add(assessment, a, "", items, new LinkedHashSet<>());
            }
        }
        List<GapItem> ordered = new ArrayList<>();
        for (GapActor actor : GapActor.values()) {
            items.values().stream().filter(i -> i.actor() == actor).forEach(ordered::add);
        }
        return ordered;
    }

    /** Adds an item after the prerequisites blocking it. */
    private static void add(final Assessment assessment, final ActivityResult a, final String prerequisiteOf,
            final Map<String, GapItem> items, final Set<String> path) {
        if (items.containsKey(a.uuid()) || !path.add(a.uuid())) {
            return;
        }
        GapActor actor = actor(a);
        boolean first = true;
        for (String dep : a.blockedBy()) {
            Optional<ActivityResult> p = assessment.activity(dep);
            if (p.isPresent()) {
                add(assessment, p.get(), a.activity().name(), items, path);
                GapItem listed = items.get(dep);
                if (first && listed != null) {
                    actor = listed.actor();
                    first = false;
                }
            }
        }
        items.put(a.uuid(), new GapItem(a.uuid(), a.activity().name(), a.activity().level(), a.status(), a.reason(),
                hint(a), actor, prerequisiteOf));
    }

    /** Who can act on an activity; a blocked one is closed with its first prerequisite (see {@link #add}). */
    static GapActor actor(final ActivityResult a) {
        return a.status() == ActivityStatus.UNVERIFIED || a.status() == ActivityStatus.BLOCKED && !a.hasRule()
                ? GapActor.ATTESTATION : GapActor.PIPELINE;
    }

    static String hint(final ActivityResult a) {
        String progress = a.notes().stream().filter(n -> n.startsWith("in progress in the DSOMM application"))
                .findFirst().map(n -> " (" + n + ")").orElse("");
        return switch (a.status()) {
            case MISSING -> (a.requirement().isEmpty() ? "evidence" : "needs: " + a.requirement()) + "; " + ATTEST
                    + progress;
            case FAILED -> "fix " + a.reason() + "; or waive them in .dsomm.yml";
            case BLOCKED -> "satisfy the prerequisites first: " + a.reason().replaceFirst("^blocked by ", "");
            case UNVERIFIED -> "no rule can show it: attest it in .dsomm.yml, declare it not applicable or take it "
                    + "out of scope" + progress;
            default -> "";
        };
    }

    /** The gap of a sub-dimension, if it has one. */
    public Optional<Gap> of(final String dimension, final String subDimension) {
        return gaps.stream().filter(g -> g.dimension().equals(dimension) && g.subDimension().equals(subDimension))
                .findFirst();
    }

    /** The gaps that hold the overall level down. */
    public List<Gap> limitingOverall() {
        return gaps.stream().filter(Gap::limitsOverall).toList();
    }

    /** The gaps of sub-dimensions below their target. */
    public List<Gap> belowTarget() {
        return gaps.stream().filter(Gap::belowTarget).toList();
    }

    /** Activities of a status, for tests and summaries. */
    public List<GapItem> items(final ActivityStatus status) {
        return gaps.stream().flatMap(g -> g.items().stream()).filter(i -> i.status() == status).toList();
    }
}
