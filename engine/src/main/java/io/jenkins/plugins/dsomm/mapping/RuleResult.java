package io.jenkins.plugins.dsomm.mapping;

import java.util.List;

/**
 * A rule's verdict on an activity, with the reason in words and the evidence it looked at.
 *
 * @param verdict  met, missing or failed
 * @param reason   one sentence: what was found, or what is missing or wrong
 * @param evidence labels of the evidence the rule used ("tool version (file)")
 */
public record RuleResult(Verdict verdict, String reason, List<String> evidence) {
    public RuleResult {
        evidence = List.copyOf(evidence);
    }
}
