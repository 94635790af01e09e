package io.jenkins.plugins.dsomm.attest;


import java.io.Serializable;
import java.util.List;

/**
 * What a repository declares in its attestation file ({@code .dsomm.yml}): attestations, activities not
 * applicable, waivers, and the team name.
 *
 * @param source        the file, for messages; empty when there is none
 * @param team          team name for exports, may be empty
 * @param attestations  attestations
 * @param notApplicable activities declared not applicable
 * @param waivers       activity and finding waivers
 * @param business      the business context of the repository (risk multipliers)
 */
public record Declarations(String source, String team, List<Attestation> attestations,
        List<NotApplicable> notApplicable, List<Waiver> waivers, BusinessContext business) implements Serializable {
    public Declarations {
        attestations = List.copyOf(attestations);
        notApplicable = List.copyOf(notApplicable);
        waivers = List.copyOf(waivers);
        business = business == null ? BusinessContext.none() : business;
    }

    /** Declarations without business context. */
    public Declarations(final String source, final String team, final List<Attestation> attestations,
            final List<NotApplicable> notApplicable, final List<Waiver> waivers) {
        this(source, team, attestations, notApplicable, waivers, BusinessContext.none());
    }

    /** No file: nothing declared. */
    public static Declarations none() {
        return new Declarations("", "", List.of(), List.of(), List.of());
    }
}
