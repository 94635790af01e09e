package io.jenkins.plugins.dsomm.mapping;

import io.jenkins.plugins.dsomm.context.BuildContext;
import io.jenkins.plugins.dsomm.evidence.Evidence;

import java.util.List;

/**
 * Holds when the build context has at least one of the named facts ({@code pipeline}, {@code scm}, or a fact
 * such as {@code ephemeral-agent}).
 *
 * @param anyOf the fact names, at least one of which must hold
 */
public record ContextCondition(List<String> anyOf) implements Condition {
    public ContextCondition {
        if (anyOf.isEmpty()) {
            throw new IllegalArgumentException("a context condition needs at least one fact");
        }
        anyOf = List.copyOf(anyOf);
    }

    @Override
    public boolean presence() {
        return true;
    }

    @Override
    public Result test(final List<Evidence> evidence, final BuildContext context) {
        for (String fact : anyOf) {
            if (context.has(fact)) {
                return new Result(true, describeFact(fact), List.of());
            }
        }
        return new Result(false, "not shown: " + describe(), List.of());
    }

    @Override
    public String describe() {
        return String.join(" or ", anyOf.stream().map(ContextCondition::describeFact).toList());
    }

    static String describeFact(final String fact) {
        return switch (fact) {
            case BuildContext.PIPELINE -> "the assessment runs in a CI pipeline";
            case BuildContext.SCM -> "the build checks out from version control";
            default -> fact.startsWith("file:") ? "the repository has " + fact.substring(5) : "build fact '" + fact + "'";
        };
    }
}
