package io.jenkins.plugins.dsomm.json;

import io.jenkins.plugins.dsomm.ingest.IngestResult;
import io.jenkins.plugins.dsomm.ingest.SideFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Side files read back (an earlier assessment, a history folder, evidence sent from an agent) that are corrupt
 * give {@link AssessmentFormatException} naming the file and what is wrong, and nothing else: every truncation of
 * a real document, thousands of byte flips, and the classic ways a file goes wrong.
 */
class SideFilesTest {
    @TempDir
    Path dir;

    private static final byte[] ASSESSMENT = SideFiles.assessment().getBytes(StandardCharsets.UTF_8);
    private static final String EVIDENCE = SideFiles.evidence();

    private static Throwable readAssessment(final byte[] content) {
        return catchThrowable(() -> AssessmentJson.read(new ByteArrayInputStream(content), "ref.json"));
    }

    @Test
    void everyTruncationOfARealDocumentIsAClearError() {
        assertThat(readAssessment(ASSESSMENT)).isNull();
        int step = Math.max(1, ASSESSMENT.length / 400);
        int tried = 0;
        for (int n = 0; n < ASSESSMENT.length - 2; n += step) { // the last bytes are the closing brace and a newline
            Throwable t = readAssessment(Arrays.copyOf(ASSESSMENT, n));
            assertThat(t).as("truncated to %d bytes", n).isInstanceOf(AssessmentFormatException.class);
            assertThat(t.getMessage()).as("truncated to %d bytes", n).startsWith("ref.json: not a DSOMM Gate assessment");
            tried++;
        }
        assertThat(tried).isGreaterThanOrEqualTo(400);
    }

    @Test
    void flippedBytesAreReadOrAClearErrorNeverAnythingElse() {
        SplittableRandom random = new SplittableRandom(6);
        int read = 0;
        int refused = 0;
        for (int i = 0; i < 3000; i++) {
            byte[] bad = ASSESSMENT.clone();
            for (int k = 0; k < 1 + random.nextInt(3); k++) {
                bad[random.nextInt(bad.length)] = (byte) random.nextInt(256);
            }
            Throwable t = readAssessment(bad);
            if (t == null) {
                read++;
            }
            else {
                assertThat(t).as("variant %d", i).isInstanceOf(AssessmentFormatException.class);
                assertThat(t.getMessage()).startsWith("ref.json: ");
                refused++;
            }
        }
        assertThat(read + refused).isEqualTo(3000);
        assertThat(refused).isPositive();
        assertThat(read).isPositive(); // a flipped letter in a message is still a document
    }

    @Test
    void theClassicWaysAFileGoesWrongAreNamed() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("", "ref.json: not a DSOMM Gate assessment (no \"schema\"");
        cases.put("   \n", "ref.json: not a DSOMM Gate assessment (no \"schema\"");
        cases.put("null", "ref.json: not a DSOMM Gate assessment (no \"schema\"");
        cases.put("[]", "ref.json: not a DSOMM Gate assessment (no \"schema\"");
        cases.put("\"assessment\"", "ref.json: not a DSOMM Gate assessment (no \"schema\"");
        cases.put("{\"schema\":\"" + AssessmentJson.SCHEMA + "\"}", "ref.json: assessment schema version -1 is not supported");
        cases.put("{\"schema\":\"" + AssessmentJson.SCHEMA + "\",\"schemaVersion\":\"2\"}",
                "ref.json: corrupt assessment document: "); // a version written as text is read
        cases.put("{\"schema\":\"" + AssessmentJson.SCHEMA + "\",\"schemaVersion\":4}",
                "ref.json: assessment schema version 4 is not supported (this DSOMM Gate reads 1 to 3)");
        cases.put("{\"schema\":\"" + AssessmentJson.SCHEMA + "\",\"schemaVersion\":3}",
                "ref.json: corrupt assessment document: ");
        cases.put("{\"schema\":\"" + AssessmentJson.SCHEMA + "\",\"schemaVersion\":2}",
                "ref.json: corrupt assessment document: ");
        cases.put("{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}", "ref.json: not a DSOMM Gate assessment: invalid "
                + "JSON: Document nesting depth (101) exceeds the maximum allowed (100");
        cases.put("{\"schema\":\"" + AssessmentJson.SCHEMA + "\",\"schema\":\"x\"}", "ref.json: ");
        cases.put("\u0000\u00ff", "ref.json: not a DSOMM Gate assessment: invalid JSON: ");
        cases.forEach((content, message) -> assertThat(readAssessment(content.getBytes(StandardCharsets.ISO_8859_1)))
                .as(content.length() > 60 ? content.substring(0, 60) : content)
                .isInstanceOf(AssessmentFormatException.class).hasMessageStartingWith(message));
    }

    @Test
    void aFileThatCannotBeOpenedIsNamed() throws Exception {
        assertThatThrownBy(() -> AssessmentJson.read(dir)).isInstanceOf(AssessmentFormatException.class)
                .hasMessage(dir + ": cannot read: a folder, not an assessment document");
        assertThatThrownBy(() -> AssessmentJson.read(dir.resolve("gone.json")))
                .isInstanceOf(AssessmentFormatException.class).hasMessageStartingWith(dir.resolve("gone.json")
                        + ": cannot read: ");
    }

    @Test
    void aHistoryFolderKeepsTheGoodDocumentsAndNamesTheOthers() throws Exception {
        Files.write(dir.resolve("a-good.json"), ASSESSMENT);
        Files.write(dir.resolve("b-truncated.json"), Arrays.copyOf(ASSESSMENT, 100));
        Files.write(dir.resolve("c-empty.json"), new byte[0]);
        Files.writeString(dir.resolve("d-future.json"), "{\"schema\":\"" + AssessmentJson.SCHEMA
                + "\",\"schemaVersion\":9}");
        Files.createDirectories(dir.resolve("e-folder.json"));
        Files.writeString(dir.resolve("notes.txt"), "not *.json: not read");
        History history = History.read(dir);
        assertThat(history.documents()).hasSize(1);
        assertThat(history.problems()).containsExactly(
                dir.resolve("b-truncated.json") + ": not a DSOMM Gate assessment: invalid JSON: Unexpected end-of-input in"
                        + " field name at line 4, column 12",
                dir.resolve("c-empty.json") + ": not a DSOMM Gate assessment (no \"schema\": \"" + AssessmentJson.SCHEMA
                        + "\")",
                dir.resolve("d-future.json") + ": assessment schema version 9 is not supported (this DSOMM Gate reads 1 "
                        + "to 3)");
        assertThat(History.read(dir.resolve("missing")).documents()).isEmpty();
        assertThat(History.read(null).problems()).isEmpty();
    }

    @Test
    void aHistoryFolderKeepsOnlyTheNewestDocumentsByTheirTimeNotTheirNames() throws Exception {
        String doc = new String(ASSESSMENT, StandardCharsets.UTF_8);
        String created = doc.replaceAll("(?s).*?\"createdAt\" ?: ?\"([^\"]+)\".*", "$1");
        assertThat(created).matches("\\d{4}-.*Z");
        String[] days = {"2026-03-04", "2026-03-01", "2026-03-05", "2026-03-03", "2026-03-02"};
        for (int i = 0; i < days.length; i++) {
            Files.writeString(dir.resolve("doc-" + i + ".json"), doc.replace(created, days[i] + "T10:00:00Z"));
        }
        History history = History.read(dir, 3);
        assertThat(history.problems()).isEmpty();
        assertThat(history.documents()).extracting(d -> d.assessment().createdAt().toString())
                .containsExactly("2026-03-03T10:00:00Z", "2026-03-04T10:00:00Z", "2026-03-05T10:00:00Z");
        assertThat(History.read(dir).documents()).hasSize(5);
    }

    @Test
    void evidenceFromAnAgentThatIsCorruptIsNamed() {
        IngestResult good = IngestJson.read(EVIDENCE, "agent");
        assertThat(good.files()).hasSize(3);
        assertThat(good.evidence()).hasSize(2);
        int step = Math.max(1, EVIDENCE.length() / 200);
        for (int n = 0; n < EVIDENCE.length() - 1; n += step) {
            String truncated = EVIDENCE.substring(0, n);
            assertThatThrownBy(() -> IngestJson.read(truncated, "agent")).as("truncated to %d", n)
                    .isInstanceOf(AssessmentFormatException.class).hasMessageStartingWith("agent: ");
        }
        assertThatThrownBy(() -> IngestJson.read("", "agent")).isInstanceOf(AssessmentFormatException.class)
                .hasMessageStartingWith("agent: not DSOMM Gate evidence");
        assertThatThrownBy(() -> IngestJson.read(EVIDENCE.replace("\"read\"", "\"lost\""), "agent"))
                .isInstanceOf(AssessmentFormatException.class).hasMessageStartingWith("agent: corrupt evidence: ");
        assertThatThrownBy(() -> IngestJson.read(EVIDENCE.replaceFirst("\\[\"[0-9a-f]+\"", "[\"zz\""), "agent"))
                .isInstanceOf(AssessmentFormatException.class).hasMessageStartingWith("agent: corrupt evidence: ");
    }
}
