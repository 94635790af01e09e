package io.jenkins.plugins.dsomm.ingest;

import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/formats.md and the README say what the registry holds: one table row per registered format (no more, no
 * fewer), each naming every kind of evidence its format gives, and the README's count of formats.
 */
class FormatsDocumentationTest {
    private static final Pattern ROW_ID = Pattern.compile("\\(`([a-z0-9-]+)`\\)");
    private static final Pattern README_COUNT = Pattern.compile("(\\d+) formats, recognised by content");

    /** The repository root: the first folder upwards holding docs/formats.md. */
    static Path repository() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("docs/formats.md"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("no docs/formats.md above " + Path.of("").toAbsolutePath()).isNotNull();
        return dir;
    }

    /** The rows of the formats table, by the id in the first cell, each as its cells. */
    static Map<String, List<String>> documentedFormats() throws IOException {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String line : Files.readAllLines(repository().resolve("docs/formats.md"), StandardCharsets.UTF_8)) {
            if (!line.startsWith("| ") || line.startsWith("| Format (id)")) {
                continue;
            }
            List<String> cells = List.of(line.substring(2, line.length() - 1).split(" \\| ", -1));
            Matcher id = ROW_ID.matcher(cells.get(0));
            assertThat(id.find()).as("a formats table row without (`id`): %s", cells.get(0)).isTrue();
            assertThat(rows.put(id.group(1), cells)).as("two rows for %s", id.group(1)).isNull();
        }
        return rows;
    }

    @Test
    void theFormatsTableHasOneRowPerRegisteredFormat() throws IOException {
        assertThat(documentedFormats().keySet()).as("formats in docs/formats.md")
                .containsExactlyInAnyOrderElementsOf(ParserRegistry.defaults().all().stream()
                        .map(ReportParser::id).toList());
    }

    @Test
    void eachRowNamesEveryKindItsFormatGives() throws IOException {
        Map<String, List<String>> rows = documentedFormats();
        for (ReportParser p : ParserRegistry.defaults().all()) {
            assertThat(rows.keySet()).as("formats with a row in docs/formats.md").contains(p.id());
            String kinds = rows.get(p.id()).get(2);
            for (EvidenceKind k : p.format().kinds()) {
                assertThat(kinds).as("Kinds cell of %s in docs/formats.md", p.id()).containsPattern("\\b" + k + "\\b");
            }
        }
    }

    @Test
    void theReadmeCountsTheRegisteredFormats() throws IOException {
        String readme = Files.readString(repository().resolve("README.md"), StandardCharsets.UTF_8);
        Matcher count = README_COUNT.matcher(readme);
        assertThat(count.find()).as("README.md states \"N formats, recognised by content\"").isTrue();
        assertThat(Integer.parseInt(count.group(1))).as("formats the README counts")
                .isEqualTo(ParserRegistry.defaults().all().size());
    }
}
