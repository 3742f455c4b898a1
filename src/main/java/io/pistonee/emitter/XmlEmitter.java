package io.pistonee.emitter;

import com.ctc.wstx.api.InvalidCharHandler;
import com.ctc.wstx.api.WstxOutputProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.xml.XmlFactory;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * {@code xml}: {@code application/xml} (also chosen by {@code text/xml}), Piston's shape: a
 * {@code <response>} root, object members as elements, array items (and the items of a collection)
 * as {@code <resource>} elements, {@code null} as {@code xsi:nil="true"}.
 *
 * <pre>{@code
 * <response xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
 *   <resource><id>1</id><title>Hello</title><author><username>testuser</username></author></resource>
 * </response>
 * }</pre>
 *
 * A member whose name is no XML name (a map key such as {@code 2026} or {@code a b}) is written as
 * {@code <item key="2026">}. Errors are {@code application/problem+xml} as RFC 9457 gives them: a
 * {@code <problem xmlns="urn:ietf:rfc:7807">} root, array items as {@code <i>}. Characters XML cannot
 * carry are written as U+FFFD. Collections are streamed item by item.
 */
@Provider
@ApplicationScoped
@Priority(300)
@Produces({MediaType.APPLICATION_XML, MediaType.TEXT_XML, "application/problem+xml"})
public class XmlEmitter implements Emitter {

    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    static final String PROBLEM_NAMESPACE = "urn:ietf:rfc:7807";
    /** The element of an array item or a collection's item, as Piston wrote it. */
    static final String ITEM = "resource";
    /** The element of a member whose name is no XML name; the name is its {@code key} attribute. */
    static final String ENTRY = "item";

    private static final MediaType PROBLEM = new MediaType("application", "problem+xml");
    private static final Pattern XML_NAME = Pattern.compile("(?!(?i:xml))[A-Za-z_][A-Za-z0-9._-]*");

    private final XMLOutputFactory outputs = outputs();

    @Override
    public String format() {
        return "xml";
    }

    @Override
    public List<MediaType> mediaTypes() {
        return List.of(MediaType.APPLICATION_XML_TYPE, MediaType.TEXT_XML_TYPE);
    }

    @Override
    public MediaType problemType() {
        return PROBLEM;
    }

    @Override
    public void emit(Emission emission, MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out)
            throws IOException {
        try {
            XMLStreamWriter xml = outputs.createXMLStreamWriter(out, "UTF-8");
            write(emission, PROBLEM.isCompatible(mediaType), xml);
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("XML could not be written", e);
        }
    }

    private static void write(Emission emission, boolean problem, XMLStreamWriter xml) throws XMLStreamException {
        Document document = new Document(xml, problem ? "i" : ITEM);
        xml.writeStartDocument("UTF-8", "1.0");
        if (problem) {
            xml.writeStartElement("", "problem", PROBLEM_NAMESPACE);
            xml.writeDefaultNamespace(PROBLEM_NAMESPACE);
        } else {
            xml.writeStartElement("response");
        }
        xml.writeNamespace("xsi", XSI);
        if (emission.isSequence()) {
            for (Iterator<?> items = emission.items(); items.hasNext(); ) {
                document.element(ITEM, emission.tree(items.next()));
            }
        } else {
            document.content(emission.tree(emission.value()));
        }
        xml.writeEndElement();
        xml.writeEndDocument();
    }

    private static XMLOutputFactory outputs() {
        XMLOutputFactory outputs = new XmlFactory().getXMLOutputFactory();
        outputs.setProperty(
                WstxOutputProperties.P_OUTPUT_INVALID_CHAR_HANDLER, new InvalidCharHandler.ReplacingHandler('\uFFFD'));
        return outputs;
    }

    /** One document being written; {@code item} names array items. */
    private record Document(XMLStreamWriter xml, String item) {

        void element(String name, JsonNode node) throws XMLStreamException {
            boolean plain = XML_NAME.matcher(name).matches();
            if (node == null || node.isNull()) {
                xml.writeEmptyElement(plain ? name : ENTRY);
                key(plain, name);
                xml.writeAttribute("xsi", XSI, "nil", "true");
                return;
            }
            xml.writeStartElement(plain ? name : ENTRY);
            key(plain, name);
            content(node);
            xml.writeEndElement();
        }

        private void key(boolean plain, String name) throws XMLStreamException {
            if (!plain) {
                xml.writeAttribute("key", name);
            }
        }

        void content(JsonNode node) throws XMLStreamException {
            if (node.isObject()) {
                for (Map.Entry<String, JsonNode> member : node.properties()) {
                    element(member.getKey(), member.getValue());
                }
            } else if (node.isArray()) {
                for (JsonNode value : node) {
                    element(item, value);
                }
            } else if (!node.isNull()) {
                xml.writeCharacters(node.asText());
            }
        }
    }
}
