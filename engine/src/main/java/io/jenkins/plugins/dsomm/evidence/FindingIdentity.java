package io.jenkins.plugins.dsomm.evidence;

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
        return mix(FNV_OFFSET, key);
    }

    /** Identity from a tool fingerprint. */
    public static long ofFingerprint(final String tool, final String fingerprint) {
        // the hash of "fp\0" + tool in lower case + "\0" + fingerprint, without making that string
        return mix(mix(mix(mix(mix(FNV_OFFSET, "fp"), 0), tool.toLowerCase(Locale.ROOT)), 0), fingerprint);
    }

    /** Identity from rule, location and occurrence. */
    public static long of(final String rule, final String location, final int occurrence) {
        return withOccurrence(ofRuleAndLocation(rule, location), occurrence);
    }

    /**
     * The part of {@link #of} that rule and location give: also a key for counting their occurrences, since it is
     * the same for the same pair.
     */
    public static long ofRuleAndLocation(final String rule, final String location) {
        return ofRuleAndLocation(ofRule(rule), location);
    }

    /**
     * Where {@link #ofRuleAndLocation} starts for a rule: the hash of "rl\0" + rule + "\0", without making that
     * string. A parser that sees many findings of one rule hashes the rule once.
     */
    public static long ofRule(final String rule) {
        return mix(mix(mix(mix(FNV_OFFSET, "rl"), 0), String.valueOf(rule)), 0);
    }

    /** {@link #ofRuleAndLocation} from {@link #ofRule}: the hash continued with location + "\0". */
    public static long ofRuleAndLocation(final long ofRule, final String location) {
        return mix(mix(ofRule, String.valueOf(location)), 0);
    }

    /** {@link #of} from {@link #ofRuleAndLocation} and the occurrence. */
    public static long withOccurrence(final long ruleAndLocation, final int occurrence) {
        return mix(ruleAndLocation, Integer.toString(occurrence));
    }

    /**
     * The hash {@code h} continued with the bytes of {@code s} as {@link String#getBytes} encodes it in UTF-8 (a
     * surrogate without its pair is '?'), without making those bytes.
     */
    private static long mix(final long h, final String s) {
        long x = h;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                x = mix(x, c);
            }
            else if (c < 0x800) {
                x = mix(mix(x, 0xc0 | c >> 6), 0x80 | c & 0x3f);
            }
            else if (!Character.isSurrogate(c)) {
                x = mix(mix(mix(x, 0xe0 | c >> 12), 0x80 | c >> 6 & 0x3f), 0x80 | c & 0x3f);
            }
            else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                x = mix(mix(mix(mix(x, 0xf0 | cp >> 18), 0x80 | cp >> 12 & 0x3f), 0x80 | cp >> 6 & 0x3f),
                        0x80 | cp & 0x3f);
            }
            else {
                x = mix(x, '?');
            }
        }
        return x;
    }

    private static long mix(final long h, final int b) {
        return (h ^ b) * FNV_PRIME;
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
