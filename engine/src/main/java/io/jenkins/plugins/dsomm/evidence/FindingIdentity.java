package io.jenkins.plugins.dsomm.evidence;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Stable identities of findings across builds.
 *
 * <p>The identity of a finding is a 64-bit FNV-1a hash of its key. The key is the tool's own fingerprint when it
 * writes one (SARIF {@code partialFingerprints} or {@code fingerprints}, Gitleaks {@code Fingerprint}); otherwise
 * it is the rule or vulnerability id, the normalised location or package, and the occurrence number of that
 * pair in the report (so two equal findings in one file keep two identities). Line numbers are not part of the
 * key: they move when unrelated code changes.
 */
public final class FindingIdentity {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final java.util.regex.Pattern URL_SCHEME =
            java.util.regex.Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*://");
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private FindingIdentity() {
    }

    /** 64-bit FNV-1a hash of the UTF-8 bytes of {@code key}. */
    public static long hash(final String key) {
        long h = FNV_OFFSET;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= FNV_PRIME;
        }
        return h;
    }

    /** Identity from a tool fingerprint. */
    public static long ofFingerprint(final String tool, final String fingerprint) {
        return hash("fp\u0000" + tool.toLowerCase(Locale.ROOT) + "\u0000" + fingerprint);
    }

    /** Identity from rule, location and occurrence. */
    public static long of(final String rule, final String location, final int occurrence) {
        return hash("rl\u0000" + rule + "\u0000" + location + "\u0000" + occurrence);
    }

    public static String toHex(final long id) {
        char[] out = new char[16];
        long v = id;
        for (int i = 15; i >= 0; i--) {
            out[i] = HEX[(int) (v & 0xf)];
            v >>>= 4;
        }
        return new String(out);
    }

    /** Parses 16 hex digits; {@link IllegalArgumentException} otherwise. */
    public static long fromHex(final String hex) {
        if (hex == null || hex.length() != 16) {
            throw new IllegalArgumentException("finding id must be 16 hex digits: " + hex);
        }
        return Long.parseUnsignedLong(hex, 16);
    }

    /**
     * Normalises a file location: URI scheme and {@code ./} removed, backslashes turned into slashes, repeated
     * slashes collapsed. URLs other than {@code file:} are kept as they are. Absolute workspace prefixes cannot be known here and are kept.
     */
    public static String normalisePath(final String path) {
        if (path == null || path.isEmpty()) {
            return "";
        }
        String p = path.trim();
        if (URL_SCHEME.matcher(p).lookingAt() && !p.regionMatches(true, 0, "file:", 0, 5)) {
            return p; // a URL (DAST): kept as the tool wrote it
        }
        p = p.replace('\\', '/');
        if (p.regionMatches(true, 0, "file://", 0, 7)) {
            p = p.substring(7);
        }
        else if (p.regionMatches(true, 0, "file:", 0, 5)) {
            p = p.substring(5);
        }
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        while (p.contains("//")) {
            p = p.replace("//", "/");
        }
        return p;
    }
}
