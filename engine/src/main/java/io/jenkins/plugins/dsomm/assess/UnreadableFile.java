package io.jenkins.plugins.dsomm.assess;

import java.io.Serializable;

/**
 * A report that could not be read: it does not count, and the assessment says so.
 *
 * @param file  the file
 * @param error the message naming the file and what is wrong
 */
public record UnreadableFile(String file, String error) implements Serializable {
}
