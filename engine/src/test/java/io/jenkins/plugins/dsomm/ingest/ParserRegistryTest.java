package io.jenkins.plugins.dsomm.ingest;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The registry holds every parser the engine has, and every format keeps the promises the cross-cutting suites
 * rely on: a fixture folder named after its id with a parser test, fixtures written in its document family and
 * detected as it, and evidence of no kind its format does not name.
 */
class ParserRegistryTest {
    private static final List<ReportParser> PARSERS = ParserRegistry.defaults().all();

    /** The fixture files of every format, by format id (the folder under {@code /reports/}). */
    static Map<String, List<Path>> fixtures() throws IOException, URISyntaxException {
        Path root = Path.of(ParserRegistryTest.class.getResource("/reports").toURI());
        Map<String, List<Path>> byFormat = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                byFormat.computeIfAbsent(root.relativize(f).getName(0).toString(), k -> new ArrayList<>()).add(f);
            }
        }
        return byFormat;
    }

    @Test
    void everyParserClassOfTheEngineIsRegistered() {
        List<String> classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.jenkins.plugins.dsomm").stream()
                .filter(c -> c.isAssignableTo(ReportParser.class) && !c.isInterface()
                        && !c.getModifiers().contains(JavaModifier.ABSTRACT))
                .map(JavaClass::getName).sorted().toList();
        assertThat(classes).hasSizeGreaterThan(30);
        assertThat(PARSERS.stream().map(p -> p.getClass().getName()).sorted().toList())
                .as("parsers registered in META-INF/services/%s", ReportParser.class.getName())
                .isEqualTo(classes);
    }

    @Test
    void detectionTiesGoToTheParserRegisteredFirst() {
        ReportParser first = parser("first", ReportParser.LIKELY);
        ReportParser second = parser("second", ReportParser.LIKELY);
        Sniff sniff = Sniff.of("x.json", "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(new ParserRegistry(List.of(first, second)).detect(sniff)).containsSame(first);
        assertThat(new ParserRegistry(List.of(second, first)).detect(sniff)).containsSame(second);
        assertThatThrownBy(() -> new ParserRegistry(List.of(first, first)))
                .hasMessage("two parsers with id first");
    }

    @Test
    void everyFormatHasFixturesAndAParserTest() throws Exception {
        Map<String, List<Path>> fixtures = fixtures();
        assertThat(fixtures.keySet()).as("fixture folders under /reports/ are format ids")
                .isSubsetOf(PARSERS.stream().map(ReportParser::id).toList());
        for (ReportParser p : PARSERS) {
            assertThat(fixtures.get(p.id())).as("fixtures of %s in /reports/%s/", p.id(), p.id()).isNotEmpty();
            Class<?> test = Class.forName(p.getClass().getName() + "Test");
            assertThat(AbstractParserTest.class.isAssignableFrom(test)).as("%s extends AbstractParserTest", test)
                    .isTrue();
        }
    }

    @Test
    void everyFixtureIsWrittenInItsFormatsFamilyAndGivesOnlyItsKinds() throws Exception {
        int read = 0;
        for (Map.Entry<String, List<Path>> entry : fixtures().entrySet()) {
            ReportParser parser = ParserRegistry.defaults().find(entry.getKey()).orElseThrow();
            ReportFormat format = parser.format();
            for (Path f : entry.getValue()) {
                byte[] content = Files.readAllBytes(f);
                Sniff sniff = Sniff.of(f.getFileName().toString(), content);
                String what = f.getFileName() + " (" + format.id() + ", " + format.family() + ")";
                switch (format.family()) {
                    case JSON, JSON_LINES -> assertThat(sniff.json()).as(what).isNotNull();
                    case XML -> assertThat(sniff.xml()).as(what).isNotNull();
                    case TEXT -> assertThat(sniff.json() == null && sniff.xml() == null).as(what).isTrue();
                }
                if (format.family() == ReportFormat.Family.JSON) {
                    assertThat(sniff.json().type()).as(what).isNotEqualTo(Sniff.JsonShape.Type.LINES);
                }
                Set<EvidenceKind> kinds = EnumSet.noneOf(EvidenceKind.class);
                for (Evidence e : parser.parseAll(ReportSource.of(f.getFileName().toString(), content))) {
                    kinds.addAll(e.kinds());
                }
                assertThat(format.kinds()).as("kinds of %s", what).containsAll(kinds);
                read++;
            }
        }
        assertThat(read).isGreaterThanOrEqualTo(PARSERS.size());
    }

    @Test
    void everyKindAFormatNamesIsGivenByOneOfItsFixturesOrNamedHere() throws Exception {
        Map<String, Set<EvidenceKind>> notShown = new TreeMap<>();
        for (Map.Entry<String, List<Path>> entry : fixtures().entrySet()) {
            ReportParser parser = ParserRegistry.defaults().find(entry.getKey()).orElseThrow();
            Set<EvidenceKind> kinds = EnumSet.copyOf(parser.format().kinds());
            for (Path f : entry.getValue()) {
                parser.parseAll(ReportSource.of(f.getFileName().toString(), Files.readAllBytes(f)))
                        .forEach(e -> kinds.removeAll(e.kinds()));
            }
            if (!kinds.isEmpty()) {
                notShown.put(parser.id(), kinds);
            }
        }
        assertThat(notShown).isEqualTo(KINDS_SHOWN_BY_THE_PARSER_TESTS);
    }

    /**
     * Kinds a format names that no fixture file of its folder gives: the parser's own test shows each with a report
     * written inline (the kinds a small fixture cannot all hold).
     */
    private static final Map<String, Set<EvidenceKind>> KINDS_SHOWN_BY_THE_PARSER_TESTS = Map.of(
            "checkov-json", EnumSet.of(EvidenceKind.SECRETS, EvidenceKind.CONTAINER),
            "osv-scanner-json", EnumSet.of(EvidenceKind.CONTAINER),
            "sarif", EnumSet.of(EvidenceKind.SCA, EvidenceKind.DAST, EvidenceKind.IAC, EvidenceKind.CONTAINER),
            "snyk-json", EnumSet.of(EvidenceKind.IAC, EvidenceKind.CONTAINER));

    @Test
    void everyFixtureIsDetectedAsTheFormatOfItsFolder() throws Exception {
        for (Map.Entry<String, List<Path>> entry : fixtures().entrySet()) {
            for (Path f : entry.getValue()) {
                assertThat(ParserRegistry.defaults().detect(Sniff.of("renamed", Files.readAllBytes(f))))
                        .as("%s detected", f.getFileName())
                        .hasValueSatisfying(p -> assertThat(p.id()).isEqualTo(entry.getKey()));
            }
        }
    }

    private static ReportParser parser(final String id, final int score) {
        return new ReportParser() {
            @Override
            public ReportFormat format() {
                return ReportFormat.of(id, id, ReportFormat.Family.JSON, EvidenceKind.SAST);
            }

            @Override
            public int detect(final Sniff sniff) {
                return score;
            }

            @Override
            public Evidence parse(final ReportSource source) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
