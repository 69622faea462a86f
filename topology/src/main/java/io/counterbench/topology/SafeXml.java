package io.counterbench.topology;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.ext.DeclHandler;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A hardened XML reader for untrusted files: a DOCTYPE is accepted but its external DTD is never
 * loaded, nothing is ever resolved (an entity resolver refuses), and any entity declaration,
 * internal or external, rejects the document before anything is expanded. The result is a small
 * element tree that keeps only the elements and attributes the caller asks for (text is dropped),
 * so its memory is bounded by {@link #MAX_KEPT} elements; documents nested deeper than
 * {@link #MAX_DEPTH} or with more than {@link #MAX_ELEMENTS} elements are refused as they are read.
 */
final class SafeXml {
    /**
     * Deepest nesting accepted: hwloc's deepest trees (groups of groups, five cache levels) are under 30; the JDK stops
     * at 100.
     */
    static final int MAX_DEPTH = 64;
    /** Most elements of any kind: far above the XML of a 65536-PU machine, far below what exhausts memory. */
    static final int MAX_ELEMENTS = 8_000_000;
    /** Most kept elements (hwloc objects): 16 per PU of the largest topology accepted. */
    static final int MAX_KEPT = 16 * io.counterbench.inputs.Limits.MAX_CPUS;

    private SafeXml() {}

    /** An element: its name, the kept attributes in document order, its kept child elements, the line it starts on. */
    record Element(String name, Map<String, String> attributes, List<Element> children, int line) {
        String attr(String key) {
            return attributes.get(key);
        }
    }

    /**
     * Parses a document, keeping the root, the elements named in {@code elements} below kept
     * elements, and their attributes named in {@code attributes}. Every problem, including a
     * declared entity, is an IllegalArgumentException whose message starts with {@code what}.
     */
    static Element parse(InputStream in, String what, Set<String> elements, Set<String> attributes) {
        try {
            XMLReader reader = newParser().getXMLReader();
            TreeHandler handler = new TreeHandler(elements, attributes);
            reader.setContentHandler(handler);
            reader.setErrorHandler(handler);
            reader.setDTDHandler(handler);
            reader.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("refusing to resolve external reference '" + systemId + "'");
            });
            reader.setProperty("http://xml.org/sax/properties/declaration-handler", handler);
            reader.parse(new InputSource(in));
            return handler.root;
        } catch (SAXParseException e) {
            throw new IllegalArgumentException(what + ": line " + e.getLineNumber() + ": " + words(e.getMessage()), e);
        } catch (SAXException e) {
            throw new IllegalArgumentException(what + ": " + words(e.getMessage()), e);
        } catch (IOException e) {
            throw new IllegalArgumentException(what + ": cannot read: " + io.counterbench.inputs.IoReasons.of(e), e);
        }
    }

    /** The JDK parser's messages are words already; a "JAXP00010001: " code in front of some is left out. */
    private static String words(String m) {
        if (m == null || m.isBlank()) {
            return "not well-formed XML";
        }
        return m.replaceAll("JAXP\\d+:\\s*", "").strip();
    }

    private static SAXParser newParser() throws SAXException {
        try {
            SAXParserFactory f = SAXParserFactory.newInstance();
            f.setNamespaceAware(false);
            f.setValidating(false);
            f.setXIncludeAware(false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            SAXParser parser = f.newSAXParser();
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return parser;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("this JDK's XML parser cannot be hardened: " + e.getMessage(), e);
        }
    }

    /** Builds the kept tree, counts and bounds what it reads, and throws at the first entity declaration. */
    private static final class TreeHandler extends DefaultHandler implements DeclHandler {
        private final Set<String> keepElements;
        private final Set<String> keepAttributes;
        private final Deque<List<Element>> open = new ArrayDeque<>();
        private Locator locator;
        private Element root;
        private int depth;
        /** Depth at which an element that is not kept started (its subtree is skipped); 0 when none. */
        private int skipFrom;

        private long elements;
        private long kept;

        TreeHandler(Set<String> keepElements, Set<String> keepAttributes) {
            this.keepElements = keepElements;
            this.keepAttributes = keepAttributes;
            open.push(new ArrayList<>());
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
            depth++;
            if (depth > MAX_DEPTH) {
                throw new SAXException("elements nested more than " + MAX_DEPTH + " deep (no topology is that deep)");
            }
            if (++elements > MAX_ELEMENTS) {
                throw new SAXException(
                        "more than " + MAX_ELEMENTS + " XML elements (far more than any machine's topology has)");
            }
            if (skipFrom > 0) {
                return;
            }
            if (root != null && !keepElements.contains(qName)) {
                skipFrom = depth;
                return;
            }
            if (++kept > MAX_KEPT) {
                throw new SAXException("more than " + MAX_KEPT + " <" + qName
                        + "> elements (16 per CPU of the largest topology accepted, "
                        + io.counterbench.inputs.Limits.MAX_CPUS + " CPUs)");
            }
            Map<String, String> map = new LinkedHashMap<>();
            for (int i = 0; i < atts.getLength(); i++) {
                if (keepAttributes.contains(atts.getQName(i))) {
                    map.put(atts.getQName(i), atts.getValue(i));
                }
            }
            List<Element> kids = new ArrayList<>();
            Element e = new Element(
                    qName,
                    Collections.unmodifiableMap(map),
                    Collections.unmodifiableList(kids),
                    locator == null ? -1 : locator.getLineNumber());
            open.peek().add(e);
            if (root == null) {
                root = e;
            }
            open.push(kids);
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            if (skipFrom == 0) {
                open.pop();
            } else if (skipFrom == depth) {
                skipFrom = 0;
            }
            depth--;
        }

        @Override
        public void internalEntityDecl(String name, String value) throws SAXException {
            throw entity(name);
        }

        @Override
        public void externalEntityDecl(String name, String publicId, String systemId) throws SAXException {
            throw entity(name);
        }

        @Override
        public void unparsedEntityDecl(String name, String publicId, String systemId, String notation)
                throws SAXException {
            throw entity(name);
        }

        @Override
        public void elementDecl(String name, String model) {}

        @Override
        public void attributeDecl(String eName, String aName, String type, String mode, String value) {}

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        private SAXException entity(String name) {
            return new SAXException("the document declares entity '" + name
                    + "'; entity declarations are refused (hwloc never writes them; they are used for "
                    + "external-entity and expansion-bomb attacks)");
        }
    }
}
