package io.jenkins.plugins.dsomm.ingest;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.json.AssessmentFormatException;
import io.jenkins.plugins.dsomm.json.AssessmentJson;
import io.jenkins.plugins.dsomm.json.IngestJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.Stream;

/**
 * Coverage-guided fuzzing (Jazzer) of content detection and of every parser, seeded with every report fixture.
 * An input is {@code <format id>\n<report bytes>}: the first line picks the parser (an id the mutations
 * garbled picks one by its hash), the rest is sniffed, shown to every detector, and read by that parser as if the
 * user had named the format explicitly. What must hold for any bytes:
 * <ul>
 *   <li>building a sniff (of the prefix, and of the whole document when the prefix is incomplete JSON) and every
 *       detector never throw, and detectors answer {@link ReportParser#NO} to {@link ReportParser#CERTAIN};</li>
 *   <li>a parser throws nothing but {@link ParseException} (the {@link Ingestor} would turn anything else into an
 *       "internal error" outcome; here it is a finding), and its message names the file and the format;</li>
 *   <li>evidence a parser returns names its file and format, and survives the agent-to-controller JSON
 *       encoding with the same counts;</li>
 *   <li>the side files read back (an earlier {@code assessment.json}: {@value #ASSESSMENT}; evidence from an
 *       agent: {@value #EVIDENCE}) throw nothing but {@link AssessmentFormatException}, naming the file.</li>
 * </ul>
 * The default build runs this on the seeds and on every input kept in {@code ReportParsersFuzzTestInputs}
 * (regression mode: crashes found earlier, named after the parser and the problem), then fuzzes it for
 * {@code fuzz.duration} (see docs/security.md).
 */
class ReportParsersFuzzTest {
    private static final String NAME = "fuzzed-report";
    private static final int MAX_ID = 40;
    private static final List<ReportParser> PARSERS = ParserRegistry.defaults().all();
    /** The side files DSOMM Gate reads back: an earlier assessment, evidence sent from an agent. */
    static final String ASSESSMENT = "side-file:assessment";
    static final String EVIDENCE = "side-file:evidence";
    /** Per target (parsers, then the side files): inputs read, inputs accepted; then sniffs and inputs detected. */
    private static final AtomicLongArray COUNTS = new AtomicLongArray(PARSERS.size() * 2 + 6);
    private static final int SNIFFS = PARSERS.size() * 2 + 4;

    /** Every report fixture, as a seed for the parser its folder is named after. */
    static Stream<Arguments> fixtures() throws IOException, URISyntaxException {
        Path root = Path.of(ReportParsersFuzzTest.class.getResource("/reports").toURI());
        List<Arguments> seeds = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String format = root.relativize(f).getName(0).toString();
                if (ParserRegistry.defaults().find(format).isEmpty()) {
                    throw new IllegalStateException("fixture folder " + format + " is not a format id");
                }
                seeds.add(Arguments.of(Named.of(root.relativize(f).toString(),
                        input(format, Files.readAllBytes(f)))));
            }
        }
        seeds.add(Arguments.of(Named.of("assessment.json", input(ASSESSMENT,
                SideFiles.assessment().getBytes(StandardCharsets.UTF_8)))));
        seeds.add(Arguments.of(Named.of("evidence.json", input(EVIDENCE,
                SideFiles.evidence().getBytes(StandardCharsets.UTF_8)))));
        return seeds.stream();
    }

    /** A fuzz input: the format id on the first line, then the report. */
    static byte[] input(final String format, final byte[] report) {
        byte[] id = (format + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] all = Arrays.copyOf(id, id.length + report.length);
        System.arraycopy(report, 0, all, id.length, report.length);
        return all;
    }

    @MethodSource("fixtures")
    @FuzzTest(maxDuration = "60s")
    void detectionAndParsersThrowOnlyParseException(final byte[] input) {
        int newline = -1;
        for (int i = 0; i < Math.min(MAX_ID, input.length) && newline < 0; i++) {
            newline = input[i] == '\n' ? i : -1;
        }
        String id = newline < 0 ? "" : new String(input, 0, newline, StandardCharsets.ISO_8859_1);
        byte[] report = newline < 0 ? input : Arrays.copyOfRange(input, newline + 1, input.length);
        if (id.equals(ASSESSMENT) || id.equals(EVIDENCE)) {
            sideFile(id, report);
            return;
        }
        int index = PARSERS.indexOf(ParserRegistry.defaults().find(id).orElse(null));
        if (index < 0) {
            index = Math.floorMod(id.hashCode(), PARSERS.size());
        }

        Sniff sniff = Sniff.of(NAME, report);
        sniff.json();
        sniff.xml();
        COUNTS.incrementAndGet(SNIFFS);
        boolean detected = false;
        for (ReportParser p : PARSERS) {
            int score = p.detect(sniff);
            if (score < ReportParser.NO || score > ReportParser.CERTAIN) {
                throw new IllegalStateException(p.id() + " detector answered " + score);
            }
            detected |= score > ReportParser.NO;
        }
        if (sniff.incompleteJson()) {
            Sniff whole;
            try {
                whole = Sniff.wholeDocument(ReportSource.of(NAME, report), sniff);
            }
            catch (IOException e) {
                throw new UncheckedIOException("the whole-document look at bytes in memory failed", e);
            }
            for (ReportParser p : PARSERS) {
                int score = p.detect(whole);
                if (score < ReportParser.NO || score > ReportParser.CERTAIN) {
                    throw new IllegalStateException(p.id() + " detector answered " + score + " on the whole document");
                }
                detected |= score > ReportParser.NO;
            }
        }
        if (detected) {
            COUNTS.incrementAndGet(SNIFFS + 1);
        }

        ReportParser p = PARSERS.get(index);
        COUNTS.incrementAndGet(index * 2);
        List<Evidence> evidence;
        try {
            evidence = p.parseAll(ReportSource.of(NAME, report));
        }
        catch (ParseException e) {
            String prefix = NAME + " (" + p.id() + "): ";
            if (!e.getMessage().startsWith(prefix) || e.problem() == null || e.problem().isBlank()) {
                throw new IllegalStateException("parse error that does not name file and format: "
                        + e.getMessage(), e);
            }
            return;
        }
        COUNTS.incrementAndGet(index * 2 + 1);
        checkEvidence(p, evidence);
    }

    /** Reading a side file throws nothing but the documented {@link AssessmentFormatException}, naming it. */
    private static void sideFile(final String id, final byte[] content) {
        int slot = PARSERS.size() * 2 + (id.equals(ASSESSMENT) ? 0 : 2);
        COUNTS.incrementAndGet(slot);
        try {
            if (id.equals(ASSESSMENT)) {
                AssessmentJson.read(new ByteArrayInputStream(content), NAME);
            }
            else {
                IngestJson.read(new String(content, StandardCharsets.UTF_8), NAME);
            }
            COUNTS.incrementAndGet(slot + 1);
        }
        catch (AssessmentFormatException e) {
            if (!e.getMessage().startsWith(NAME + ": ")) {
                throw new IllegalStateException("side file error that does not name the file: " + e.getMessage(), e);
            }
        }
    }

    private static void checkEvidence(final ReportParser p, final List<Evidence> evidence) {
        if (evidence.isEmpty()) {
            throw new IllegalStateException(p.id() + " read the input into no evidence at all");
        }
        for (Evidence e : evidence) {
            if (!NAME.equals(e.sourceFile()) || !p.id().equals(e.format())) {
                throw new IllegalStateException(p.id() + " evidence names " + e.sourceFile() + " / " + e.format());
            }
        }
        IngestResult read = new IngestResult(List.of(IngestedFile.read(NAME, p.id(), evidence)));
        IngestResult back = IngestJson.read(IngestJson.write(read), "round trip");
        List<Evidence> again = back.evidence();
        for (int i = 0; i < evidence.size(); i++) {
            Evidence a = evidence.get(i);
            Evidence b = again.get(i);
            if (!a.open().equals(b.open()) || a.findings().size() != b.findings().size()
                    || a.suppressed() != b.suppressed() || a.components() != b.components()) {
                throw new IllegalStateException(p.id() + " evidence changed in the JSON round trip: " + a + " / " + b);
            }
        }
    }

    /** Prints (and writes to target/fuzz-stats.txt) how often each target ran and accepted an input. */
    @AfterAll
    static void report() {
        long sniffs = COUNTS.get(SNIFFS);
        if (sniffs == 0) {
            return;
        }
        Map<String, String> lines = new TreeMap<>();
        for (int i = 0; i < PARSERS.size(); i++) {
            lines.put(PARSERS.get(i).id(), COUNTS.get(i * 2) + " inputs, " + COUNTS.get(i * 2 + 1) + " read");
        }
        lines.put(ASSESSMENT, COUNTS.get(PARSERS.size() * 2) + " inputs, " + COUNTS.get(PARSERS.size() * 2 + 1) + " read");
        lines.put(EVIDENCE, COUNTS.get(PARSERS.size() * 2 + 2) + " inputs, " + COUNTS.get(PARSERS.size() * 2 + 3) + " read");
        StringBuilder b = new StringBuilder("content detection: ").append(sniffs).append(" inputs, ")
                .append(COUNTS.get(SNIFFS + 1)).append(" claimed by a parser\n");
        lines.forEach((id, line) -> b.append(id).append(": ").append(line).append('\n'));
        System.out.print("ReportParsersFuzzTest executions:\n" + b);
        try {
            Path dir = Files.createDirectories(Path.of("target"));
            Files.writeString(dir.resolve("fuzz-stats-" + (isFuzzing() ? "fuzzing" : "regression") + ".txt"),
                    b.toString(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isFuzzing() {
        String v = System.getenv("JAZZER_FUZZ");
        return v != null && !v.isEmpty() && !v.equals("0") && !v.equalsIgnoreCase("false");
    }
}
