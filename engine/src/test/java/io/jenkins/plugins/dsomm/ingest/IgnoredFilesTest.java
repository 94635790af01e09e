package io.jenkins.plugins.dsomm.ingest;

import io.jenkins.plugins.dsomm.json.IngestJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A file given by name must be a report DSOMM Gate reads: when no format claims it, that is an error naming it. A
 * file found in a folder or by a pattern with wildcards is ignored instead, with why, and the result says so.
 */
class IgnoredFilesTest {
    @TempDir
    private Path dir;

    private Path write(final String name, final String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void aFileGivenByNameThatNoFormatClaimsIsAnError() throws IOException {
        Path notes = write("notes.json", "{\"name\":\"app\",\"version\":\"1.0.0\"}");
        IngestResult result = new Ingestor().read(List.of(notes), null, null);
        assertThat(result.unrecognised()).isEmpty();
        assertThat(result.errors()).singleElement().satisfies(f -> {
            assertThat(f.origin()).isEqualTo(IngestedFile.Origin.NAMED);
            assertThat(f.format()).isNull();
            assertThat(f.error()).isEqualTo(notes + ": not a report format DSOMM Gate reads (a JSON object with the "
                    + "keys name, version: no format DSOMM Gate reads has them); it was given by name, so it must be "
                    + "one: name its format, or leave the file out");
        });
    }

    @Test
    void aFileFoundInAFolderThatNoFormatClaimsIsIgnoredWithWhy() throws IOException {
        write("in/notes.txt", "just some notes\n");
        write("in/layout.xml", "<?xml version=\"1.0\"?><LinearLayout xmlns=\"urn:x-android\"/>");
        write("in/empty-findings.json", "[]");
        IngestResult result = new Ingestor().read(List.of(dir.resolve("in")), null, null);
        assertThat(result.errors()).isEmpty();
        assertThat(result.unrecognised()).extracting(IngestedFile::file, IngestedFile::error, IngestedFile::origin)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("empty-findings.json", "an empty JSON array: nothing in it "
                                + "tells its format (name the format to read it)", IngestedFile.Origin.FOUND),
                        org.assertj.core.groups.Tuple.tuple("layout.xml", "an XML document with the root element "
                                + "<LinearLayout> in the namespace urn:x-android: no format DSOMM Gate reads has it",
                                IngestedFile.Origin.FOUND),
                        org.assertj.core.groups.Tuple.tuple("notes.txt", "neither JSON nor XML, and no format DSOMM "
                                + "Gate reads", IngestedFile.Origin.FOUND));
    }

    @Test
    void aNamedFileThatIsReadOrBrokenKeepsItsOrigin() throws IOException {
        Path empty = write("empty.json", "");
        Path missing = dir.resolve("missing.sarif");
        IngestResult result = new Ingestor().read(List.of(empty, missing), null, null);
        assertThat(result.errors()).extracting(IngestedFile::origin)
                .containsExactly(IngestedFile.Origin.NAMED, IngestedFile.Origin.NAMED);
    }

    @Test
    void aPatternWithoutWildcardNamesItsFileAndOneWithWildcardsFindsFiles() throws IOException {
        write("reports/notes.json", "{\"todo\":[\"x\"]}");
        IngestResult named = ReportPatterns.of("reports/notes.json", null).read(dir, null, new Ingestor());
        assertThat(named.errors()).singleElement().satisfies(f -> {
            assertThat(f.origin()).isEqualTo(IngestedFile.Origin.NAMED);
            assertThat(f.error()).startsWith("reports/notes.json: not a report format DSOMM Gate reads (a JSON "
                    + "object with the keys todo: ");
        });
        IngestResult found = ReportPatterns.of("reports/*.json", null).read(dir, null, new Ingestor());
        assertThat(found.errors()).isEmpty();
        assertThat(found.unrecognised()).singleElement().satisfies(f -> {
            assertThat(f.origin()).isEqualTo(IngestedFile.Origin.FOUND);
            assertThat(f.error()).isEqualTo("a JSON object with the keys todo: no format DSOMM Gate reads has them");
        });
    }

    @Test
    void theOriginCrossesFromTheAgentWithTheEvidence() throws IOException {
        write("reports/notes.json", "{\"todo\":[\"x\"]}");
        IngestResult read = ReportPatterns.of("reports/notes.json,reports/*.json", null).read(dir, null,
                new Ingestor());
        IngestResult back = IngestJson.read(IngestJson.write(read), "agent");
        assertThat(back.files()).extracting(IngestedFile::origin).containsExactly(IngestedFile.Origin.NAMED);
        assertThat(back.files()).isEqualTo(read.files());
        IngestResult old = IngestJson.read("{\"schema\":\"" + IngestJson.SCHEMA + "\",\"files\":[{\"file\":\"a\","
                + "\"status\":\"unrecognised\",\"error\":\"why\"}]}", "evidence before origins");
        assertThat(old.files()).singleElement().satisfies(f -> assertThat(f.origin())
                .isEqualTo(IngestedFile.Origin.FOUND));
    }

    @Test
    void theReasonDescribesWhatTheFileLooksLikeAndIsBounded() {
        assertThat(reason("null")).isEqualTo("the JSON value null: nothing in it tells its format (name the format "
                + "to read it)");
        assertThat(reason("{}")).isEqualTo("an empty JSON object: no format DSOMM Gate reads is told by it");
        assertThat(reason("[1,2]")).isEqualTo("a JSON array without objects: no format DSOMM Gate reads is one");
        assertThat(reason("[{\"a\":1,\"b\":2}]")).isEqualTo("a JSON array of objects with the keys a, b: no format "
                + "DSOMM Gate reads has them");
        assertThat(reason("{\"a\":1}\n{\"a\":2}\n")).isEqualTo("JSON values one after the other, the first with the "
                + "keys a: no format DSOMM Gate reads has them");
        assertThat(reason("{\"k1\":1,\"k2\":1,\"k3\":1,\"k4\":1,\"k5\":1,\"k6\":1,\"k7\":1,\"" + "x".repeat(90)
                + "\":1}")).isEqualTo("a JSON object with the keys k1, k2, k3, k4, k5, k6, …: no format DSOMM Gate "
                + "reads has them");
        assertThat(reason("{\"" + "x".repeat(90) + "\":1}")).isEqualTo("a JSON object with the keys "
                + "x".repeat(39) + "…: no format DSOMM Gate reads has them");
        assertThat(reason("<a><b>")).isEqualTo("an XML document with the root element <a>: no format DSOMM Gate "
                + "reads has it");
        assertThat(reason("{oops")).isEqualTo("an empty JSON object: no format DSOMM Gate reads is told by it");
        assertThat(reason("<")).isEqualTo("starts like XML but is not XML");
    }

    private static String reason(final String content) {
        return Sniff.of("x", content.getBytes(StandardCharsets.UTF_8)).unrecognised();
    }
}
