package io.jenkins.plugins.dsomm.ingest;

import io.jenkins.plugins.dsomm.evidence.FindingIdentity;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The fast path of {@link EvidenceCollector} for plain paths gives what {@link FindingIdentity#normalisePath} gives. */
class EvidenceCollectorPathTest {
    @Test
    void plainPathsAreLeftAsNormalisingWouldLeaveThem() {
        assertThat(EvidenceCollector.isNormalPath("src/main/App.java")).isTrue();
        for (String s : new String[] {"", " a", "a ", "./a", "a//b", "a\\b", "file:a", "https://x/y", "c:/x"}) {
            assertThat(EvidenceCollector.isNormalPath(s)).as(s).isFalse();
        }
        char[] alphabet = {'a', 'f', 'i', 'l', 'e', '.', '/', '\\', ':', ' ', '\t', 'x'};
        SplittableRandom r = new SplittableRandom(1);
        for (int n = 0; n < 50_000; n++) {
            char[] c = new char[r.nextInt(9)];
            for (int i = 0; i < c.length; i++) {
                c[i] = alphabet[r.nextInt(alphabet.length)];
            }
            String s = new String(c);
            if (EvidenceCollector.isNormalPath(s)) {
                assertThat(FindingIdentity.normalisePath(s)).as(s).isEqualTo(s);
            }
        }
    }
}
