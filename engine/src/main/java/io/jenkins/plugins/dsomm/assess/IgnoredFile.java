package io.jenkins.plugins.dsomm.assess;

import java.io.Serializable;

/**
 * A file found among the inputs (in a folder, by a pattern) that is no report DSOMM Gate reads: it does not count,
 * and the assessment says so instead of passing over it in silence.
 *
 * @param file   the file
 * @param reason why no format claims it (what it looks like); text from the file, escaped where shown
 */
public record IgnoredFile(String file, String reason) implements Serializable {
}
