package io.jenkins.plugins.dsomm.ingest.parser;

import io.jenkins.plugins.dsomm.ingest.ParseException;
import io.jenkins.plugins.dsomm.ingest.SecureXml;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Small steps over the hardened reader of {@link SecureXml} that the XML parsers of static analysers and test
 * reports share: to the root element, from child element to child element, attributes by local name. Every step
 * refuses an entity reference (DTDs are never processed, so one can only be an XXE attempt).
 */
final class XmlSteps {
    private XmlSteps() {
    }

    /** Moves to the root element; throws when the document has none. */
    static void toRoot(final XMLStreamReader r) throws XMLStreamException {
        while (true) {
            switch (r.next()) {
                case XMLStreamConstants.START_ELEMENT -> {
                    return;
                }
                case XMLStreamConstants.ENTITY_REFERENCE -> throw entity(r);
                case XMLStreamConstants.END_DOCUMENT -> throw new XMLStreamException("Premature end of file",
                        r.getLocation());
                default -> {
                    // prolog: declaration, comments, processing instructions, DOCTYPE (never processed)
                }
            }
        }
    }

    /**
     * Moves to the next child element of the current element: true on its START_ELEMENT, false on the END_ELEMENT
     * of the current element.
     */
    static boolean nextChild(final XMLStreamReader r) throws XMLStreamException {
        while (true) {
            switch (r.next()) {
                case XMLStreamConstants.START_ELEMENT -> {
                    return true;
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    return false;
                }
                case XMLStreamConstants.ENTITY_REFERENCE -> throw entity(r);
                case XMLStreamConstants.END_DOCUMENT -> throw new XMLStreamException("unexpected end of document",
                        r.getLocation());
                default -> {
                    // text, comments, processing instructions
                }
            }
        }
    }

    /** Skips the current element (on its START_ELEMENT) up to and including its END_ELEMENT. */
    static void skip(final XMLStreamReader r) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            switch (r.next()) {
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> depth--;
                case XMLStreamConstants.ENTITY_REFERENCE -> throw entity(r);
                case XMLStreamConstants.END_DOCUMENT -> throw new XMLStreamException("unexpected end of document",
                        r.getLocation());
                default -> {
                    // text, comments
                }
            }
        }
    }

    /** The trimmed text of the current element (nested text included), at most {@code max} characters. */
    static String text(final XMLStreamReader r, final int max) throws XMLStreamException {
        return SecureXml.readText(r, max);
    }

    /** The value of an attribute of the current element by local name, or null. */
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

    private static XMLStreamException entity(final XMLStreamReader r) {
        // the wording SecureXml.toParseException turns into its XXE explanation
        return new XMLStreamException("The entity \"" + r.getLocalName() + "\" was referenced, but not declared.",
                r.getLocation());
    }
}
