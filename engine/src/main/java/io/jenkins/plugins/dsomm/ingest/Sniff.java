package io.jenkins.plugins.dsomm.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the start of a file looks like, for content detection: the first {@value #PREFIX_BYTES} bytes, and from
 * them the shape of a JSON document (its keys near the root) or the root element of an XML document. Building a
 * sniff never fails: a prefix that is not JSON or XML simply has no {@link #json()} or {@link #xml()}.
 *
 * <p>A JSON document longer than the prefix can keep its telling keys past it (a long first value, keys in any
 * order): {@link #wholeDocument} then looks at the whole document in one streaming pass, skipping every value
 * below the root's children, with the same bounds on what it keeps.
 */
public final class Sniff {
    /** Bytes read from the start of each file. */
    public static final int PREFIX_BYTES = 64 * 1024;
    private static final int MAX_KEYS = 256;
    private static final int MAX_VALUE_CHARS = 256;

    private final String fileName;
    private final byte[] prefix;
    private final boolean complete;
    private final String text;
    private JsonShape json;
    private XmlRoot xml;
    private String xmlProblem;
    private boolean jsonDone;
    private boolean xmlDone;

    private Sniff(final String fileName, final byte[] prefix, final boolean complete) {
        this.fileName = fileName;
        this.prefix = prefix;
        this.complete = complete;
        int start = hasUtf8Bom(prefix) ? 3 : 0;
        this.text = new String(prefix, start, prefix.length - start, StandardCharsets.UTF_8);
    }

    /** The prefix sniff with the JSON shape of the whole document. */
    private Sniff(final Sniff prefix, final JsonShape whole) {
        this(prefix.fileName, prefix.prefix, prefix.complete);
        this.json = whole;
        this.jsonDone = true;
    }

    /** Reads the prefix of a source. */
    public static Sniff of(final ReportSource source) throws IOException {
        try (InputStream in = source.open()) {
            byte[] bytes = in.readNBytes(PREFIX_BYTES);
            boolean complete = bytes.length < PREFIX_BYTES || in.read() < 0;
            return new Sniff(source.name(), bytes, complete);
        }
    }

    /** A sniff of the given bytes (tests). */
    public static Sniff of(final String fileName, final byte[] content) {
        byte[] bytes = content.length > PREFIX_BYTES ? java.util.Arrays.copyOf(content, PREFIX_BYTES) : content;
        return new Sniff(fileName, bytes, content.length <= PREFIX_BYTES);
    }

    /**
     * The sniff of a JSON document as a whole: the prefix's text and XML view, and the JSON shape of the entire
     * document — every key of the root object (or of the first object of a root array), the keys of the objects
     * right below them — read in one streaming pass that skips every deeper value; bounded like the prefix's
     * shape. Worth its pass only when the prefix is {@link #incompleteJson() incomplete JSON} and told nothing.
     */
    public static Sniff wholeDocument(final ReportSource source, final Sniff prefix) throws IOException {
        try (InputStream in = source.open(); JsonParser p = JsonReports.createParser(in)) {
            return new Sniff(prefix, readJsonShape(p));
        }
    }

    /** {@code true} when the file is longer than the prefix and starts like JSON. */
    public boolean incompleteJson() {
        char c = firstChar();
        return !complete && (c == '{' || c == '[');
    }

    static boolean hasUtf8Bom(final byte[] b) {
        return b.length >= 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb && (b[2] & 0xff) == 0xbf;
    }

    /** Lower-case base name of the file: a hint only. */
    public String fileName() {
        String n = fileName.replace('\\', '/');
        return n.substring(n.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    }

    /** The prefix as UTF-8 text, BOM removed. */
    public String text() {
        return text;
    }

    /** {@code true} when the prefix is the whole file. */
    public boolean complete() {
        return complete;
    }

    public boolean isEmpty() {
        return prefix.length == 0;
    }

    /** {@code true} when the file holds only whitespace (or nothing). */
    public boolean isBlank() {
        return complete && text.isBlank();
    }

    /** The first character that is not white space, or 0. */
    public char firstChar() {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c;
            }
        }
        return 0;
    }

    /** The JSON shape, or null when the prefix is not JSON. */
    public JsonShape json() {
        if (!jsonDone) {
            jsonDone = true;
            char c = firstChar();
            if (c == '{' || c == '[') {
                try (JsonParser p = JsonReports.factory().createParser(prefix)) {
                    json = readJsonShape(p);
                }
                catch (IOException e) {
                    json = null; // cannot happen for bytes in memory
                }
            }
        }
        return json;
    }

    /** The JSON shape when the prefix is one JSON object (not an array or JSON Lines), else null. */
    public JsonShape jsonObject() {
        JsonShape shape = json();
        return shape != null && shape.type() == JsonShape.Type.OBJECT ? shape : null;
    }

    /** The XML root element, or null when the prefix is not XML. */
    public XmlRoot xml() {
        if (!xmlDone) {
            xmlDone = true;
            if (firstChar() == '<') {
                xml = readXmlRoot();
            }
        }
        return xml;
    }

    /**
     * Why the prefix, which starts like XML, has no root element: the XML error met before the root element was
     * read (an entity reference in its attributes, a malformed DOCTYPE...), or null.
     */
    public String xmlProblem() {
        xml();
        return xmlProblem;
    }

    /** {@code true} when the XML has no root element because of an entity reference (never resolved). */
    public boolean xmlRefersToEntity() {
        String problem = xmlProblem();
        return problem != null && problem.startsWith(SecureXml.ENTITY_REFUSED);
    }

    /** The shape of the JSON the parser reads, up to its end or to the first error (the prefix ends...). */
    private static JsonShape readJsonShape(final JsonParser p) {
        JsonShape.Builder shape = new JsonShape.Builder();
        try {
            JsonToken root = p.nextToken();
            if (root == JsonToken.START_OBJECT) {
                shape.type = JsonShape.Type.OBJECT;
                readObject(p, shape, true);
            }
            else if (root == JsonToken.START_ARRAY) {
                shape.type = JsonShape.Type.ARRAY;
                JsonToken first = p.nextToken();
                if (first == JsonToken.START_OBJECT) {
                    readObject(p, shape, true);
                }
                else if (first != null && first != JsonToken.END_ARRAY) {
                    p.skipChildren();
                }
                shape.emptyArray = first == JsonToken.END_ARRAY;
                JsonReports.skipRest(p);
            }
            else {
                return null;
            }
            if (p.nextToken() != null) {
                shape.type = JsonShape.Type.LINES;
            }
        }
        catch (IOException | RuntimeException e) {
            // the prefix ends or is not JSON: keep what was seen
            if (shape.type == null) {
                return null;
            }
        }
        return shape.build();
    }

    /**
     * Why no format claims this content, for a file that is ignored or refused: what it looks like (a JSON object
     * and its first keys, the root element of an XML document, plain text). Holds text from the file: escape it
     * where it is shown.
     */
    public String unrecognised() {
        String none = "no format DSOMM Gate reads";
        JsonShape shape = json();
        if (shape != null) {
            String keys = keysOf(shape.keys());
            return switch (shape.type()) {
                case OBJECT -> shape.keys().isEmpty() ? "an empty JSON object: " + none + " is told by it"
                        : "a JSON object with the keys " + keys + ": " + none + " has them";
                case ARRAY -> shape.emptyArray()
                        ? "an empty JSON array: nothing in it tells its format (name the format to read it)"
                        : shape.keys().isEmpty() ? "a JSON array without objects: " + none + " is one"
                        : "a JSON array of objects with the keys " + keys + ": " + none + " has them";
                case LINES -> "JSON values one after the other, the first with the keys " + keys + ": " + none
                        + " has them";
            };
        }
        if (complete && text.strip().equals("null")) {
            return "the JSON value null: nothing in it tells its format (name the format to read it)";
        }
        XmlRoot root = xml();
        if (root != null) {
            return "an XML document with the root element <" + shorten(root.name(), 40) + ">"
                    + (root.namespace().isEmpty() ? "" : " in the namespace " + shorten(root.namespace(), 80))
                    + ": " + none + " has it";
        }
        char first = firstChar();
        return first == '{' || first == '[' ? "starts like JSON but is not JSON"
                : first == '<' ? "starts like XML but is not XML" : "neither JSON nor XML, and " + none;
    }

    private static String keysOf(final Set<String> keys) {
        List<String> shown = new ArrayList<>();
        for (String k : keys) {
            if (shown.size() == 6) {
                shown.add("…");
                break;
            }
            shown.add(shorten(k, 40));
        }
        return String.join(", ", shown);
    }

    private static String shorten(final String s, final int max) {
        if (s.length() <= max) {
            return s;
        }
        int end = max - 1;
        return s.substring(0, Character.isHighSurrogate(s.charAt(end - 1)) ? end - 1 : end) + "…";
    }

    private static void readObject(final JsonParser p, final JsonShape.Builder shape, final boolean root)
            throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken value = p.nextToken();
            if (shape.keys.size() < MAX_KEYS) {
                shape.keys.add(key);
            }
            if (value == JsonToken.START_OBJECT) {
                Set<String> children = shape.children.computeIfAbsent(key, k -> new LinkedHashSet<>());
                readChildKeys(p, children);
            }
            else if (value == JsonToken.START_ARRAY) {
                JsonToken first = p.nextToken();
                Set<String> children = shape.children.computeIfAbsent(key, k -> new LinkedHashSet<>());
                if (first == JsonToken.START_OBJECT) {
                    readChildKeys(p, children);
                    JsonReports.skipRest(p);
                }
                else if (first != JsonToken.END_ARRAY && first != null) {
                    if (first.isScalarValue()) {
                        shape.values.putIfAbsent(key + "[0]", shorten(p.getText()));
                    }
                    else {
                        p.skipChildren();
                    }
                    JsonReports.skipRest(p);
                }
            }
            else if (value != null && value.isScalarValue()) {
                shape.values.putIfAbsent(key, value == JsonToken.VALUE_NULL ? null : shorten(p.getText()));
            }
        }
    }

    private static void readChildKeys(final JsonParser p, final Set<String> children) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            if (children.size() == MAX_KEYS) {
                JsonReports.skipRest(p); // no more keys are kept: the rest of the object is skimmed
                return;
            }
            children.add(p.currentName());
            p.nextToken();
            p.skipChildren();
        }
    }

    private static String shorten(final String s) {
        return s.length() > MAX_VALUE_CHARS ? s.substring(0, MAX_VALUE_CHARS) : s;
    }

    private XmlRoot readXmlRoot() {
        XMLStreamReader r = null;
        try {
            r = SecureXml.createReader(new ByteArrayInputStream(prefix), fileName);
            String name = null;
            String namespace = null;
            Map<String, String> attributes = new LinkedHashMap<>();
            List<String> children = new ArrayList<>();
            int depth = 0;
            try {
                while (r.hasNext()) {
                    int event = r.next();
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        depth++;
                        if (name == null) {
                            name = r.getLocalName();
                            namespace = r.getNamespaceURI() == null ? "" : r.getNamespaceURI();
                            for (int i = 0; i < r.getAttributeCount() && i < MAX_KEYS; i++) {
                                attributes.put(r.getAttributeLocalName(i), shorten(r.getAttributeValue(i)));
                            }
                        }
                        else if (depth == 2) {
                            children.add(r.getLocalName());
                            if (children.size() >= 16) {
                                break;
                            }
                        }
                    }
                    else if (event == XMLStreamConstants.END_ELEMENT) {
                        depth--;
                    }
                }
            }
            catch (XMLStreamException | RuntimeException e) {
                // the prefix ends, or an entity is not declared: keep what was seen
                if (name == null) {
                    xmlProblem = SecureXml.toParseException(e, fileName, null).problem();
                }
            }
            return name == null ? null : new XmlRoot(name, namespace, attributes, children);
        }
        catch (XMLStreamException | RuntimeException e) {
            xmlProblem = SecureXml.toParseException(e, fileName, null).problem();
            return null;
        }
        finally {
            SecureXml.closeQuietly(r);
        }
    }

    /** The keys of a JSON document near its root. */
    public static final class JsonShape {
        /** The root of the document. */
        public enum Type {
            /** One object. */
            OBJECT,
            /** One array (keys are those of its first object). */
            ARRAY,
            /** Several values one after the other (JSON Lines); keys are those of the first. */
            LINES
        }

        private final Type type;
        private final Set<String> keys;
        private final Map<String, String> values;
        private final Map<String, Set<String>> children;
        private final boolean emptyArray;

        private JsonShape(final Builder b) {
            type = b.type;
            keys = Collections.unmodifiableSet(b.keys);
            values = Collections.unmodifiableMap(b.values);
            children = Collections.unmodifiableMap(b.children);
            emptyArray = b.emptyArray;
        }

        public Type type() {
            return type;
        }

        /** Keys of the root object, or of the first object of a root array or of the first line. */
        public Set<String> keys() {
            return keys;
        }

        public boolean has(final String... all) {
            for (String k : all) {
                if (!keys.contains(k)) {
                    return false;
                }
            }
            return true;
        }

        /** Text of a scalar value under the root (or {@code key[0]} for the first item of an array); may be null. */
        public String value(final String key) {
            return values.get(key);
        }

        /** Keys of the object under {@code key}, or of the first object of the array under {@code key}. */
        public Set<String> childKeys(final String key) {
            return children.getOrDefault(key, Set.of());
        }

        /** {@code true} for {@code []}. */
        public boolean emptyArray() {
            return emptyArray;
        }

        @Override
        public String toString() {
            return type + keys.toString() + children;
        }

        private static final class Builder {
            private Type type;
            private final Set<String> keys = new LinkedHashSet<>();
            private final Map<String, String> values = new LinkedHashMap<>();
            private final Map<String, Set<String>> children = new LinkedHashMap<>();
            private boolean emptyArray;

            JsonShape build() {
                return new JsonShape(this);
            }
        }
    }

    /**
     * The root element of an XML document.
     *
     * @param name       local name
     * @param namespace  namespace URI, empty when none
     * @param attributes attributes by local name
     * @param children   local names of the first child elements
     */
    public record XmlRoot(String name, String namespace, Map<String, String> attributes, List<String> children) {
        public XmlRoot {
            attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
            children = List.copyOf(children);
        }

        public String attribute(final String key) {
            return attributes.get(key);
        }
    }
}
