package io.pistonee.handler.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pistonee.config.PistonConfig;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdConversionTest {

    private final ObjectMapper mapper = PistonConfig.mapper("snake_case");

    @Test
    void convertsCanonicalIdsToTheHandlersType() {
        UUID uuid = UUID.randomUUID();

        assertThat(convert(Long.class, "42")).isEqualTo(42L);
        assertThat(convert(Integer.class, "-3")).isEqualTo(-3);
        assertThat(convert(Long.class, "0")).isEqualTo(0L);
        assertThat(convert(UUID.class, uuid.toString())).isEqualTo(uuid);
        assertThat(convert(String.class, "a b")).isEqualTo("a b");
    }

    @Test
    void rejectsIdsThatDoNotConvertOrAreNotCanonical() {
        for (String id : new String[] {"abc", "1.5", "01", "+1", " 1", "1 ", "99999999999999999999", ""}) {
            assertThatThrownBy(() -> convert(Long.class, id)).as(id).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> convert(UUID.class, "not-a-uuid")).isInstanceOf(IllegalArgumentException.class);
    }

    private Object convert(Class<?> type, String id) {
        return HandlerDescriptor.convertId(mapper.constructType(type), id, mapper);
    }
}
