package io.jenkins.plugins.dsomm.evidence;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Identities are stored in every build's history: the hash of a key must never change. */
class FindingIdentityTest {
    @Test
    void isFnv1aOfTheUtf8Bytes() {
        assertThat(FindingIdentity.hash("")).isEqualTo(0xcbf29ce484222325L);
        assertThat(FindingIdentity.hash("a")).isEqualTo(0xaf63dc4c8601ec8cL); // the published FNV-1a test vector
        assertThat(FindingIdentity.hash("foobar")).isEqualTo(0x85944171f73967e8L);
    }

    @Test
    void hashesAsTheBytesOfTheWholeKeyWould() {
        Random random = new Random(13);
        for (int i = 0; i < 20_000; i++) {
            String tool = text(random);
            String a = text(random);
            String b = text(random);
            int n = random.nextInt(1000);
            assertThat(FindingIdentity.hash(a)).as(a).isEqualTo(reference(a));
            assertThat(FindingIdentity.ofFingerprint(tool, a)).as(tool + " " + a)
                    .isEqualTo(reference("fp\u0000" + tool.toLowerCase(Locale.ROOT) + "\u0000" + a));
            assertThat(FindingIdentity.of(a, b, n)).as(a + " " + b)
                    .isEqualTo(reference("rl\u0000" + a + "\u0000" + b + "\u0000" + n));
            assertThat(FindingIdentity.ofRuleAndLocation(FindingIdentity.ofRule(a), b)).as(a + " " + b)
                    .isEqualTo(reference("rl\u0000" + a + "\u0000" + b + "\u0000"));
        }
        assertThat(FindingIdentity.of(null, null, 0)).isEqualTo(reference("rl\u0000null\u0000null\u00000"));
    }

    /** The identity as it was first computed: FNV-1a over {@code getBytes(UTF_8)} of the key. */
    private static long reference(final String key) {
        long h = 0xcbf29ce484222325L;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** ASCII, Latin-1, BMP, pairs and lone surrogates of both kinds, in any order. */
    private static String text(final Random random) {
        StringBuilder s = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(7)) {
                case 0, 1 -> s.append((char) random.nextInt(0x80));
                case 2 -> s.append((char) (0x80 + random.nextInt(0x780)));
                case 3 -> s.append((char) (0x800 + random.nextInt(0xd800 - 0x800)));
                case 4 -> s.appendCodePoint(0x10000 + random.nextInt(0x100000));
                case 5 -> s.append((char) (0xd800 + random.nextInt(0x800))); // a lone surrogate, high or low
                default -> s.append((char) (0xe000 + random.nextInt(0x2000)));
            }
        }
        return s.toString();
    }
}
