package io.jenkins.plugins.dsomm.assess;

import io.jenkins.plugins.dsomm.context.BuildContext;
import io.jenkins.plugins.dsomm.evidence.Evidence;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A DSOMM assessment: the status of every activity with what is behind it, the level of every sub-dimension,
 * dimension and overall, and the evidence, unreadable and ignored files and declarations it was made from.
 *
 * @param createdAt      when it was made
 * @param catalogVersion DSOMM version of the catalog
 * @param catalogSource  where the catalog came from
 * @param ruleSet        name of the rule set in force
 * @param ruleSources    files the rules came from
 * @param options        how it was made
 * @param context        build facts
 * @param subject        what was assessed (job, build, url, team...), for display
 * @param overall        lowest level of the dimensions in scope, or null when none is in scope
 * @param dimensions     dimension levels in model order
 * @param activities     every activity of the catalog in model order
 * @param evidence       the evidence that counted (after waivers), carried-over evidence included
 * @param unreadable     reports that could not be read
 * @param ignored        files found among the inputs that are no report DSOMM Gate reads
 * @param declarations   the attestation file's entries and whether they counted
 * @param stale          evidence that was too old to count, as sentences
 * @param evidenceCeiling the overall level if every unverified activity were attested, or null
 * @param warnings       inputs that could not be used in part (an imported team progress), each naming the file
 */
public record Assessment(Instant createdAt, String catalogVersion, String catalogSource, String ruleSet,
        List<String> ruleSources, AssessmentOptions options, BuildContext context, Map<String, String> subject,
        Integer overall, List<DimensionLevel> dimensions, List<ActivityResult> activities, List<Evidence> evidence,
        List<UnreadableFile> unreadable, List<IgnoredFile> ignored,
        List<DeclarationState> declarations, List<String> stale,
        Integer evidenceCeiling, List<String> warnings) implements Serializable {
    public Assessment {
        warnings = List.copyOf(warnings);
        ruleSources = List.copyOf(ruleSources);
        subject = Map.copyOf(subject);
        dimensions = List.copyOf(dimensions);
        activities = List.copyOf(activities);
        evidence = List.copyOf(evidence);
        unreadable = List.copyOf(unreadable);
        ignored = ignored == null ? List.of() : List.copyOf(ignored); // null: deserialised from before it existed
        declarations = List.copyOf(declarations);
        stale = List.copyOf(stale);
    }

    public Optional<ActivityResult> activity(final String uuid) {
        return activities.stream().filter(a -> a.uuid().equals(uuid)).findFirst();
    }

    public Optional<DimensionLevel> dimension(final String name) {
        return dimensions.stream().filter(d -> d.name().equals(name)).findFirst();
    }

    public Optional<SubDimensionLevel> subDimension(final String dimension, final String name) {
        return dimension(dimension).flatMap(d -> d.subDimensions().stream().filter(s -> s.name().equals(name))
                .findFirst());
    }

    /** Activities that count for a level: those in scope (in the evidence-only view, without the unverified). */
    public long countedActivities() {
        return activities.stream().filter(a -> Levels.counts(a.status(), options.view())).count();
    }

    /** Activities a rule, an attestation or a declaration speaks for (neither unverified nor out of scope). */
    public long assessedActivities() {
        return activities.stream().filter(a -> a.status().assessed()).count();
    }

    /** Activities of a status. */
    public long count(final ActivityStatus status) {
        return activities.stream().filter(a -> a.status() == status).count();
    }

    /** Which activities the levels rest on. */
    public LevelView view() {
        return options.view();
    }

    /** The lowest target of the dimensions in scope, or null when none has one. */
    public Integer overallTarget() {
        Integer target = null;
        for (DimensionLevel d : dimensions) {
            if (d.inScope()) {
                target = Levels.min(target, d.target());
            }
        }
        return target;
    }

    /** "job #12" or the creation time: how to name this assessment in sentences. */
    public String label() {
        String job = subject.get("job");
        String build = subject.get("build");
        if (job != null && build != null) {
            return job + " #" + build;
        }
        if (build != null) {
            return "build " + build;
        }
        return "the assessment of " + createdAt;
    }
}
