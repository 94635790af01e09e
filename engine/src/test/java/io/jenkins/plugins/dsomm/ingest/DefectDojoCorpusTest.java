package io.jenkins.plugins.dsomm.ingest;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads every file of {@code ../shared/defectdojo-samples} (the sample reports of DefectDojo's parser tests, an
 * independent oracle; never copied into the project) and checks it against {@code corpus/defectdojo-expected.tsv}
 * as {@link SamplesCorpusTest} does: the detected format with its kinds, exact counts. The table also carries the
 * count DefectDojo's tests assert (checked against the folder's {@code DEFECTDOJO-COUNTS.tsv}) and, wherever ours
 * differs, the counting rule that explains it (docs/formats.md, "Counts against DefectDojo's"). Skips loudly when
 * the folder is not there.
 */
class DefectDojoCorpusTest {
    private static final String TABLE = "/corpus/defectdojo-expected.tsv";

    @TestFactory
    Stream<DynamicTest> everySampleIsReadAsExpected() {
        Path samples = samplesOrSkip();
        Map<String, Map<String, String>> expected = SamplesCorpusTest.expectations(TABLE);
        Ingestor ingestor = new Ingestor();
        return SamplesCorpusTest.listSamples(samples).stream().map(file -> {
            String rel = samples.relativize(file).toString().replace('\\', '/');
            return DynamicTest.dynamicTest(rel, () -> SamplesCorpusTest.check(ingestor, file, rel, expected.get(rel)));
        });
    }

    @Test
    void everyRowNamesASampleAndDefectDojosCountAndExplainsADifference() throws IOException {
        Path samples = samplesOrSkip();
        Map<String, String> theirs = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(samples.resolve("DEFECTDOJO-COUNTS.tsv"), StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split("\t", -1);
            theirs.put(cells[0], cells.length > 1 && !cells[1].isBlank() ? cells[1].trim() : "-");
        }
        Map<String, Map<String, String>> rows = SamplesCorpusTest.expectations(TABLE);
        assertThat(rows.keySet()).as("rows of %s", TABLE).containsExactlyInAnyOrderElementsOf(theirs.keySet());
        for (Map.Entry<String, Map<String, String>> row : rows.entrySet()) {
            String file = row.getKey();
            Map<String, String> r = row.getValue();
            assertThat(r.get("defectdojo")).as("DefectDojo's count of %s", file).isEqualTo(theirs.get(file));
            boolean differs = !"-".equals(r.get("defectdojo")) && !r.get("defectdojo").equals(r.get("total"));
            if (differs) {
                assertThat(r.get("rule")).as("why %s counts %s where DefectDojo counts %s", file, r.get("total"),
                        r.get("defectdojo")).isNotBlank().isNotEqualTo("-");
            }
        }
    }

    private static Path samplesOrSkip() {
        var folder = SharedSamples.defectDojo();
        Assumptions.assumeTrue(folder.isPresent(), () -> SharedSamples.skipMessage("DefectDojoCorpusTest"));
        return folder.get();
    }
}
