package io.jenkins.plugins.dsomm.mapping;

/** A mapping file that cannot be used; the message names the file, the rule and what is wrong. */
public class MappingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MappingException(final String message) {
        super(message);
    }

    public MappingException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
