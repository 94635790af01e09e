package io.jenkins.plugins.dsomm.plugin;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Result;
import hudson.model.Run;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;

/**
 * Sets the result of the build, and in a Pipeline also of the stage (a {@link WarningAction} on the step's node,
 * as warnings-ng and the coverage plugin do), without ever making a result better.
 */
public final class StageResult {
    private final Run<?, ?> run;
    @CheckForNull
    private final FlowNode node;

    /**
     * @param run  the build
     * @param node the step's node in a Pipeline, or null for freestyle jobs
     */
    public StageResult(final Run<?, ?> run, @CheckForNull final FlowNode node) {
        this.run = run;
        this.node = node;
    }

    public void set(final Result result, final String message) {
        run.setResult(result); // Run.setResult only ever makes the result worse
        if (node != null) {
            WarningAction existing = node.getPersistentAction(WarningAction.class);
            if (existing == null || existing.getResult().isBetterThan(result)) {
                node.addOrReplaceAction(new WarningAction(result).withMessage(message));
            }
        }
    }
}
