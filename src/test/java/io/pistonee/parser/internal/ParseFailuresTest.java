package io.pistonee.parser.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.ctc.wstx.exc.WstxLazyException;
import com.ctc.wstx.exc.WstxParsingException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.pistonee.problem.ProblemException;
import io.pistonee.problem.Rc;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.ServerErrorException;
import jakarta.ws.rs.core.MediaType;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import org.junit.jupiter.api.Test;

class ParseFailuresTest {

    private static final MediaType XML = MediaType.APPLICATION_XML_TYPE;
    private static final MediaType YAML = MediaType.valueOf("application/x-yaml");

    @Test
    void aLazyWoodstoxErrorIsMalformedXmlWithWhereItIs() {
        WstxLazyException late = new WstxLazyException(new WstxParsingException(
                "Undeclared general entity \"x\"", new com.ctc.wstx.io.WstxInputLocation(null, null, "", 0, 1, 27)));

        assertThat(problem(late, XML))
                .isEqualTo("400 Malformed XML at line 1, column 27: Undeclared general entity \"x\"");
    }

    @Test
    void aJacksonErrorFoundUnderAnotherSaysTheFormatOfTheBodysType() {
        RuntimeException wrapped = new IllegalStateException(new JsonParseException(null, "Unexpected character"));

        assertThat(problem(wrapped, YAML)).isEqualTo("400 Malformed YAML: Unexpected character");
        assertThat(problem(wrapped, MediaType.valueOf("application/merge-patch+json")))
                .isEqualTo("400 Malformed JSON: Unexpected character");
    }

    @Test
    void aProblemStaysItselfEvenUnderAParserError() {
        ProblemException tooLarge = Rc.PAYLOAD_TOO_LARGE.error("too large");

        assertThat(problem(JsonMappingException.from((com.fasterxml.jackson.core.JsonParser) null, "x", tooLarge), XML))
                .isEqualTo("413 too large");
        assertThat(ParseFailures.of(new NotAcceptableException(), XML, 64)).isInstanceOf(NotAcceptableException.class);
    }

    @Test
    void anythingElseIs400ForTheBodyNever500() {
        assertThat(problem(new NullPointerException(), MediaType.valueOf("text/plain")))
                .isEqualTo("400 The request body could not be read as the request body.");
        assertThat(problem(
                        new UncheckedIOException(new IOException("reset")), MediaType.APPLICATION_FORM_URLENCODED_TYPE))
                .isEqualTo("400 The request body could not be read as form data.");
        assertThat(problem(new ServerErrorException(500), XML))
                .isEqualTo("400 The request body could not be read as XML.");
        assertThat(problem(new MalformedInputException(1), XML))
                .isEqualTo("400 The request body is not valid text in its charset.");
    }

    @Test
    void messagesLoseTheParsersClassesSwitchesAndSourcesAndStayShort() {
        assertThat(ParseFailures.withoutInternals("Unexpected character ('x' (code 120)): was expecting a colon"))
                .isEqualTo("Unexpected character ('x' (code 120)): was expecting a colon");
        assertThat(ParseFailures.withoutInternals(
                        "Non-standard token 'NaN': enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to allow"))
                .isEqualTo("Non-standard token 'NaN'");
        assertThat(ParseFailures.withoutInternals("Trailing token (of type VALUE_STRING) found after value (bound as"
                        + " `com.fasterxml.jackson.databind.JsonNode`): not allowed as per"
                        + " `DeserializationFeature.FAIL_ON_TRAILING_TOKENS`"))
                .isEqualTo("Trailing token (of type VALUE_STRING) found after value");
        assertThat(ParseFailures.withoutInternals("Unexpected close marker '}': expected ']' (for Array starting at"
                        + " [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1,"
                        + " column: 1])"))
                .isEqualTo("Unexpected close marker '}': expected ']'");
        assertThat(ParseFailures.withoutInternals("Illegal character ((CTRL-CHAR, code 30)): only regular white space"
                        + " (\\r, \\n, \\t) is allowed between tokens (consider enabling"
                        + " `JsonReadFeature.ALLOW_RS_CONTROL_CHAR` feature to allow)"))
                .isEqualTo("Illegal character ((CTRL-CHAR, code 30)): only regular white space (\\r, \\n, \\t) is"
                        + " allowed between tokens");
        assertThat(ParseFailures.withoutInternals("Expected a field name (Scalar value in YAML), got this instead:"
                        + " <org.yaml.snakeyaml.events.SequenceStartEvent(anchor=null, tag=null, implicit=true)>"))
                .isEqualTo("Expected a field name (Scalar value in YAML)");
        assertThat(ParseFailures.withoutInternals("Malformed Number token: failed to tokenize due to"
                        + " (java.lang.NumberFormatException): For input string: \"\" under radix 16"))
                .isEqualTo("Malformed Number token: failed to tokenize: For input string: \"\" under radix 16");
        assertThat(ParseFailures.withoutInternals("java.io.CharConversionException: Invalid UTF-8 start byte 0xfe"))
                .isEqualTo("Invalid UTF-8 start byte 0xfe");
        assertThat(ParseFailures.shorten("a".repeat(500) + "\nsecond line")).hasSize(163);
    }

    @Test
    void textInAnotherEncodingAndNumbersNoParserReadsAre400SayingSo() {
        assertThat(problem(
                        new CharConversionException("Invalid UTF-32 character 0x78304622"),
                        MediaType.APPLICATION_JSON_TYPE))
                .isEqualTo("400 Malformed JSON: Invalid UTF-32 character 0x78304622");
        assertThat(problem(new NumberFormatException("For input string: \".inf\""), YAML))
                .isEqualTo("400 Malformed YAML: a number cannot be read (For input string: \".inf\")");
    }

    private static String problem(Throwable failure, MediaType type) {
        RuntimeException answer = ParseFailures.of(failure, type, 64);
        assertThat(answer).isInstanceOf(ProblemException.class);
        ProblemException problem = (ProblemException) answer;
        return problem.problem().status() + " " + problem.problem().detail();
    }
}
