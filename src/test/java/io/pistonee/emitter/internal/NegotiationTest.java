package io.pistonee.emitter.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.pistonee.emitter.Emission;
import io.pistonee.emitter.Emitter;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import java.io.OutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class NegotiationTest {

    @Priority(100)
    static class Json extends Stub {
        Json() {
            super("json", "application/json");
        }

        @Override
        public MediaType problemType() {
            return new MediaType("application", "problem+json");
        }
    }

    @Priority(200)
    static class Yaml extends Stub {
        Yaml() {
            super("yaml", "application/yaml", "text/yaml");
        }
    }

    private final Negotiation negotiation = new Negotiation(List.of(new Yaml(), new Json()));

    @Test
    void noAcceptMeansTheFirstEmitterByPriority() {
        assertThat(format(null, null)).isEqualTo("json");
        assertThat(format(null, " ")).isEqualTo("json");
        assertThat(negotiation.emitters()).extracting(Emitter::format).containsExactly("json", "yaml");
    }

    @Test
    void formatParameterWinsOverAccept() {
        assertThat(format("yaml", "application/json")).isEqualTo("yaml");
        assertThat(format("YAML", null)).isEqualTo("yaml");
    }

    @Test
    void responseTypeIsTheEmittersTypeTheClientRatesHighest() {
        Yaml yaml = new Yaml();

        assertThat(negotiation.responseType(yaml, "text/yaml")).hasToString("text/yaml");
        assertThat(negotiation.responseType(yaml, "application/yaml;q=0.5, text/*"))
                .hasToString("text/yaml");
        assertThat(negotiation.responseType(yaml, "*/*")).hasToString("application/yaml");
        assertThat(negotiation.responseType(yaml, null)).hasToString("application/yaml");
    }

    @Test
    void unknownFormatSelectsNothing() {
        assertThat(negotiation.select("nope", null)).isEmpty();
    }

    @Test
    void higherQualityWins() {
        assertThat(format(null, "application/json;q=0.4, text/yaml;q=0.9")).isEqualTo("yaml");
    }

    @Test
    void wildcardsMatchAndTiesGoToServerOrder() {
        assertThat(format(null, "*/*")).isEqualTo("json");
        assertThat(format(null, "text/*")).isEqualTo("yaml");
        assertThat(format(null, "application/*")).isEqualTo("json");
    }

    @Test
    void mostSpecificRangeDecidesAType() {
        assertThat(format(null, "application/*;q=1, application/json;q=0, application/yaml;q=0.5"))
                .isEqualTo("yaml");
    }

    @Test
    void qualityZeroExcludes() {
        assertThat(negotiation.select(null, "application/json;q=0")).isEmpty();
    }

    @Test
    void unmatchedOrMalformedAcceptSelectsNothing() {
        assertThat(negotiation.select(null, "text/html")).isEmpty();
        assertThat(negotiation.select(null, "garbage")).isEmpty();
        assertThat(negotiation.select(null, "application/json;q=abc")).isEmpty();
        assertThat(format(null, "bogus, application/json")).isEqualTo("json");
    }

    @Test
    void aClientThatAcceptsOnlyAFormatsProblemsGetsThatFormat() {
        assertThat(negotiation.choose(null, "application/problem+json, application/problem+xml"))
                .hasValueSatisfying(choice -> {
                    assertThat(choice.emitter().format()).isEqualTo("json");
                    assertThat(choice.type()).hasToString("application/json");
                });
        assertThat(format(null, "application/problem+json, text/yaml;q=0.2"))
                .as("a format the client accepts comes first")
                .isEqualTo("yaml");
        assertThat(negotiation.select(null, "application/problem+xml")).isEmpty();
    }

    @Test
    void aChoiceIsTheEmitterAndItsResponseTypeAndTheSameWhenRemembered() {
        for (int i = 0; i < 2; i++) {
            assertThat(negotiation.choose(null, "text/*")).hasValueSatisfying(choice -> {
                assertThat(choice.emitter().format()).isEqualTo("yaml");
                assertThat(choice.type()).hasToString("text/yaml");
            });
            assertThat(negotiation.choose("YAML", "text/*"))
                    .hasValueSatisfying(choice -> assertThat(choice.type()).hasToString("application/yaml"));
            assertThat(negotiation.choose(null, null))
                    .hasValueSatisfying(choice -> assertThat(choice.type()).hasToString("application/json"));
            assertThat(negotiation.choose(null, "text/html")).isEmpty();
            assertThat(negotiation.choose("nope", null)).isEmpty();
        }
    }

    @Test
    void manyDifferentAcceptHeadersAreAnsweredButNotAllRemembered() {
        for (int i = 0; i < 2_000; i++) {
            assertThat(negotiation.choose(null, "application/x-" + i + ", application/json;q=0.5"))
                    .hasValueSatisfying(
                            choice -> assertThat(choice.emitter().format()).isEqualTo("json"));
        }
        assertThat(negotiation.remembered()).isLessThanOrEqualTo(256);
    }

    private String format(String format, String accept) {
        return negotiation.select(format, accept).map(Emitter::format).orElse(null);
    }

    abstract static class Stub implements Emitter {
        private final String format;
        private final List<MediaType> types;

        Stub(String format, String... types) {
            this.format = format;
            this.types = java.util.Arrays.stream(types)
                    .map(t -> new MediaType(t.split("/")[0], t.split("/")[1]))
                    .toList();
        }

        @Override
        public String format() {
            return format;
        }

        @Override
        public List<MediaType> mediaTypes() {
            return types;
        }

        @Override
        public void emit(
                Emission emission, MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out) {}
    }
}
