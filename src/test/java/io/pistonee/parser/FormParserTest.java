package io.pistonee.parser;

import static io.pistonee.parser.Bodies.parse;
import static io.pistonee.parser.Bodies.rejects;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormParserTest {

    private static final String FORM = "application/x-www-form-urlencoded";

    private final FormParser parser = new FormParser();

    @Test
    void readsFieldsAsStringsAndRepeatedNamesAsArrays() {
        assertThat(parse(parser, FORM, "title=Hello+world&content=Gr%C3%BC%C3%9Fe&tag=a&tag=b&tag=c&flag")
                        .toString())
                .isEqualTo(
                        "{\"title\":\"Hello world\",\"content\":\"Grüße\",\"tag\":[\"a\",\"b\",\"c\"],\"flag\":\"\"}");
    }

    @Test
    void anEmptyFormIsAnEmptyObject() {
        assertThat(parse(parser, FORM, "").toString()).isEqualTo("{}");
    }

    @Test
    void malformedEscapeIs400() {
        rejects(parser, FORM, "title=%zz", 400)
                .hasMessage("Malformed form data: '%' must be followed by two hexadecimal digits.");
        rejects(parser, FORM, "title=a%2", 400).hasMessageStartingWith("Malformed form data");
        rejects(parser, FORM, "title=%", 400).hasMessageStartingWith("Malformed form data");
    }

    @Test
    void bytesThatAreNotUtf8Are400NotReplacementCharacters() {
        rejects(parser, FORM, "title=%ff%fe&content=c", 400)
                .hasMessage("Malformed form data: the text is not valid UTF-8.");
        rejects(parser, FORM, "title=%ED%A0%80", 400).hasMessage("Malformed form data: the text is not valid UTF-8.");
    }

    @Test
    void readsTheCharsetTheTypeNames() {
        assertThat(parse(parser, FORM + "; charset=ISO-8859-1", "a=%E9")
                        .get("a")
                        .asText())
                .isEqualTo("é");
        rejects(parser, FORM + "; charset=nope", "a=1", 415);
    }
}
