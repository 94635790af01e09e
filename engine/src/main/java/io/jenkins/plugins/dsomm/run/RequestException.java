package io.jenkins.plugins.dsomm.run;

/**
 * An assessment request that cannot run: an option value, the DSOMM model or the mapping is invalid. The message
 * says what, naming the option or file (the command line exits with 3, the Jenkins step fails).
 */
public final class RequestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RequestException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
