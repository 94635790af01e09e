package io.jenkins.plugins.dsomm.gate;

/** Outcome of a gate rule and of the gate: the worst rule outcome. */
public enum Outcome {
    PASS,
    UNSTABLE,
    FAILURE;

    public Outcome worst(final Outcome other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    /** CLI exit code: 0 pass, 1 unstable, 2 failure. */
    public int exitCode() {
        return ordinal();
    }
}
