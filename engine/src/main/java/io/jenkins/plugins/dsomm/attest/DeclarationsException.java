package io.jenkins.plugins.dsomm.attest;

/** An attestation file that cannot be used; the message names the file, the entry and what is wrong. */
public class DeclarationsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DeclarationsException(final String message) {
        super(message);
    }

    public DeclarationsException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
