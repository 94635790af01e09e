package io.jenkins.plugins.dsomm.gate;

import java.io.Serializable;

/**
 * What one gate rule found: PASS, or the outcome it is configured with and one sentence naming what, where and
 * by how much.
 *
 * @param rule    rule id, for example {@code minimum-level}
 * @param outcome PASS, UNSTABLE or FAILURE
 * @param message one sentence
 */
public record RuleCheck(String rule, Outcome outcome, String message) implements Serializable {
    public boolean violated() {
        return outcome != Outcome.PASS;
    }
}
