package io.jenkins.plugins.dsomm.gate;

import io.jenkins.plugins.dsomm.assess.ActivityStatus;

import java.io.Serializable;

/**
 * An activity that keeps a sub-dimension from the level it aims for, and what would satisfy it.
 *
 * @param uuid           activity uuid
 * @param name           activity name
 * @param level          activity level
 * @param status         its status
 * @param reason         why it is not satisfied
 * @param hint           what evidence or attestation would satisfy it
 * @param actor          who can act: a pipeline change or an attestation
 * @param prerequisiteOf the name of the activity of the gap it blocks, when it is listed as a prerequisite (it may
 *                       be of another sub-dimension); empty otherwise
 */
public record GapItem(String uuid, String name, int level, ActivityStatus status, String reason, String hint,
        GapActor actor, String prerequisiteOf) implements Serializable {
    public GapItem {
        prerequisiteOf = prerequisiteOf == null ? "" : prerequisiteOf;
    }
}
