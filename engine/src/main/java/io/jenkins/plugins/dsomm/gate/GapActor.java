package io.jenkins.plugins.dsomm.gate;

/** Who can close a gap: the pipeline (a scanner, a report, fixed findings) or a person (an attestation). */
public enum GapActor {
    /** A rule can show it: add the evidence it needs to the pipeline, or fix (or waive) the findings. */
    PIPELINE("pipeline change"),
    /** No rule can show it: attest it in {@code .dsomm.yml}, declare it not applicable or take it out of scope. */
    ATTESTATION("attestation");

    private final String label;

    GapActor(final String label) {
        this.label = label;
    }

    /** "pipeline change", "attestation". */
    public String label() {
        return label;
    }
}
