package io.jenkins.plugins.dsomm.cli;

/** Console safety for text that came from reports: control characters (terminal escapes) are made visible. */
final class Text {
    private Text() {
    }

    static String safe(final String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean control = c < 0x20 && c != '\t' || c == 0x7f || c >= 0x80 && c < 0xa0;
            if (control) {
                if (b == null) {
                    b = new StringBuilder(s.length() + 8).append(s, 0, i);
                }
                b.append(String.format("\\u%04x", (int) c));
            }
            else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }
}
