package io.jenkins.plugins.dsomm.ingest.parser;

import io.jenkins.plugins.dsomm.ingest.ParseException;
import io.jenkins.plugins.dsomm.ingest.ReportSource;
import io.jenkins.plugins.dsomm.ingest.SecureXml;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads XML reports: {@link #read} opens one with the hardened reader of {@link SecureXml}, and the rest walks its
 * elements whatever lies between them: a DOCTYPE (never processed), text, comments, processing instructions. Every
 * step refuses an entity reference, wherever it is (also in elements that are skipped): DTDs are never processed,
 * so such a reference could only be an XXE attempt or a document that cannot be read faithfully.
 */
final class XmlWalk {
    private XmlWalk() {
    }

    /** Reads a whole document, the reader before its prolog. */
    @FunctionalInterface
    interface DocumentReader {
        void read(XMLStreamReader r) throws XMLStreamException, IOException, ParseException;
    }

    /**
     * Reads a report with a hardened reader of {@link SecureXml} and closes it; an XML or I/O error becomes the
     * parse error of {@link SecureXml#toParseException}, with position and a readable reason.
     */
    static void read(final ReportSource source, final String format, final DocumentReader reader)
            throws ParseException {
        XMLStreamReader r = null;
        try (InputStream in = source.open()) {
            r = SecureXml.createReader(in, source.name());
            reader.read(r);
        }
        catch (XMLStreamException | IOException e) {
            throw SecureXml.toParseException(e, source.name(), format);
        }
        finally {
            SecureXml.closeQuietly(r);
        }
    }

    /** Moves to the root element and returns its local name; throws when the document has none. */
    static String toRoot(final XMLStreamReader r) throws XMLStreamException {
        while (true) {
            switch (next(r)) {
                case XMLStreamConstants.START_ELEMENT -> {
                    return r.getLocalName();
                }
                case XMLStreamConstants.END_DOCUMENT -> throw new XMLStreamException("Premature end of file",
                        r.getLocation());
                default -> {
                    // prolog: declaration, comments, processing instructions, DOCTYPE (not processed)
                }
            }
        }
    }

    /**
     * Moves to the next child element of the current element: true on its START_ELEMENT, false on the
     * END_ELEMENT of the current element. Text and comments between children are passed over.
     */
    static boolean nextChild(final XMLStreamReader r) throws XMLStreamException {
        return nextTag(r) == XMLStreamConstants.START_ELEMENT;
    }

    /** Skips the current element (the reader is on its START_ELEMENT) up to and including its END_ELEMENT. */
    static void skip(final XMLStreamReader r) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            depth += nextTag(r) == XMLStreamConstants.START_ELEMENT ? 1 : -1;
        }
    }

    /**
     * Skips the current element (the reader is on its START_ELEMENT) up to and including its END_ELEMENT, and
     * returns how many elements named {@code localName} it held (the element itself included).
     */
    static int skipCounting(final XMLStreamReader r, final String localName) throws XMLStreamException {
        int found = localName.equals(r.getLocalName()) ? 1 : 0;
        int depth = 1;
        while (depth > 0) {
            if (nextTag(r) == XMLStreamConstants.START_ELEMENT) {
                depth++;
                found += localName.equals(r.getLocalName()) ? 1 : 0;
            }
            else {
                depth--;
            }
        }
        return found;
    }

    /** The trimmed text of the current element, nested elements' text included, at most {@code max} characters. */
    static String text(final XMLStreamReader r, final int max) throws XMLStreamException {
        return SecureXml.readText(r, max);
    }

    /**
     * The text of the child element {@code child} of the current element when it has one, else the current
     * element's own text; trimmed, at most {@code max} characters. Used where a value moved into a child between
     * schema versions (CycloneDX 1.2 extension {@code <score><base>4.3</base></score>} against 1.4
     * {@code <score>4.3</score>}).
     */
    static String textOrChildText(final XMLStreamReader r, final String child, final int max)
            throws XMLStreamException {
        StringBuilder own = new StringBuilder();
        String fromChild = null;
        while (true) {
            switch (next(r)) {
                case XMLStreamConstants.START_ELEMENT -> {
                    if (fromChild == null && child.equals(r.getLocalName())) {
                        fromChild = text(r, max);
                    }
                    else {
                        skip(r);
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    return fromChild != null ? fromChild : own.toString().trim();
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (own.length() < max) {
                        own.append(r.getTextCharacters(), r.getTextStart(),
                                Math.min(r.getTextLength(), max - own.length()));
                    }
                }
                case XMLStreamConstants.END_DOCUMENT -> throw endOfDocument(r);
                default -> {
                    // comments
                }
            }
        }
    }

    /** The value of an attribute of the current element by local name (whatever its namespace), or null. */
    static String attribute(final XMLStreamReader r, final String localName) {
        for (int i = 0; i < r.getAttributeCount(); i++) {
            if (localName.equals(r.getAttributeLocalName(i))) {
                return r.getAttributeValue(i);
            }
        }
        return null;
    }

    /** A parse error for a document whose root element is not the format's. */
    static ParseException wrongRoot(final XMLStreamReader r, final String file, final String format,
            final String what) {
        return new ParseException(file, format, "not " + what + ": the root element is <" + r.getLocalName() + ">",
                r.getLocation().getLineNumber(), r.getLocation().getColumnNumber(), null);
    }

    /** The next START_ELEMENT or END_ELEMENT; throws at the end of the document. */
    private static int nextTag(final XMLStreamReader r) throws XMLStreamException {
        while (true) {
            int event = next(r);
            switch (event) {
                case XMLStreamConstants.START_ELEMENT, XMLStreamConstants.END_ELEMENT -> {
                    return event;
                }
                case XMLStreamConstants.END_DOCUMENT -> throw endOfDocument(r);
                default -> {
                    // text, white space, comments, processing instructions
                }
            }
        }
    }

    /** The next event of any kind but an entity reference, which is refused. */
    private static int next(final XMLStreamReader r) throws XMLStreamException {
        int event = r.next(); // SecureXml's reader turns the JDK parser's unchecked failures into XMLStreamException
        if (event == XMLStreamConstants.ENTITY_REFERENCE) {
            throw SecureXml.undeclaredEntity(r);
        }
        return event;
    }

    private static XMLStreamException endOfDocument(final XMLStreamReader r) {
        return new XMLStreamException("unexpected end of document", r.getLocation());
    }
}
