package io.jenkins.plugins.dsomm.ingest;

import io.jenkins.plugins.dsomm.TestData;
import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
import io.jenkins.plugins.dsomm.evidence.Severity;
import io.jenkins.plugins.dsomm.json.AssessmentFormatException;
import io.jenkins.plugins.dsomm.json.IngestJson;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Nothing lost: evidence recorded by many threads at once (parallel branches) is all there afterwards. */
class RecordedEvidenceTest {
    @Test
    void concurrentRecordingsLoseNothing() throws Exception {
        RecordedEvidence recorded = new RecordedEvidence();
        int threads = 16;
        int perThread = 250;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < perThread; i++) {
                    String name = "t" + thread + "-" + i + ".json";
                    // through the agent-to-controller encoding, as the plugin does
                    String json = IngestJson.write(new IngestResult(List.of(new IngestedFile(name,
                            IngestedFile.Status.READ, "test",
                            List.of(TestData.evidence("T" + thread, EvidenceKind.SAST, Severity.HIGH)), null))));
                    recorded.add(IngestJson.read(json, name));
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        IngestResult all = recorded.snapshot();
        assertThat(all.files()).hasSize(threads * perThread);
        Set<String> names = new HashSet<>();
        all.files().forEach(f -> names.add(f.file()));
        assertThat(names).hasSize(threads * perThread);
        assertThat(all.evidence()).hasSize(threads * perThread);
        assertThat(all.evidence().get(0).findings()).hasSize(1);
        for (int t = 0; t < threads; t++) { // each branch's recordings in the order it made them
            String prefix = "t" + t + "-";
            List<String> own = all.files().stream().map(IngestedFile::file).filter(n -> n.startsWith(prefix)).toList();
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < perThread; i++) {
                expected.add(prefix + i + ".json");
            }
            assertThat(own).containsExactlyElementsOf(expected);
        }
        assertThat(all.evidence()).extracting(e -> e.tool()).containsOnly(java.util.stream.IntStream.range(0, threads)
                .mapToObj(t -> "T" + t).toArray(String[]::new));
    }

    @Test
    void corruptTransferGivesAClearMessage() {
        assertThatThrownBy(() -> IngestJson.read("{\"schema\": 1}", "agent reply"))
                .isInstanceOf(AssessmentFormatException.class)
                .hasMessageStartingWith("agent reply: not DSOMM Gate evidence");
        assertThatThrownBy(() -> IngestJson.read("{\"schema\":\"" + IngestJson.SCHEMA + "\",\"files\":[{\"status\":\"gone\"}]}",
                "side file")).isInstanceOf(AssessmentFormatException.class)
                .hasMessageStartingWith("side file: corrupt evidence: ");
    }
}
