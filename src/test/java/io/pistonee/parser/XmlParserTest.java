package io.pistonee.parser;

import static io.pistonee.parser.Bodies.parse;
import static io.pistonee.parser.Bodies.rejects;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class XmlParserTest {

    private static final String XML = "application/xml";

    private final XmlParser parser = new XmlParser();

    @Test
    void readsTheShapeTheXmlEmitterWrites() {
        String xml = "<?xml version=\"1.0\"?><response xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
                + "<title>Fish &amp; chips</title><stock>5</stock><tags><resource>a</resource><resource>b</resource></tags>"
                + "<note xsi:nil=\"true\"/><empty></empty><item key=\"a b\">1</item><![CDATA[ ]]></response>";

        assertThat(parse(parser, XML, xml).toString())
                .isEqualTo("{\"title\":\"Fish & chips\",\"stock\":\"5\",\"tags\":[\"a\",\"b\"],\"note\":null,"
                        + "\"empty\":\"\",\"a b\":\"1\"}");
    }

    @Test
    void repeatedElementsBecomeArraysAndResourcesAList() {
        assertThat(parse(parser, XML, "<post><tag>a</tag><tag>b</tag><tag>c</tag></post>")
                        .toString())
                .isEqualTo("{\"tag\":[\"a\",\"b\",\"c\"]}");
        assertThat(parse(parser, XML, "<response><resource><id>1</id></resource></response>")
                        .toString())
                .isEqualTo("[{\"id\":\"1\"}]");
    }

    @Test
    void refusesExternalEntities() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE post [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<post><title>&xxe;</title></post>";

        rejects(parser, XML, xxe, 400).hasMessageContaining("DTD").hasMessageNotContaining("root:");
    }

    @Test
    void refusesEntityExpansionBombs() {
        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]><lolz>&lol2;</lolz>";

        rejects(parser, XML, bomb, 400);
    }

    @Test
    void refusesDeepNestingMixedContentAndMalformedXml() {
        rejects(parser, XML, "<a>".repeat(9) + "</a>".repeat(9), 400).hasMessageContaining("deeper than 8");
        rejects(parser, XML, "<post>text<title>x</title></post>", 400).hasMessageContaining("Mixed content");
        rejects(parser, XML, "<post><title>x</post>", 400).hasMessageStartingWith("Malformed XML at line 1");
    }

    @Test
    void errorsWoodstoxReportsLateWhileReadingTextAre400() {
        rejects(parser, XML, "<post><title>a &nbsp; b</title></post>", 400)
                .hasMessage("Malformed XML at line 1, column 21: Undeclared general entity \"nbsp\"");
        rejects(parser, XML, "<post><title>a &#0; b</title></post>", 400)
                .hasMessage(
                        "Malformed XML at line 1, column 19: Invalid character reference: null character not allowed"
                                + " in XML content.");
        rejects(parser, XML, "<post><title>a \u0001 b</title></post>", 400).hasMessageStartingWith("Malformed XML at");
        rejects(parser, XML, "<post><title>text</title </post>", 400).hasMessageStartingWith("Malformed XML at");
        rejects(parser, XML, "<post><title>text</ti-tle></post>", 400).hasMessageStartingWith("Malformed XML at");
    }

    @Test
    void emptyBodyIs400() {
        rejects(parser, XML, "", 400);
    }
}
