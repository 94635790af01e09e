package io.jenkins.plugins.dsomm.gate;

import io.jenkins.plugins.dsomm.assess.ActivityStatus;

import java.io.Serializable;

/**
 * An activity that keeps a sub-dimension from its next level, and what would satisfy it.
 *
 * @param uuid   activity uuid
 * @param name   activity name
 * @param level  activity level
 * @param status its status
 * @param reason why it is not satisfied
 * @param hint   what evidence or attestation would satisfy it
 */
public record GapItem(String uuid, String name, int level, ActivityStatus status, String reason, String hint)
        implements Serializable {
}
