package io.jenkins.plugins.dsomm.render;

import java.util.regex.Pattern;

/**
 * YAML written by hand, for the DSOMM application's files (which need comments and quoting Jackson cannot write):
 * single-quoted scalars, one-line comments, plain keys only where no YAML 1.1 reader can take them for anything
 * but a string. Line breaks, control and bidirectional characters in untrusted text are made visible.
 */
final class YamlText {
    /** A standard uuid: plain in every YAML schema. */
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");

    private YamlText() {
    }

    /** {@code 'it''s'}: a single-quoted scalar on one line. */
    static String quoted(final String s) {
        return "'" + oneLine(s).replace("'", "''") + "'";
    }

    /** A uuid as a key: plain when it is a standard uuid, else single-quoted. */
    static String key(final String s) {
        return UUID.matcher(s).matches() ? s : quoted(s);
    }

    /** Text for a comment after {@code #}: one line. */
    static String comment(final String s) {
        return oneLine(s);
    }

    /**
     * One line: what {@link TextSummary#safe} makes visible (line breaks, controls, bidirectional controls, lone
     * surrogates) as {@code \\uXXXX}, and the byte order mark and non-characters YAML forbids too.
     */
    static String oneLine(final String s) {
        StringBuilder b = new StringBuilder(TextSummary.safe(s));
        for (int i = 0; i < b.length(); i++) {
            char c = b.charAt(i);
            if (c == 0xfeff || c == 0xfffe || c == 0xffff) {
                b.replace(i, i + 1, String.format("\\u%04x", (int) c));
            }
        }
        return b.toString();
    }
}
