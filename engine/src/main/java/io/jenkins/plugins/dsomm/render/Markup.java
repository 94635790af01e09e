package io.jenkins.plugins.dsomm.render;

/**
 * Escaping for every string that came from a report, an attestation file or a user: HTML and SVG text and
 * attribute values, and removal of characters XML 1.0 cannot carry.
 */
public final class Markup {
    private Markup() {
    }

    /** Escapes for HTML/XML text and double- or single-quoted attribute values; drops invalid XML characters. */
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

    /** Removes characters XML 1.0 cannot carry (control characters other than tab, newline, carriage return). */
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

    private static boolean isXmlChar(final char c) {
        return c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD;
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
