package io.jenkins.plugins.dsomm.context;

import java.io.Serializable;
import java.util.Set;
import java.util.TreeSet;

/**
 * Facts about the build an assessment is made for, that no report shows: whether it ran in a pipeline, whether
 * it checked out from version control, and further named facts (for example {@code ephemeral-agent},
 * {@code timer-trigger}, {@code file:.gitignore}) set by the Jenkins plugin or given on the command line.
 *
 * @param pipeline the assessment runs in a CI pipeline
 * @param scm      the build checked out its sources from version control
 * @param facts    further named facts
 */
public record BuildContext(boolean pipeline, boolean scm, Set<String> facts) implements Serializable {
    /** Fact name of {@link #pipeline()}. */
    public static final String PIPELINE = "pipeline";
    /** Fact name of {@link #scm()}. */
    public static final String SCM = "scm";

    public BuildContext {
        facts = Set.copyOf(new TreeSet<>(facts));
    }

    /** No pipeline, no SCM, no facts. */
    public static BuildContext none() {
        return new BuildContext(false, false, Set.of());
    }

    /** Whether the named fact holds ({@code pipeline} and {@code scm} included). */
    public boolean has(final String fact) {
        return switch (fact) {
            case PIPELINE -> pipeline;
            case SCM -> scm;
            default -> facts.contains(fact);
        };
    }

    /** All facts that hold, {@code pipeline} and {@code scm} included. */
    public Set<String> all() {
        Set<String> all = new TreeSet<>(facts);
        if (pipeline) {
            all.add(PIPELINE);
        }
        if (scm) {
            all.add(SCM);
        }
        return all;
    }
}
