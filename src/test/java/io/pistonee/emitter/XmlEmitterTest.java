package io.pistonee.emitter;

import static org.assertj.core.api.Assertions.assertThat;

import io.pistonee.problem.Problem;
import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class XmlEmitterTest {

    record Author(String username) {}

    record Post(long id, String title, Author author, List<String> tags, String note) {}

    private final XmlEmitter emitter = new XmlEmitter();

    @Test
    void writesPistonsShapeResponseRootAndResourceItems() throws Exception {
        List<Post> posts = List.of(
                new Post(1, "Fish & <chips>", new Author("ann"), List.of("a", "b"), null),
                new Post(2, "Two", new Author("bob"), List.of(), "x"));

        Element root = parse(Emissions.bytes(
                emitter, Emissions.of(posts), emitter.mediaTypes().get(0)));

        assertThat(root.getTagName()).isEqualTo("response");
        List<Element> resources = children(root);
        assertThat(resources).extracting(Element::getTagName).containsExactly("resource", "resource");
        Element first = resources.get(0);
        assertThat(children(first))
                .extracting(Element::getTagName)
                .containsExactly("id", "title", "author", "tags", "note");
        assertThat(child(first, "title").getTextContent()).isEqualTo("Fish & <chips>");
        assertThat(child(child(first, "author"), "username").getTextContent()).isEqualTo("ann");
        assertThat(children(child(first, "tags")))
                .extracting(Element::getTagName, Element::getTextContent)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("resource", "a"),
                        org.assertj.core.groups.Tuple.tuple("resource", "b"));
        assertThat(child(first, "note").getAttributeNS(XmlEmitter.XSI, "nil")).isEqualTo("true");
    }

    @Test
    void keysThatAreNoXmlNamesBecomeItemsWithAKeyAttribute() throws Exception {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("2026", 1);
        value.put("a b", "\u0001bad");

        Element root = parse(Emissions.bytes(
                emitter, Emissions.of(value), emitter.mediaTypes().get(0)));

        assertThat(children(root)).extracting(e -> e.getAttribute("key")).containsExactly("2026", "a b");
        assertThat(children(root).get(1).getTextContent()).isEqualTo("\uFFFDbad");
    }

    @Test
    void writesProblemsAsRfc9457Xml() throws Exception {
        Map<String, Object> problem =
                Problem.of(406, "No.").with("formats", List.of("json", "xml")).toMap();

        Element root = parse(Emissions.bytes(emitter, Emissions.of(problem), emitter.problemType()));

        assertThat(root.getLocalName()).isEqualTo("problem");
        assertThat(root.getNamespaceURI()).isEqualTo(XmlEmitter.PROBLEM_NAMESPACE);
        assertThat(child(root, "status").getTextContent()).isEqualTo("406");
        assertThat(children(child(root, "formats")))
                .extracting(Element::getLocalName, Element::getTextContent)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("i", "json"),
                        org.assertj.core.groups.Tuple.tuple("i", "xml"));
    }

    static Element parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        return document.getDocumentElement();
    }

    static List<Element> children(Element element) {
        List<Element> children = new java.util.ArrayList<>();
        for (var node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child) {
                children.add(child);
            }
        }
        return children;
    }

    static Element child(Element element, String name) {
        return children(element).stream()
                .filter(child -> child.getLocalName().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aStreamIsNotFlushedItemByItem() {
        assertThat(Emissions.flushesOfAThousandItems(emitter))
                .as("flushes at the end only")
                .isLessThan(10);
    }
}
