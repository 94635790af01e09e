package io.jenkins.plugins.dsomm.attest;

import java.io.Serializable;
import java.util.List;

/**
 * A team's progress read from a DSOMM application file: the complete activities as attestations, the others as
 * progress, and what could not be used.
 *
 * @param attestations the activities at the 100% state, attested from that state's date
 * @param inProgress   the activities at a lower state
 * @param warnings     unknown team, activity or state, each naming the file and the entry
 */
public record ImportedProgress(List<Attestation> attestations, List<ProgressState> inProgress,
        List<String> warnings) implements Serializable {
    public ImportedProgress {
        attestations = List.copyOf(attestations);
        inProgress = List.copyOf(inProgress);
        warnings = List.copyOf(warnings);
    }
}
