package io.jenkins.plugins.dsomm.evidence;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Normalised package names, so that an SCA finding and an SBOM component name the same package alike:
 * lower case, no version, Maven {@code group:artifact} written {@code group/artifact}, package URLs reduced to
 * {@code namespace/name}.
 */
public final class PackageNames {
    private PackageNames() {
    }

    /** The normalised key of a package name or package URL; empty for null or blank input. */
    public static String key(final String nameOrPurl) {
        if (nameOrPurl == null || nameOrPurl.isBlank()) {
            return "";
        }
        String s = nameOrPurl.trim();
        if (s.regionMatches(true, 0, "pkg:", 0, 4)) {
            s = fromPurl(s);
        }
        s = s.replace(':', '/');
        return s.toLowerCase(Locale.ROOT);
    }

    private static String fromPurl(final String purl) {
        String s = purl.substring(4);
        int cut = indexOfAny(s, '?', '#');
        if (cut >= 0) {
            s = s.substring(0, cut);
        }
        int slash = s.indexOf('/');
        if (slash >= 0) {
            s = s.substring(slash + 1); // drop the type
        }
        int at = s.lastIndexOf('@');
        if (at > 0) {
            s = s.substring(0, at);
        }
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        }
        catch (IllegalArgumentException e) {
            return s;
        }
    }

    private static int indexOfAny(final String s, final char a, final char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        if (i < 0) {
            return j;
        }
        return j < 0 ? i : Math.min(i, j);
    }
}
