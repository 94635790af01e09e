package io.jenkins.plugins.dsomm.ingest.parser;

import io.jenkins.plugins.dsomm.ingest.SecureXml;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Walks the children of XML elements with the hardened reader of {@link SecureXml}. Unlike a plain skip, every
 * step refuses an entity reference, wherever it is (also in elements that are skipped): DTDs are never processed,
 * so such a reference could only be an XXE attempt or a document that cannot be read faithfully.
 */
final class XmlWalk {
    private XmlWalk() {
    }

    /** Moves to the root element; throws when the document has none. */
    static void toRoot(final XMLStreamReader r) throws XMLStreamException {
        while (true) {
            int event = r.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    return;
                }
                case XMLStreamConstants.ENTITY_REFERENCE -> throw undeclaredEntity(r);
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
        while (true) {
            int event = r.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    return true;
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    return false;
                }
                case XMLStreamConstants.ENTITY_REFERENCE -> throw undeclaredEntity(r);
                case XMLStreamConstants.END_DOCUMENT -> throw new XMLStreamException("unexpected end of document",
                        r.getLocation());
                default -> {
                    // text, comments, processing instructions
                }
            }
        }
    }

    /** Skips the current element (the reader is on its START_ELEMENT) up to and including its END_ELEMENT. */
    static void skip(final XMLStreamReader r) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = r.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> depth--;
                case XMLStreamConstants.ENTITY_REFERENCE -> throw undeclaredEntity(r);
                case XMLStreamConstants.END_DOCUMENT -> throw new XMLStreamException("unexpected end of document",
                        r.getLocation());
                default -> {
                    // text, comments
                }
            }
        }
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
            int event = r.next();
            switch (event) {
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
                case XMLStreamConstants.ENTITY_REFERENCE -> throw undeclaredEntity(r);
                case XMLStreamConstants.END_DOCUMENT -> throw new XMLStreamException("unexpected end of document",
                        r.getLocation());
                default -> {
                    // comments
                }
            }
        }
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

    private static XMLStreamException undeclaredEntity(final XMLStreamReader r) {
        // the wording SecureXml.toParseException turns into its XXE explanation
        return new XMLStreamException("The entity \"" + r.getLocalName() + "\" was referenced, but not declared.",
                r.getLocation());
    }
}
