package io.pistonee.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PistonConfigTest {

    record Sample(String createdBy, OffsetDateTime createdOn) {}

    private final Sample sample = new Sample("ann", OffsetDateTime.of(2026, 11, 1, 9, 0, 0, 0, ZoneOffset.ofHours(2)));

    @Test
    void snakeCaseAndIsoDatesByDefault() throws Exception {
        PistonConfig config = PistonConfig.of("snake_case", 10);

        assertThat(config.mapper().writeValueAsString(sample))
                .isEqualTo("{\"created_by\":\"ann\",\"created_on\":\"2026-11-01T09:00:00+02:00\"}");
        assertThat(config.maxBodyBytes()).isEqualTo(10);
    }

    @Test
    void namingIsConfigurableAndCaseInsensitive() throws Exception {
        assertThat(PistonConfig.mapper("camelCase").writeValueAsString(sample)).contains("\"createdBy\"");
        assertThat(PistonConfig.mapper("KEBAB-CASE").writeValueAsString(sample)).contains("\"created-by\"");
    }

    @Test
    void unknownNamingIsRejectedWithTheChoices() {
        assertThatThrownBy(() -> PistonConfig.mapper("shouting"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("piston.naming")
                .hasMessageContaining("snake_case");
    }

    record Counted(String label, int count) {}

    @Test
    void inputRejectsDuplicateKeys() {
        assertThatThrownBy(() -> PistonConfig.mapper("snake_case").readTree("{\"a\":1,\"a\":2}"))
                .hasMessageContaining("Duplicate field 'a'");
    }

    @Test
    void inputRejectsNumbersAsTextAndFractionsAsIntegers() {
        ObjectMapper mapper = PistonConfig.mapper("snake_case");

        assertThatThrownBy(() -> mapper.readValue("{\"label\":12}", Counted.class))
                .isInstanceOf(com.fasterxml.jackson.databind.exc.MismatchedInputException.class);
        assertThatThrownBy(() -> mapper.readValue("{\"label\":true}", Counted.class))
                .isInstanceOf(com.fasterxml.jackson.databind.exc.MismatchedInputException.class);
        assertThatThrownBy(() -> mapper.readValue("{\"count\":1.5}", Counted.class))
                .isInstanceOf(com.fasterxml.jackson.databind.exc.MismatchedInputException.class);
    }

    @Test
    void inputIgnoresUnknownPropertiesAndKeepsOffsets() throws Exception {
        ObjectMapper mapper = PistonConfig.mapper("snake_case");

        Sample read = mapper.readValue(
                "{\"created_by\":\"bo\",\"created_on\":\"2026-11-01T09:00:00+02:00\",\"x\":1}", Sample.class);

        assertThat(read.createdOn().getOffset()).isEqualTo(ZoneOffset.ofHours(2));
        assertThat(mapper.convertValue(Map.of("created_by", "bo"), Sample.class).createdBy())
                .isEqualTo("bo");
    }
}
