package io.jenkins.plugins.dsomm.ingest.parser;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class CvssBaseScoreTest {
    @ParameterizedTest
    @CsvSource({
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H, 9.8, 3.1",
            "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:L/I:L/A:N, 6.4, 3.1",
            "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H, 10.0, 3.0",
            "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N, 5.5, 3.1",
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H/E:P/RL:O, 7.5, 3.1",
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N, 0.0, 3.1",
            "AV:N/AC:L/Au:N/C:P/I:P/A:P, 7.5, 2.0",
            "AV:N/AC:M/Au:N/C:N/I:P/A:N, 4.3, 2.0",
            "(AV:N/AC:L/Au:N/C:C/I:C/A:C), 10.0, 2.0",
            "CVSS:2.0/AV:N/AC:L/Au:N/C:P/I:P/A:P, 7.5, 2.0"
    })
    void shouldComputeBaseScoresOfVersion2And3(final String vector, final double score, final String version) {
        assertThat(CvssBaseScore.of(vector)).isEqualTo(score);
        assertThat(CvssBaseScore.version(vector)).isEqualTo(version);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", "CVSS:3.1/AV:N",
            "CVSS:3.1/AV:Q/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "high", "7.5", "AV:N/AC:L", "CVSS:"})
    void shouldNotScoreVersion4OrMalformedVectors(final String vector) {
        assertThat(CvssBaseScore.of(vector)).isNaN();
    }
}
