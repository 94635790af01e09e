package io.jenkins.plugins.dsomm.ingest.parser;

import io.jenkins.plugins.dsomm.ingest.SecureXml;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.util.MissingResourceException;

/**
 * Element-by-element StAX navigation that tolerates what {@link XMLStreamReader#nextTag()} refuses: a DOCTYPE
 * (never processed), text between elements. Entity references that the hardened reader leaves unresolved are an
 * error.
 */
final class StreamedXml {
    private StreamedXml() {
    }

    /** Moves to the root element; returns its local name. */
    static String root(final XMLStreamReader r) throws XMLStreamException {
        if (r.getEventType() == XMLStreamConstants.START_ELEMENT) {
            return r.getLocalName();
        }
        if (next(r) != XMLStreamConstants.START_ELEMENT) {
            throw new XMLStreamException("unexpected end of document: no root element", r.getLocation());
        }
        return r.getLocalName();
    }

    /**
     * Moves to the next child element of the current element ({@code true}, reader on its START_ELEMENT) or to
     * the current element's end ({@code false}).
     */
    static boolean nextChild(final XMLStreamReader r) throws XMLStreamException {
        return next(r) == XMLStreamConstants.START_ELEMENT;
    }

    /**
     * Skips the current element (the reader on its START_ELEMENT) up to and including its END_ELEMENT; an entity
     * reference inside is an error too.
     */
    static void skip(final XMLStreamReader r) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            if (next(r) == XMLStreamConstants.START_ELEMENT) {
                depth++;
            }
            else {
                depth--;
            }
        }
    }

    /** The trimmed text of the current element (nested elements' text included), at most {@code max} chars. */
    static String text(final XMLStreamReader r, final int max) throws XMLStreamException {
        return SecureXml.readText(r, max);
    }

    private static int next(final XMLStreamReader r) throws XMLStreamException {
        while (true) {
            int event;
            try {
                event = r.next();
            }
            catch (MissingResourceException e) {
                // the JDK's DTD scanner reports some malformed DOCTYPEs with a message key it cannot format
                throw new XMLStreamException("malformed DOCTYPE (" + e.getKey() + ")", r.getLocation());
            }
            switch (event) {
                case XMLStreamConstants.START_ELEMENT, XMLStreamConstants.END_ELEMENT -> {
                    return event;
                }
                case XMLStreamConstants.END_DOCUMENT -> throw new XMLStreamException("unexpected end of document",
                        r.getLocation());
                case XMLStreamConstants.ENTITY_REFERENCE -> throw new XMLStreamException("The entity \""
                        + r.getLocalName() + "\" was referenced, but not declared.", r.getLocation());
                default -> {
                    // text, white space, comments, processing instructions, DOCTYPE: not needed
                }
            }
        }
    }
}
