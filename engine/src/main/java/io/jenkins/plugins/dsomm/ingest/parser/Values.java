package io.jenkins.plugins.dsomm.ingest.parser;

/** Choices between the values a report states, shared by the JSON and XML parsers. */
final class Values {
    private Values() {
    }

    /** The first of the values that is neither null nor blank, or null. */
    static String firstNonBlank(final String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
