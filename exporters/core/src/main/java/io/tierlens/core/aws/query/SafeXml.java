package io.tierlens.core.aws.query;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an AWS XML answer into {@link XmlElement}s with the JDK's own StAX parser, treating the body as hostile: a
 * DOCTYPE is refused before any entity it declares could be expanded (no XXE, no "billion laughs"), external
 * entities are off, and nesting is bounded. AWS's answers never carry a DTD, so nothing real is refused.
 */
public final class SafeXml {
    /** AWS answers nest about eight levels; far deeper is an attack or garbage. */
    static final int MAX_DEPTH = 64;

    private static final XMLInputFactory FACTORY = factory();

    private SafeXml() {}

    private static XMLInputFactory factory() {
        // the JDK's implementation, not whichever StAX provider a dependency put on the classpath
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    /** The document element of {@code body}. */
    public static XmlElement parse(byte[] body) {
        XMLStreamReader r = null;
        try {
            r = FACTORY.createXMLStreamReader(new ByteArrayInputStream(body));
            return read(r);
        } catch (XMLStreamException e) {
            // the parser's message quotes the offending markup; keep only where it was
            throw new MalformedResponseException(
                    "not well-formed XML"
                            + (e.getLocation() == null
                                    ? ""
                                    : " at line " + e.getLocation().getLineNumber() + ", column "
                                            + e.getLocation().getColumnNumber()),
                    null);
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException e) {
                    // closing a reader over a byte array frees nothing that matters; the answer is already decided
                }
            }
        }
    }

    private static XmlElement read(XMLStreamReader r) throws XMLStreamException {
        Deque<Builder> open = new ArrayDeque<>();
        while (r.hasNext()) {
            int event = r.next();
            switch (event) {
                case XMLStreamConstants.DTD -> throw new MalformedResponseException("the answer carries a DOCTYPE");
                case XMLStreamConstants.ENTITY_REFERENCE ->
                    throw new MalformedResponseException("the answer references an entity");
                case XMLStreamConstants.START_ELEMENT -> {
                    if (open.size() >= MAX_DEPTH) {
                        throw new MalformedResponseException("the answer nests deeper than " + MAX_DEPTH);
                    }
                    open.push(new Builder(r.getLocalName()));
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                    if (!open.isEmpty()) {
                        open.peek().text.append(r.getText());
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    XmlElement done = open.pop().build();
                    if (open.isEmpty()) {
                        return done;
                    }
                    open.peek().children.add(done);
                }
                default -> {
                    // comments, processing instructions, whitespace outside the root: nothing we read
                }
            }
        }
        throw new MalformedResponseException("the answer ends before its document element is closed");
    }

    private static final class Builder {
        final String name;
        final StringBuilder text = new StringBuilder();
        final List<XmlElement> children = new ArrayList<>();

        Builder(String name) {
            this.name = name;
        }

        XmlElement build() {
            // text between child elements is indentation, not a value
            return new XmlElement(name, children.isEmpty() ? text.toString() : "", children);
        }
    }
}
