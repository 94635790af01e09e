package io.jenkins.plugins.dsomm.gate;

import io.jenkins.plugins.dsomm.assess.ActivityResult;
import io.jenkins.plugins.dsomm.assess.ActivityStatus;
import io.jenkins.plugins.dsomm.assess.Assessment;
import io.jenkins.plugins.dsomm.assess.DimensionLevel;
import io.jenkins.plugins.dsomm.assess.SubDimensionLevel;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The gap list: for every counted sub-dimension below level 5, the activities still missing for its next level
 * and what evidence or attestation would satisfy each; and the unverified prerequisites worth attesting.
 *
 * @param gaps                     per sub-dimension, in model order
 * @param unverifiedPrerequisites  names of not-assessed activities that met activities depend on
 */
public record GapList(List<Gap> gaps, List<String> unverifiedPrerequisites) implements Serializable {
    private static final String ATTEST = "or attest it in .dsomm.yml";

    public GapList {
        gaps = List.copyOf(gaps);
        unverifiedPrerequisites = List.copyOf(unverifiedPrerequisites);
    }

    public static GapList of(final Assessment assessment) {
        List<Gap> gaps = new ArrayList<>();
        for (DimensionLevel d : assessment.dimensions()) {
            for (SubDimensionLevel s : d.subDimensions()) {
                if (s.level() == null || s.level() >= 5) {
                    continue;
                }
                int target = s.level() + 1;
                List<GapItem> items = itemsUpTo(assessment, d.name(), s.name(), target);
                boolean limits = d.inScope() && assessment.overall() != null && s.level().equals(assessment.overall());
                gaps.add(new Gap(d.name(), s.name(), s.level(), target, limits, items));
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
     * is null) up to a level: what it needs to reach that level.
     */
    public static List<GapItem> itemsUpTo(final Assessment assessment, final String dimension,
            final String subDimension, final int level) {
        boolean strict = assessment.options().strict();
        List<GapItem> items = new ArrayList<>();
        for (ActivityResult a : assessment.activities()) {
            boolean counted = strict || a.status().assessed();
            if (counted && !a.status().satisfied() && a.activity().dimension().equals(dimension)
                    && (subDimension == null || a.activity().subDimension().equals(subDimension))
                    && a.activity().level() <= level) {
                items.add(new GapItem(a.uuid(), a.activity().name(), a.activity().level(), a.status(), a.reason(),
                        hint(a)));
            }
        }
        return items;
    }

    static String hint(final ActivityResult a) {
        return switch (a.status()) {
            case MISSING -> (a.requirement().isEmpty() ? "evidence" : "needs: " + a.requirement()) + "; " + ATTEST;
            case FAILED -> "fix " + a.reason() + "; or waive them in .dsomm.yml";
            case BLOCKED -> "satisfy the prerequisites first: " + a.reason().replaceFirst("^blocked by ", "");
            case NOT_ASSESSED -> "no rule assesses it: attest it in .dsomm.yml or declare it not applicable";
            default -> "";
        };
    }

    /** The gap of a sub-dimension, if it has one. */
    public java.util.Optional<Gap> of(final String dimension, final String subDimension) {
        return gaps.stream().filter(g -> g.dimension().equals(dimension) && g.subDimension().equals(subDimension))
                .findFirst();
    }

    /** The gaps that hold the overall level down. */
    public List<Gap> limitingOverall() {
        return gaps.stream().filter(Gap::limitsOverall).toList();
    }

    /** Activities of a status, for tests and summaries. */
    public List<GapItem> items(final ActivityStatus status) {
        return gaps.stream().flatMap(g -> g.items().stream()).filter(i -> i.status() == status).toList();
    }
}
