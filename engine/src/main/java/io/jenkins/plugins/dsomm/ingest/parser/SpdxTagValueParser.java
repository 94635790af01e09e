package io.jenkins.plugins.dsomm.ingest.parser;

import io.jenkins.plugins.dsomm.evidence.Evidence;
import io.jenkins.plugins.dsomm.evidence.EvidenceKind;
import io.jenkins.plugins.dsomm.ingest.EvidenceCollector;
import io.jenkins.plugins.dsomm.ingest.ParseException;
import io.jenkins.plugins.dsomm.ingest.ReportFormat;
import io.jenkins.plugins.dsomm.ingest.ReportParser;
import io.jenkins.plugins.dsomm.ingest.ReportSource;
import io.jenkins.plugins.dsomm.ingest.Sniff;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * SPDX 2.x tag-value ({@code .spdx}): lines {@code Tag: value}, values spanning lines between {@code <text>} and
 * {@code </text>}, comments starting with {@code #}. Same semantics as {@link SpdxJsonParser}: packages
 * ({@code PackageName} sections) are components, without the described ones unless all are described; the
 * package URL is an {@code ExternalRef: PACKAGE-MANAGER purl <locator>}. Tool from the first
 * {@code Creator: Tool: ...}; time from {@code Created}. Recognised by {@code SPDXVersion:} as the first tag.
 * A line that is neither a tag, a comment nor part of a text value, or a {@code <text>} never closed, is an error
 * (the usual signs of a cut or foreign file).
 */
public final class SpdxTagValueParser implements ReportParser {
    private static final String ID = "spdx-tag-value";
    private static final ReportFormat FORMAT = ReportFormat.of(ID,
            "SPDX 2.x tag-value", ReportFormat.Family.TEXT, EvidenceKind.SBOM);
    private static final int MAX_LINE = 64 * 1024;
    private static final int MAX_VALUE = 4096;
    private static final int DETECT_LINES = 40;

    @Override
    public ReportFormat format() {
        return FORMAT;
    }

    @Override
    public int detect(final Sniff sniff) {
        char first = sniff.firstChar();
        if (first == '{' || first == '[' || first == '<') {
            return NO;
        }
        int seen = 0;
        for (String line : sniff.text().split("\r\n|\r|\n", DETECT_LINES * 4)) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            if (l.startsWith("SPDXVersion:")) {
                return seen == 0 ? CERTAIN : LIKELY;
            }
            if (++seen >= DETECT_LINES) {
                break;
            }
        }
        return NO;
    }

    @Override
    public Evidence parse(final ReportSource source) throws ParseException {
        String file = source.name();
        EvidenceCollector collector = new EvidenceCollector(ID, source);
        Spdx.Document document = new Spdx.Document();
        boolean hasPackages = false;
        try (TagReader tags = new TagReader(source)) {
            String version = null;
            boolean inSections = false;
            Tag tag;
            while ((tag = tags.next()) != null) {
                switch (tag.name()) {
                    case "SPDXVersion" -> {
                        if (version == null) {
                            version = tag.value();
                        }
                    }
                    case "SPDXID" -> {
                        if (!inSections) {
                            document.documentId(tag.value());
                        }
                    }
                    case "Creator" -> document.creator(tag.value());
                    case "Created" -> collector.producedAt(tag.value());
                    case "Relationship" -> {
                        String[] parts = tag.value().trim().split("\\s+");
                        if (parts.length >= 3) {
                            document.relationship(parts[0], parts[1], parts[2]);
                        }
                    }
                    case "PackageName" -> {
                        hasPackages = true;
                        inSections = true;
                    }
                    case "FileName", "SnippetSPDXID", "LicenseID" -> inSections = true;
                    default -> {
                        // not needed
                    }
                }
            }
            if (version == null) {
                throw new ParseException(file, ID, "not an SPDX tag-value document: no \"SPDXVersion:\" tag");
            }
        }
        catch (IOException e) {
            throw ioError(e, file);
        }
        document.applyTo(collector);
        if (hasPackages) {
            readPackages(source, new Spdx.Packages(document.described(), collector));
        }
        return collector.build();
    }

    /** Second pass: the package sections. */
    private static void readPackages(final ReportSource source, final Spdx.Packages packages)
            throws ParseException {
        try (TagReader tags = new TagReader(source)) {
            boolean inPackage = false;
            String id = null;
            String name = null;
            String purl = null;
            Tag tag;
            while ((tag = tags.next()) != null) {
                switch (tag.name()) {
                    case "PackageName" -> {
                        if (inPackage) {
                            packages.add(id, name, purl);
                        }
                        inPackage = true;
                        id = null;
                        purl = null;
                        name = tag.value();
                    }
                    case "SPDXID" -> {
                        if (inPackage && id == null) {
                            id = tag.value();
                        }
                    }
                    case "ExternalRef" -> {
                        String[] parts = tag.value().trim().split("\\s+");
                        if (inPackage && purl == null && parts.length >= 3 && parts[1].equalsIgnoreCase("purl")) {
                            purl = parts[2];
                        }
                    }
                    case "FileName", "SnippetSPDXID", "LicenseID" -> {
                        if (inPackage) {
                            packages.add(id, name, purl);
                        }
                        inPackage = false;
                    }
                    default -> {
                        // other package fields
                    }
                }
            }
            if (inPackage) {
                packages.add(id, name, purl);
            }
        }
        catch (IOException e) {
            throw ioError(e, source.name());
        }
        packages.finish();
    }

    private static ParseException ioError(final IOException e, final String file) {
        if (e instanceof TagException t) {
            return new ParseException(file, ID, t.getMessage(), t.line, -1, null);
        }
        if (e instanceof CharacterCodingException) {
            return new ParseException(file, ID, "invalid UTF-8: bytes that are not valid UTF-8", -1, -1, e);
        }
        return new ParseException(file, ID, "cannot be read: " + e.getMessage(), -1, -1, e);
    }

    /** One {@code Tag: value}; the value of a {@code <text>} block is its text, shortened. */
    private record Tag(String name, String value) {
    }

    /** A problem with the content at a line. */
    private static final class TagException extends IOException {
        private static final long serialVersionUID = 1L;
        private final long line;

        TagException(final String message, final long line) {
            super(message);
            this.line = line;
        }
    }

    /** Reads tags from a tag-value file: strict UTF-8, lines bounded in length, text blocks joined. */
    private static final class TagReader implements AutoCloseable {
        private final Reader in;
        private long lineNumber;
        private boolean lastLineTerminated = true;

        TagReader(final ReportSource source) throws IOException {
            InputStream raw = source.open();
            this.in = new BufferedReader(new InputStreamReader(raw, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)), 64 * 1024);
        }

        /** The next tag, or null at the end of the file. */
        Tag next() throws IOException {
            while (true) {
                Line line = readLine();
                if (line == null) {
                    return null;
                }
                String text = line.text();
                if (lineNumber == 1 && !text.isEmpty() && text.charAt(0) == '\uFEFF') {
                    text = text.substring(1);
                }
                String stripped = text.strip();
                if (stripped.isEmpty() || stripped.startsWith("#")) {
                    continue;
                }
                int colon = stripped.indexOf(':');
                if (colon <= 0 || !isTagName(stripped, colon)) {
                    throw new TagException("not SPDX tag-value: a line is neither \"Tag: value\" nor a comment",
                            lineNumber);
                }
                String name = stripped.substring(0, colon);
                String value = stripped.substring(colon + 1).strip();
                long start = lineNumber;
                if (value.startsWith("<text>")) {
                    value = readText(value.substring("<text>".length()), line.closesText(), start);
                }
                else if (!lastLineTerminated && value.isEmpty()) {
                    throw new TagException("truncated SPDX tag-value: the last line \"" + name
                            + ":\" has no value and no line end", lineNumber);
                }
                return new Tag(name, value);
            }
        }

        private static boolean isTagName(final String s, final int colon) {
            if (!Character.isLetter(s.charAt(0))) {
                return false;
            }
            for (int i = 1; i < colon; i++) {
                char c = s.charAt(i);
                if (!Character.isLetterOrDigit(c) && c != '_' && c != '-' && c != '.') {
                    return false;
                }
            }
            return true;
        }

        /** The rest of a text value, up to {@code </text>} (maybe on the first line). */
        private String readText(final String firstRest, final boolean firstCloses, final long start)
                throws IOException {
            StringBuilder value = new StringBuilder();
            if (firstCloses) {
                int end = firstRest.indexOf("</text>");
                return (end >= 0 ? firstRest.substring(0, end) : firstRest).strip();
            }
            append(value, firstRest);
            while (true) {
                Line line = readLine();
                if (line == null) {
                    throw new TagException("truncated SPDX tag-value: a <text> value is never closed by </text>",
                            start);
                }
                if (line.closesText()) {
                    int end = line.text().indexOf("</text>");
                    append(value, end >= 0 ? line.text().substring(0, end) : line.text());
                    return value.toString().strip();
                }
                append(value, line.text());
            }
        }

        private static void append(final StringBuilder b, final String s) {
            if (b.length() < MAX_VALUE) {
                if (b.length() > 0) {
                    b.append('\n');
                }
                b.append(s, 0, Math.min(s.length(), MAX_VALUE - b.length()));
            }
        }

        /** A line, at most {@value #MAX_LINE} characters kept, and whether it contains {@code </text>}. */
        private record Line(String text, boolean closesText) {
        }

        private static final String CLOSE = "</text>";

        private Line readLine() throws IOException {
            StringBuilder b = new StringBuilder();
            int matched = 0; // characters of "</text>" matched so far
            boolean closes = false;
            int c = in.read();
            if (c < 0) {
                return null;
            }
            lineNumber++;
            while (c >= 0 && c != '\n' && c != '\r') {
                if (b.length() < MAX_LINE) {
                    b.append((char) c);
                }
                if (c == CLOSE.charAt(matched)) {
                    matched++;
                    if (matched == CLOSE.length()) {
                        closes = true;
                        matched = 0;
                    }
                }
                else {
                    matched = c == '<' ? 1 : 0;
                }
                c = in.read();
            }
            if (c == '\r') {
                in.mark(1);
                if (in.read() != '\n') {
                    in.reset();
                }
            }
            lastLineTerminated = c >= 0;
            return new Line(b.toString(), closes);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
