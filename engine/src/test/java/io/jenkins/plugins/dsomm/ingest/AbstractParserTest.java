package io.jenkins.plugins.dsomm.ingest;

import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.evidence.SeverityCounts;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * The shared test base of every parser: the fixture is read with exact counts, detected by content whatever its
 * name, and bad input (empty, truncated, garbage) gives the engine's parse error and nothing else.
 */
public abstract class AbstractParserTest {
    /** The parser under test. */
    protected abstract ReportParser parser();

    /** Resource path of the main fixture, relative to {@code /reports/}. */
    protected abstract String fixture();

    /** Checks the evidence of the main fixture with exact values. */
    protected abstract void assertFixture(Evidence evidence);

    /** Reads a test resource under {@code /reports/}. */
    protected static byte[] resource(final String name) {
        try (InputStream in = AbstractParserTest.class.getResourceAsStream("/reports/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource /reports/" + name);
            }
            return in.readAllBytes();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a fixture with the parser under test, the way ingestion does ({@link #parseBytes}). */
    protected Evidence parse(final String name) throws ParseException {
        return parseBytes(name, resource(name));
    }

    /**
     * Parses bytes with the parser under test the way ingestion does, through {@code parseAll}: the one evidence of
     * a report of one tool; for a report of several tools (SARIF runs), the merge {@code parse} gives, which
     * {@link #shouldGiveTheSameFindingsThroughParseAllAsThroughParse} keeps equal to the sum of {@code parseAll}.
     */
    protected Evidence parseBytes(final String name, final byte[] content) throws ParseException {
        List<Evidence> all = parser().parseAll(ReportSource.of(name, content));
        return all.size() == 1 ? all.get(0) : parser().parse(ReportSource.of(name, content));
    }

    @Test
    void shouldGiveTheSameFindingsThroughParseAllAsThroughParse() throws ParseException {
        byte[] content = resource(fixture());
        List<Evidence> all = parser().parseAll(ReportSource.of(fixture(), content));
        Evidence one = parser().parse(ReportSource.of(fixture(), content));
        assertThat(all).isNotEmpty().allSatisfy(e -> assertThat(e.format()).isEqualTo(parser().id()));
        assertThat(SeverityCounts.sum(all.stream().map(Evidence::open).toList())).isEqualTo(one.open());
        assertThat(all.stream().mapToInt(e -> e.findings().size()).sum()).isEqualTo(one.findings().size());
        assertThat(all.stream().mapToInt(Evidence::suppressed).sum()).isEqualTo(one.suppressed());
    }

    @Test
    void shouldReadFixtureWithExactCounts() throws ParseException {
        Evidence evidence = parse(fixture());
        assertThat(evidence.format()).isEqualTo(parser().id());
        assertThat(evidence.sourceFile()).isEqualTo(fixture());
        assertFixture(evidence);
    }

    @Test
    void shouldBeRegistered() {
        assertThat(ParserRegistry.defaults().find(parser().id())).containsInstanceOf(parser().getClass());
    }

    @Test
    void shouldDetectFixtureByContentWhateverItsName() {
        byte[] content = resource(fixture());
        for (String name : List.of("report.txt", "renamed", fixture())) {
            assertThat(ParserRegistry.defaults().detect(Sniff.of(name, content)))
                    .as("detected format of %s named %s", fixture(), name)
                    .hasValueSatisfying(p -> assertThat(p.id()).isEqualTo(parser().id()));
        }
    }

    @Test
    void shouldReadFixtureThroughTheIngestor() {
        IngestedFile outcome = new Ingestor().readFile(ReportSource.of(fixture(), resource(fixture())), null);
        assertThat(outcome.status()).as(outcome.toString()).isEqualTo(IngestedFile.Status.READ);
        assertThat(outcome.format()).isEqualTo(parser().id());
    }

    @Test
    void shouldAcceptUtf8ByteOrderMark() throws ParseException {
        byte[] content = resource(fixture());
        byte[] withBom = new byte[content.length + 3];
        withBom[0] = (byte) 0xef;
        withBom[1] = (byte) 0xbb;
        withBom[2] = (byte) 0xbf;
        System.arraycopy(content, 0, withBom, 3, content.length);
        Evidence plain = parseBytes("plain", content);
        Evidence bom = parseBytes("bom", withBom);
        assertThat(bom.open()).isEqualTo(plain.open());
        assertThat(bom.suppressed()).isEqualTo(plain.suppressed());
        assertThat(bom.components()).isEqualTo(plain.components());
    }

    @Test
    void shouldRejectEmptyInputWithParseError() {
        if (parser().emptyMeansNoFindings()) {
            try {
                Evidence e = parseBytes("empty", new byte[0]);
                assertThat(e.open().total()).isZero();
            }
            catch (ParseException e) {
                fail("a format whose empty file means no findings must read it: " + e.getMessage());
            }
            return;
        }
        assertThatThrownBy(() -> parseBytes("empty", new byte[0]))
                .isInstanceOf(ParseException.class)
                .hasMessageStartingWith("empty (" + parser().id() + "): ");
    }

    @Test
    void shouldRejectTruncatedInputWithParseError() {
        byte[] content = resource(fixture());
        byte[] half = Arrays.copyOf(content, content.length / 2);
        assertThatThrownBy(() -> parseBytes("truncated", half))
                .isInstanceOf(ParseException.class)
                .hasMessageStartingWith("truncated (" + parser().id() + "): ");
    }

    @Test
    void shouldRejectGarbageWithParseError() {
        byte[] garbage = {0x00, (byte) 0xff, 0x13, 0x37, (byte) 0xc3, 0x28, '{', '<'};
        assertThatThrownBy(() -> parseBytes("garbage", garbage))
                .isInstanceOf(ParseException.class)
                .hasMessageStartingWith("garbage (" + parser().id() + "): ");
    }

    @Test
    void shouldProduceSerializableEvidence() throws Exception {
        Evidence evidence = parse(fixture());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ObjectOutputStream stream = new ObjectOutputStream(out)) {
            stream.writeObject(evidence);
        }
        assertThat(out.toByteArray()).isNotEmpty();
    }
}
