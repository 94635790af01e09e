package io.jenkins.plugins.dsomm.ingest;

import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.FilterReader;
import java.io.Reader;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.MissingResourceException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.io.IOException;
import java.io.InputStream;

/**
 * Hardened StAX for reports: DTDs are not processed, so no entity is ever resolved or expanded (no XXE, no
 * billion laughs) and nothing is fetched; the JDK's own parser is used whatever else is on the class path; depth
 * and the length of each piece of markup are bounded, so memory is too.
 */
public final class SecureXml {
    /**
     * Longest piece of markup, in characters (bytes where the parser decodes itself): a tag with its attributes, a
     * comment, a processing instruction. Character data between tags and in CDATA sections is not limited: the
     * parser hands it over in pieces.
     */
    public static final int MAX_MARKUP_BYTES = 8 * 1024 * 1024;
    /** Deepest element nesting accepted. */
    public static final int MAX_DEPTH = 1000;
    private static final int CDATA_CHUNK = 8192;
    /** How the problem of a document referring to an entity starts. */
    static final String ENTITY_REFUSED = "refers to an XML entity";

    private SecureXml() {
    }

    private static XMLInputFactory newFactory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setXMLReporter((message, type, info, location) -> {
            // problems are thrown as exceptions; nothing is printed
        });
        f.setXMLResolver((publicId, systemId, base, namespace) -> {
            throw new XMLStreamException("external resource refused: " + systemId);
        });
        setIfSupported(f, XMLConstants.ACCESS_EXTERNAL_DTD, "");
        setIfSupported(f, XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        setIfSupported(f, "jdk.xml.maxElementDepth", MAX_DEPTH);
        setIfSupported(f, "jdk.xml.cdataChunkSize", CDATA_CHUNK); // CDATA in pieces, not held whole
        return f;
    }

    private static void setIfSupported(final XMLInputFactory f, final String name, final Object value) {
        try {
            f.setProperty(name, value);
        }
        catch (IllegalArgumentException e) {
            // not supported by this JDK: the other settings still hold
        }
    }

    /**
     * A hardened reader over {@code in}; {@code name} is the system id used in messages. Whatever the JDK's parser
     * throws while reading (some malformed DOCTYPEs make it throw a {@link MissingResourceException} instead of
     * an {@link XMLStreamException}) reaches the caller as an {@link XMLStreamException}.
     */
    public static XMLStreamReader createReader(final InputStream in, final String name) throws XMLStreamException {
        try {
            return new Guarded(open(in, name));
        }
        catch (RuntimeException e) {
            throw Guarded.failure(e, null);
        }
    }

    private static XMLStreamReader open(final InputStream in, final String name) throws XMLStreamException {
        BufferedInputStream buffered = new BufferedInputStream(in, 8192);
        Charset charset;
        try {
            buffered.mark(PROLOG_BYTES);
            byte[] head = buffered.readNBytes(PROLOG_BYTES);
            buffered.reset();
            charset = declaredCharset(head);
            if (charset != null && head.length >= 3 && (head[0] & 0xff) == 0xef && (head[1] & 0xff) == 0xbb
                    && (head[2] & 0xff) == 0xbf) {
                buffered.skipNBytes(3);
            }
        }
        catch (IOException e) {
            throw new XMLStreamException(e.getMessage(), e);
        }
        if (charset == null) { // UTF-32 or an encoding name Java does not know: the parser's own detection
            return newFactory().createXMLStreamReader(name, new MarkupGuard.Bytes(buffered));
        }
        // Decoded here, strictly: the JDK parser prints "[Fatal Error]" to stderr when it meets bytes that are not
        // valid in the encoding while reading the prolog; a decoding error from a Reader is only thrown.
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return newFactory().createXMLStreamReader(name,
                new MarkupGuard.Chars(new InputStreamReader(buffered, decoder)));
    }

    /** Turns an unchecked exception of the JDK's parser into the checked one every caller handles. */
    private static final class Guarded extends StreamReaderDelegate {
        Guarded(final XMLStreamReader reader) {
            super(reader);
        }

        static XMLStreamException failure(final RuntimeException e, final Location location) {
            String what = e instanceof MissingResourceException m
                    ? "malformed markup the XML parser cannot describe (" + m.getKey() + ")"
                    : "the XML parser failed: " + e;
            // the JDK's constructor with a location reads its line and column: null is no location
            return location == null ? new XMLStreamException(what, e) : new XMLStreamException(what, location, e);
        }

        private Location where() {
            try {
                return getParent().getLocation();
            }
            catch (RuntimeException e) {
                return null;
            }
        }

        /** One step of the parent reader. */
        @FunctionalInterface
        private interface Step<T> {
            T run() throws XMLStreamException;
        }

        private <T> T guarded(final Step<T> step) throws XMLStreamException {
            try {
                return step.run();
            }
            catch (RuntimeException e) {
                throw failure(e, where());
            }
        }

        @Override
        public int next() throws XMLStreamException {
            return guarded(super::next);
        }

        @Override
        public int nextTag() throws XMLStreamException {
            return guarded(super::nextTag);
        }

        @Override
        public boolean hasNext() throws XMLStreamException {
            return guarded(super::hasNext);
        }

        @Override
        public String getElementText() throws XMLStreamException {
            return guarded(super::getElementText);
        }

        @Override
        public void close() throws XMLStreamException {
            try {
                super.close();
            }
            catch (RuntimeException e) {
                throw failure(e, null);
            }
        }
    }

    private static final int PROLOG_BYTES = 512;
    private static final Pattern ENCODING = Pattern.compile("^<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");

    /**
     * The charset of the document: UTF-16 by byte order mark or by the zero bytes of its first {@code <}, else the
     * one it declares (UTF-8 when none); null when the parser must detect it itself (UTF-32, unknown names).
     */
    static Charset declaredCharset(final byte[] head) {
        if (head.length >= 4 && (head[0] == 0 && head[1] == 0 || head[2] == 0 && head[3] == 0)) {
            return null; // UTF-32, with or without byte order mark
        }
        if (head.length >= 2 && ((head[0] & 0xff) == 0xfe && (head[1] & 0xff) == 0xff
                || (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xfe)) {
            return StandardCharsets.UTF_16; // the decoder reads the byte order mark
        }
        if (head.length >= 2 && head[0] == 0 && head[1] == '<') {
            return StandardCharsets.UTF_16BE;
        }
        if (head.length >= 2 && head[0] == '<' && head[1] == 0) {
            return StandardCharsets.UTF_16LE;
        }
        String prolog = new String(head, StandardCharsets.ISO_8859_1);
        if (prolog.startsWith("\u00ef\u00bb\u00bf")) {
            prolog = prolog.substring(3);
        }
        Matcher m = ENCODING.matcher(prolog);
        if (!m.find()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(m.group(1));
        }
        catch (IllegalArgumentException e) {
            return null;
        }
    }

    public static void closeQuietly(final XMLStreamReader r) {
        if (r != null) {
            try {
                r.close();
            }
            catch (XMLStreamException e) {
                // nothing to do
            }
        }
    }

    /**
     * Reads the text of the current element (the reader is on its START_ELEMENT) up to its END_ELEMENT, text of
     * nested elements included, keeping at most {@code max} characters (whitespace trimmed).
     */
    public static String readText(final XMLStreamReader r, final int max) throws XMLStreamException {
        StringBuilder b = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int event = r.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> depth--;
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (b.length() < max) {
                        int len = Math.min(r.getTextLength(), max - b.length());
                        b.append(r.getTextCharacters(), r.getTextStart(), len);
                    }
                }
                case XMLStreamConstants.ENTITY_REFERENCE -> throw undeclaredEntity(r);
                case XMLStreamConstants.END_DOCUMENT -> throw new XMLStreamException("unexpected end of document",
                        r.getLocation());
                default -> {
                    // comments, processing instructions
                }
            }
        }
        return b.toString().trim();
    }

    /**
     * The error for an entity reference the reader is on: DTDs are never processed, so it cannot be resolved. The
     * wording is the JDK's own, which {@link #toParseException} turns into its XXE explanation.
     */
    public static XMLStreamException undeclaredEntity(final XMLStreamReader r) {
        return new XMLStreamException("The entity \"" + r.getLocalName() + "\" was referenced, but not declared.",
                r.getLocation());
    }

    /** Turns a StAX error into the engine's parse error, with position and a readable reason. */
    public static ParseException toParseException(final Exception e, final String file, final String format) {
        long line = -1;
        long column = -1;
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        if (e instanceof XMLStreamException x && x.getLocation() != null) {
            Location l = x.getLocation();
            line = l.getLineNumber();
            column = l.getColumnNumber();
            // the JDK prefixes the message with the position; keep the words
            int idx = message.indexOf("Message: ");
            if (idx >= 0) {
                message = message.substring(idx + "Message: ".length());
            }
        }
        String problem;
        if (rootCause(e) instanceof CharacterCodingException) {
            problem = "invalid XML: bytes that are not valid in the document's encoding";
        }
        else if (message.contains("was referenced, but not declared")) {
            problem = ENTITY_REFUSED + " (" + entityName(message) + ") that would have to come from a DOCTYPE; "
                    + "DSOMM Gate never resolves or expands XML entities (XXE protection), so this file cannot be "
                    + "read. Remove the DOCTYPE and the entity references";
        }
        else if (message.contains(MarkupGuard.TOO_LONG)) {
            problem = message.substring(message.indexOf(MarkupGuard.TOO_LONG));
        }
        else if (message.contains("maxElementDepth") || message.contains("depth")) {
            problem = "XML nested too deeply (more than " + MAX_DEPTH + " levels)";
        }
        else if (message.contains("Premature end of file") || message.contains("unexpected end of document")
                || message.contains("XML document structures must start and end")) {
            problem = "truncated XML: " + message;
        }
        else {
            problem = "invalid XML: " + message;
        }
        return new ParseException(file, format, problem, line, column, e);
    }

    private static Throwable rootCause(final Throwable e) {
        Throwable t = e;
        for (int i = 0; i < 10 && t.getCause() != null && t.getCause() != t; i++) {
            t = t.getCause();
        }
        if (t instanceof XMLStreamException x && x.getNestedException() != null) {
            return x.getNestedException();
        }
        return t;
    }

    private static String entityName(final String message) {
        int a = message.indexOf('"');
        int b = a < 0 ? -1 : message.indexOf('"', a + 1);
        return a >= 0 && b > a ? "&" + message.substring(a + 1, b) + ";" : "an entity";
    }

    /**
     * Refuses a piece of markup longer than {@link #MAX_MARKUP_BYTES}: a start or end tag with its attributes, a
     * comment, a processing instruction or a declaration. The JDK's parser holds each of them whole in memory
     * (character data, between tags or in CDATA sections, it hands over in pieces), so this bounds its memory
     * whatever the size of the file. Scans the decoded characters ({@link Chars}) or, when the parser decodes itself, the
     * bytes ({@link Bytes}, right for ASCII-compatible encodings).
     */
    static final class MarkupGuard {
        static final String TOO_LONG = "markup longer than";
        private static final int CONTENT = 0;
        private static final int OPEN = 1;
        private static final int BANG = 2;
        private static final int BANG_DASH = 3;
        private static final int TAG = 4;
        private static final int COMMENT = 5;
        private static final int CDATA = 6;
        private static final int PI = 7;
        private static final int DECLARATION = 8;
        private int state = CONTENT;
        private int quote;
        private int previous;
        private int beforePrevious;
        private long length;

        void scan(final int c) throws IOException {
            if (state == CONTENT) {
                if (c == '<') {
                    state = OPEN;
                    length = 1;
                }
                remember(c);
                return;
            }
            if (state != CDATA && ++length > MAX_MARKUP_BYTES) { // CDATA comes in pieces (jdk.xml.cdataChunkSize)
                throw new IOException(TOO_LONG + " " + (MAX_MARKUP_BYTES / (1024 * 1024)) + " MB (a tag with its "
                        + "attributes, a comment or a processing instruction): refused, the XML parser would hold it "
                        + "whole in memory");
            }
            switch (state) {
                case OPEN -> state = c == '!' ? BANG : c == '?' ? PI : tag(c);
                case BANG -> state = c == '-' ? BANG_DASH : c == '[' ? CDATA : DECLARATION;
                case BANG_DASH -> state = c == '-' ? COMMENT : DECLARATION;
                case TAG -> {
                    if (quote != 0) {
                        quote = c == quote ? 0 : quote;
                    }
                    else if (c == '"' || c == '\'') {
                        quote = c;
                    }
                    else if (c == '>') {
                        state = CONTENT;
                    }
                }
                case COMMENT -> state = c == '>' && previous == '-' && beforePrevious == '-' ? CONTENT : COMMENT;
                case CDATA -> state = c == '>' && previous == ']' && beforePrevious == ']' ? CONTENT : CDATA;
                case PI -> state = c == '>' && previous == '?' ? CONTENT : PI;
                default -> state = c == '>' ? CONTENT : DECLARATION;
            }
            if (c == '<' && (state == TAG || state == DECLARATION) && quote == 0) {
                state = OPEN; // no '<' inside a tag: a new piece of markup (or a broken one) starts here
                length = 1;
            }
            remember(c);
        }

        private int tag(final int c) {
            quote = 0;
            return c == '>' ? CONTENT : TAG;
        }

        private void remember(final int c) {
            beforePrevious = previous;
            previous = c;
        }

        /** The guard over bytes. */
        static final class Bytes extends FilterInputStream {
            private final MarkupGuard guard = new MarkupGuard();

            Bytes(final InputStream in) {
                super(in);
            }

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    guard.scan(b);
                }
                return b;
            }

            @Override
            public int read(final byte[] buf, final int off, final int len) throws IOException {
                int n = super.read(buf, off, len);
                for (int i = off; i < off + n; i++) {
                    guard.scan(buf[i] & 0xff);
                }
                return n;
            }

            @Override
            public long skip(final long n) throws IOException {
                long skipped = 0;
                while (skipped < n && read() >= 0) {
                    skipped++;
                }
                return skipped;
            }

            @Override
            public boolean markSupported() {
                return false;
            }
        }

        /** The guard over decoded characters. */
        static final class Chars extends FilterReader {
            private final MarkupGuard guard = new MarkupGuard();

            Chars(final Reader in) {
                super(in);
            }

            @Override
            public int read() throws IOException {
                int c = super.read();
                if (c >= 0) {
                    guard.scan(c);
                }
                return c;
            }

            @Override
            public int read(final char[] buf, final int off, final int len) throws IOException {
                int n = super.read(buf, off, len);
                for (int i = off; i < off + n; i++) {
                    guard.scan(buf[i]);
                }
                return n;
            }

            @Override
            public long skip(final long n) throws IOException {
                long skipped = 0;
                while (skipped < n && read() >= 0) {
                    skipped++;
                }
                return skipped;
            }

            @Override
            public boolean markSupported() {
                return false;
            }
        }
    }
}
