package io.pistonee.parser;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.pistonee.config.PistonConfig;
import io.pistonee.problem.ProblemException;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.assertj.core.api.AbstractThrowableAssert;

/** Parses test bodies and checks the problems they answer. */
final class Bodies {

    static final PistonConfig CONFIG = PistonConfig.of("snake_case", 10_000, 8, false);

    private Bodies() {}

    static JsonNode parse(BodyParser parser, String type, String body) {
        return parser.read(
                        new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)),
                        null,
                        MediaType.valueOf(type),
                        CONFIG)
                .tree();
    }

    /** Asserts that parsing answers a problem of a status; returns an assertion on its detail. */
    static AbstractThrowableAssert<?, ? extends Throwable> rejects(
            BodyParser parser, String type, String body, int status) {
        return assertThatThrownBy(() -> parse(parser, type, body))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> org.assertj.core.api.Assertions.assertThat(
                                        e.problem().status())
                                .as(e.getMessage())
                                .isEqualTo(status));
    }
}
