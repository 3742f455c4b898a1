package io.pistonee.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pistonee.config.PistonConfig;
import io.pistonee.problem.ProblemException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

class JsonParserTest {

    private final PistonConfig config = PistonConfig.of("snake_case", 64);

    @Test
    void parsesADocumentIntoATree() {
        RequestData data = JsonParser.read(body("{\"title\": \"x\", \"n\": [1, 2]}"), null, config);

        assertThat(data.tree().get("title").asText()).isEqualTo("x");
        assertThat(data.tree().get("n").size()).isEqualTo(2);
    }

    @Test
    void malformedJsonIs400WithLineAndColumn() {
        problem(() -> JsonParser.read(body("{\"title\":"), null, config))
                .hasMessageStartingWith("Malformed JSON at line 1, column")
                .satisfies(e ->
                        assertThat(((ProblemException) e).problem().status()).isEqualTo(400));
    }

    @Test
    void malformedDetailsSayWhatIsWrongWithoutTheParsersInternals() {
        problem(() -> JsonParser.read(body("{"), null, config))
                .hasMessage(
                        "Malformed JSON at line 1, column 2: Unexpected end-of-input: expected close marker for Object");
        problem(() -> JsonParser.read(body("{\"title\": NaN}"), null, config))
                .hasMessage("Malformed JSON at line 1, column 14: Non-standard token 'NaN'");
    }

    @Test
    void emptyBodyIs400() {
        problem(() -> JsonParser.read(body(""), null, config)).hasMessageContaining("empty");
    }

    @Test
    void trailingContentIs400() {
        problem(() -> JsonParser.read(body("{} {}"), null, config)).hasMessageStartingWith("Malformed JSON");
    }

    @Test
    void declaredLengthOverTheLimitIs413BeforeReading() {
        InputStream untouched = new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("the body must not be read");
            }
        };

        assertThatThrownBy(() -> JsonParser.read(untouched, "65", config))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.problem().status()).isEqualTo(413));
    }

    @Test
    void streamedBodyOverTheLimitIs413() {
        String large = "{\"title\": \"" + "a".repeat(100) + "\"}";

        assertThatThrownBy(() -> JsonParser.read(body(large), null, config))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.problem().status()).isEqualTo(413));
    }

    @Test
    void hostileNestingIs400() {
        PistonConfig roomy = PistonConfig.of("snake_case", 1_000_000);
        String deep = "[".repeat(10_000) + "]".repeat(10_000);

        problem(() -> JsonParser.read(body(deep), null, roomy)).hasMessageContaining("nesting deeper than 64");
    }

    @Test
    void nestingLimitIsConfigurable() {
        PistonConfig shallow = PistonConfig.of("snake_case", 1_000, 3, false);

        assertThat(JsonParser.read(body("[[[1]]]"), null, shallow).tree().toString())
                .isEqualTo("[[[1]]]");
        problem(() -> JsonParser.read(body("[[[[1]]]]"), null, shallow)).hasMessageContaining("deeper than 3");
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> problem(
            org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        return assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.problem().status()).isEqualTo(400));
    }

    private static InputStream body(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
