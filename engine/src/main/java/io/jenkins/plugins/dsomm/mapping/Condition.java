package io.jenkins.plugins.dsomm.mapping;

import io.jenkins.plugins.dsomm.context.BuildContext;
import io.jenkins.plugins.dsomm.evidence.Evidence;

import java.util.List;

/**
 * One condition of a mapping rule. Presence conditions ({@link EvidenceCondition}, {@link ContextCondition})
 * make an activity MISSING when they do not hold; quality conditions ({@link FindingCondition}) make it FAILED.
 */
public sealed interface Condition permits EvidenceCondition, FindingCondition, ContextCondition {
    /** Whether a failure of this condition means "missing" (true) or "failed" (false). */
    boolean presence();

    /** Evaluates the condition. */
    Result test(List<Evidence> evidence, BuildContext context);

    /** What would satisfy the condition, in words ("DAST evidence from at least 2 distinct tools"). */
    String describe();

    /**
     * Result of one condition.
     *
     * @param holds  whether it holds
     * @param reason what was found (when it holds) or what is missing or wrong
     * @param used   the evidence it relied on
     */
    record Result(boolean holds, String reason, List<Evidence> used) {
        public Result {
            used = List.copyOf(used);
        }
    }
}
