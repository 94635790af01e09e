package io.jenkins.plugins.dsomm.kpi;

import java.io.Serializable;

/**
 * Scan coverage of one evidence kind: the share of the builds of a window that carried evidence of it.
 *
 * @param builds    builds in the window
 * @param withKind  builds with evidence of the kind
 */
public record Coverage(int builds, int withKind) implements Serializable {
    /** Share 0 to 1 (0 when the window is empty). */
    public double share() {
        return builds == 0 ? 0 : (double) withKind / builds;
    }

    /** "80%". */
    public String percent() {
        return Math.round(share() * 100) + "%";
    }
}
