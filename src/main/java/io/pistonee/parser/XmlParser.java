package io.pistonee.parser;

import com.ctc.wstx.stax.WstxInputFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pistonee.config.PistonConfig;
import io.pistonee.problem.ProblemException;
import io.pistonee.problem.Rc;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads XML bodies ({@code application/xml}, {@code text/xml}) in the shape the XML emitter writes,
 * so what a client reads it can send back.
 *
 * <pre>{@code
 * <post><title>Hello</title><tags><resource>a</resource><resource>b</resource></tags></post>
 * }</pre>
 *
 * The root's name does not matter; an element with child elements is an object (a name repeated
 * makes an array), or an array when every child is a {@code <resource>}; an element with text only
 * is a string (binding converts it to a number, a date... as the input type needs);
 * {@code xsi:nil="true"} is {@code null}; {@code <item key="k">} is the member {@code k}. Attributes
 * otherwise are ignored.
 *
 * <p>Hardened: a document with a DTD (and so any entity declaration: XXE, "billion laughs") is
 * rejected with 400 before it is processed; external entities are never resolved; nesting deeper
 * than {@code piston.max-depth}, mixed content and malformed XML answer 400.
 */
@Provider
@ApplicationScoped
@Priority(300)
@Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML})
public class XmlParser extends BodyParser {

    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    private static final List<MediaType> TYPES = List.of(MediaType.APPLICATION_XML_TYPE, MediaType.TEXT_XML_TYPE);

    private final XMLInputFactory inputs = inputs();

    @Override
    public List<MediaType> mediaTypes() {
        return TYPES;
    }

    @Override
    protected JsonNode parse(InputStream body, MediaType type, PistonConfig config) throws XMLStreamException {
        XMLStreamReader xml = inputs.createXMLStreamReader(body);
        try {
            if (!toRoot(xml)) {
                return null;
            }
            JsonNode tree = element(xml, 1, config.maxDepth());
            while (xml.hasNext()) {
                refuseDtd(xml.next());
            }
            return tree;
        } finally {
            xml.close();
        }
    }

    private static boolean toRoot(XMLStreamReader xml) throws XMLStreamException {
        while (xml.hasNext()) {
            int event = xml.next();
            refuseDtd(event);
            if (event == XMLStreamConstants.START_ELEMENT) {
                return true;
            }
        }
        return false;
    }

    /** The element the reader is at, up to its end, as a tree. */
    private static JsonNode element(XMLStreamReader xml, int depth, int maxDepth) throws XMLStreamException {
        if (depth > maxDepth) {
            throw Rc.BAD_REQUEST.error("The XML document nests deeper than " + maxDepth + " levels.");
        }
        boolean nil = "true".equals(xml.getAttributeValue(XSI, "nil"));
        List<Map.Entry<String, JsonNode>> children = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (int event = xml.next(); event != XMLStreamConstants.END_ELEMENT; event = xml.next()) {
            refuseDtd(event);
            if (event == XMLStreamConstants.START_ELEMENT) {
                String key = xml.getAttributeValue(null, "key");
                String name = "item".equals(xml.getLocalName()) && key != null ? key : xml.getLocalName();
                children.add(Map.entry(name, element(xml, depth + 1, maxDepth)));
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                text.append(xml.getText());
            } else if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw Rc.BAD_REQUEST.error("XML entity references are not accepted.");
            }
        }
        if (nil) {
            return JsonNodeFactory.instance.nullNode();
        }
        if (children.isEmpty()) {
            return JsonNodeFactory.instance.textNode(text.toString());
        }
        if (!text.toString().isBlank()) {
            throw Rc.BAD_REQUEST.error("Mixed content (text beside elements) is not accepted in XML bodies.");
        }
        return children.stream().allMatch(child -> child.getKey().equals("resource"))
                ? array(children)
                : object(children);
    }

    private static ArrayNode array(List<Map.Entry<String, JsonNode>> children) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        children.forEach(child -> array.add(child.getValue()));
        return array;
    }

    private static ObjectNode object(List<Map.Entry<String, JsonNode>> children) {
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        Set<String> repeated = new HashSet<>();
        for (Map.Entry<String, JsonNode> child : children) {
            FormParser.add(object, repeated, child.getKey(), child.getValue());
        }
        return object;
    }

    private static void refuseDtd(int event) {
        if (event == XMLStreamConstants.DTD) {
            throw new ProblemException(Rc.BAD_REQUEST.problem("XML documents with a DTD are not accepted."));
        }
    }

    private static XMLInputFactory inputs() {
        XMLInputFactory inputs = new WstxInputFactory();
        inputs.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        inputs.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        inputs.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        inputs.setProperty(XMLInputFactory.IS_COALESCING, true);
        inputs.setXMLResolver((publicId, systemId, base, namespace) -> {
            throw new XMLStreamException("External entities are not accepted");
        });
        return inputs;
    }
}
