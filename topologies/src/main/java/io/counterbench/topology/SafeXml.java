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
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.ext.DeclHandler;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A hardened XML reader for untrusted files: a DOCTYPE is accepted but its external DTD is never
 * loaded, nothing is ever resolved (an entity resolver refuses), and any entity declaration,
 * internal or external, rejects the document before anything is expanded. The result is a small
 * element tree (names and attributes; text is dropped).
 */
final class SafeXml {
    private SafeXml() {
    }

    /** An element: its name, its attributes in document order, its child elements. */
    record Element(String name, Map<String, String> attributes, List<Element> children) {
        String attr(String key) {
            return attributes.get(key);
        }
    }

    /**
     * Parses a document; every problem, including a declared entity, is an IllegalArgumentException
     * whose message starts with {@code what}.
     */
    static Element parse(InputStream in, String what) {
        try {
            XMLReader reader = newParser().getXMLReader();
            TreeHandler handler = new TreeHandler();
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
            throw new IllegalArgumentException(what + ": line " + e.getLineNumber() + ": " + e.getMessage(), e);
        } catch (SAXException e) {
            throw new IllegalArgumentException(what + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException(what + ": cannot read (" + e.getMessage() + ")", e);
        }
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

    /** Builds the element tree and throws at the first entity declaration. */
    private static final class TreeHandler extends DefaultHandler implements DeclHandler {
        private final Deque<List<Element>> open = new ArrayDeque<>();
        private Element root;

        TreeHandler() {
            open.push(new ArrayList<>());
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) {
            Map<String, String> map = new LinkedHashMap<>();
            for (int i = 0; i < atts.getLength(); i++) {
                map.put(atts.getQName(i), atts.getValue(i));
            }
            List<Element> kids = new ArrayList<>();
            Element e = new Element(qName, Collections.unmodifiableMap(map), Collections.unmodifiableList(kids));
            open.peek().add(e);
            if (root == null) {
                root = e;
            }
            open.push(kids);
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            open.pop();
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
        public void elementDecl(String name, String model) {
        }

        @Override
        public void attributeDecl(String eName, String aName, String type, String mode, String value) {
        }

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
