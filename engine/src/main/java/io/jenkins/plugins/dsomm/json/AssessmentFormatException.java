package io.jenkins.plugins.dsomm.json;

/** An assessment document that cannot be read; the message names the file and what is wrong. */
public class AssessmentFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AssessmentFormatException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
