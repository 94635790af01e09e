package io.jenkins.plugins.dsomm.render;

/**
 * Escaping for every string that came from a report, an attestation file or a user: HTML and SVG text and
 * attribute values, and removal of characters XML 1.0 cannot carry.
 */
public final class Markup {
    private Markup() {
    }

    /**
     * Escapes for HTML/XML text and double- or single-quoted attribute values; replaces characters XML cannot
     * carry with U+FFFD. Tab, line feed and carriage return are written as character references, so they survive
     * attribute-value and line-end normalisation: the text parses back exactly; so are the line and paragraph
     * separators, so no output line is broken where a line-oriented tool would not expect it.
     */
    public static String escape(final String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                case '\t' -> b.append("&#9;");
                case '\n' -> b.append("&#10;");
                case '\r' -> b.append("&#13;");
                case '\u2028' -> b.append("&#8232;");
                case '\u2029' -> b.append("&#8233;");
                default -> {
                    if (isXmlChar(c) || Character.isSurrogate(c) && validSurrogate(s, i)) {
                        b.append(c);
                    }
                    else {
                        b.append('\uFFFD');
                    }
                }
            }
        }
        return b.toString();
    }

    /**
     * Replaces with U+FFFD the characters XML 1.0 cannot carry (control characters other than tab, newline,
     * carriage return; lone surrogates; U+FFFE, U+FFFF), and DEL and the C1 controls.
     */
    public static String xmlSafe(final String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = isXmlChar(c) || Character.isSurrogate(c) && validSurrogate(s, i);
            if (!ok && b == null) {
                b = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (b != null) {
                b.append(ok ? c : '\uFFFD');
            }
        }
        return b == null ? s : b.toString();
    }

    /**
     * Characters carried: those XML 1.0 allows, less DEL and the C1 controls (XML discourages them and they are
     * parse errors in HTML; a report has no use for them).
     */
    private static boolean isXmlChar(final char c) {
        return c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c < 0x7F || c > 0x9F && c <= 0xD7FF
                || c >= 0xE000 && c <= 0xFFFD;
    }

    private static boolean validSurrogate(final String s, final int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    /** A file-name-safe slug: lower case letters, digits and dashes. */
    public static String slug(final String s) {
        String slug = s.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.isEmpty() ? "x" : slug;
    }
}
