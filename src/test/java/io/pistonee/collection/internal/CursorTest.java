package io.pistonee.collection.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pistonee.config.PistonConfig;
import io.pistonee.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CursorTest {

    private static final ObjectMapper MAPPER = PistonConfig.mapper("snake_case");

    @Test
    void cursorsRoundTripAndRejectForgeries() {
        String token = Cursor.encode("-createdOn,id", List.of("2026-11-01T09:00:00Z", 7L), 20, MAPPER);

        Cursor cursor = Cursor.decode(token, "-createdOn,id", 2, MAPPER);

        assertThat(cursor.keys()).extracting(Object::toString).containsExactly("\"2026-11-01T09:00:00Z\"", "7");
        assertThat(Cursor.decode(
                                Cursor.encode("id", java.util.Arrays.asList((Object) null), 40, MAPPER),
                                "id",
                                1,
                                MAPPER)
                        .offset())
                .isEqualTo(40);
        assertThatThrownBy(() -> Cursor.decode(token, "title,id", 2, MAPPER)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> Cursor.decode("%%%", "id", 1, MAPPER)).isInstanceOf(ProblemException.class);
        String nullKeys = java.util.Base64.getUrlEncoder()
                .encodeToString("{\"s\":\"-createdOn,id\",\"k\":[null,null]}".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> Cursor.decode(nullKeys, "-createdOn,id", 2, MAPPER))
                .as("issued cursors never hold a null key")
                .isInstanceOf(ProblemException.class);
        assertThat(Cursor.decode("", "id", 1, MAPPER).keys()).isNull();
    }
}
