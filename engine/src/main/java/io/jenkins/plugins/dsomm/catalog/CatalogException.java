package io.jenkins.plugins.dsomm.catalog;

/** A catalog file that cannot be used; the message names the file and, where known, the activity. */
public class CatalogException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CatalogException(final String message) {
        super(message);
    }

    public CatalogException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
