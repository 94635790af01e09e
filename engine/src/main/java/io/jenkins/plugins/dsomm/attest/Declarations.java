package io.jenkins.plugins.dsomm.attest;


import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * What a repository declares in its attestation file ({@code .dsomm.yml}) and what was imported with it (a DSOMM
 * application's team progress): attestations, activities not applicable, waivers, scope, targets, the team name.
 *
 * @param source        the file, for messages; empty when there is none
 * @param team          team name for exports, may be empty
 * @param attestations  attestations
 * @param notApplicable activities declared not applicable
 * @param waivers       activity and finding waivers
 * @param business      the business context of the repository (risk multipliers)
 * @param outOfScope    dimensions, sub-dimensions and activities taken out of scope
 * @param targets       the levels aimed for
 * @param inProgress    imported progress short of complete (shown, never met)
 * @param warnings      what an import could not use, each naming the file and the entry
 */
public record Declarations(String source, String team, List<Attestation> attestations,
        List<NotApplicable> notApplicable, List<Waiver> waivers, BusinessContext business,
        List<OutOfScope> outOfScope, Targets targets, List<ProgressState> inProgress, List<String> warnings)
        implements Serializable {
    public Declarations {
        attestations = List.copyOf(attestations);
        notApplicable = List.copyOf(notApplicable);
        waivers = List.copyOf(waivers);
        business = business == null ? BusinessContext.none() : business;
        outOfScope = List.copyOf(outOfScope);
        targets = targets == null ? Targets.none() : targets;
        inProgress = List.copyOf(inProgress);
        warnings = List.copyOf(warnings);
    }

    /** Declarations without scope, targets or imports. */
    public Declarations(final String source, final String team, final List<Attestation> attestations,
            final List<NotApplicable> notApplicable, final List<Waiver> waivers, final BusinessContext business) {
        this(source, team, attestations, notApplicable, waivers, business, List.of(), Targets.none(), List.of(),
                List.of());
    }

    /** Declarations without business context, scope, targets or imports. */
    public Declarations(final String source, final String team, final List<Attestation> attestations,
            final List<NotApplicable> notApplicable, final List<Waiver> waivers) {
        this(source, team, attestations, notApplicable, waivers, BusinessContext.none());
    }

    /** No file: nothing declared. */
    public static Declarations none() {
        return new Declarations("", "", List.of(), List.of(), List.of());
    }

    /** These declarations and an imported team progress: its attestations come after the file's. */
    public Declarations with(final ImportedProgress imported) {
        List<Attestation> all = new ArrayList<>(attestations);
        all.addAll(imported.attestations());
        List<ProgressState> progress = new ArrayList<>(inProgress);
        progress.addAll(imported.inProgress());
        List<String> problems = new ArrayList<>(warnings);
        problems.addAll(imported.warnings());
        return new Declarations(source, team, all, notApplicable, waivers, business, outOfScope, targets, progress,
                problems);
    }
}
