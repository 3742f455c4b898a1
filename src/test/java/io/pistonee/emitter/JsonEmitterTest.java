package io.pistonee.emitter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pistonee.config.PistonConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonEmitterTest {

    private final ObjectMapper mapper = PistonConfig.mapper("snake_case");

    @Test
    void writesASingleValueAsOneDocument() throws IOException {
        assertThat(write(new Emission(Map.of("a", 1), mapper::valueToTree))).isEqualTo("{\"a\":1}");
    }

    @Test
    void writesSequencesItemByItemShapingEachItem() throws IOException {
        List<Object> shaped = new ArrayList<>();
        Emission emission = new Emission(List.of(1, 2, 3), item -> {
            shaped.add(item);
            return mapper.valueToTree(Map.of("n", item));
        });

        assertThat(write(emission)).isEqualTo("[{\"n\":1},{\"n\":2},{\"n\":3}]");
        assertThat(shaped).containsExactly(1, 2, 3);
    }

    @Test
    void consumesAnIteratorLazily() throws IOException {
        Iterator<Integer> lazy = List.of(4, 5).iterator();

        assertThat(write(new Emission(lazy, mapper::valueToTree))).isEqualTo("[4,5]");
    }

    @Test
    void leavesTheResponseStreamOpenAndUnflushedForTheContainer() throws IOException {
        boolean[] closed = {false};
        int[] flushes = {0};
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[0] = true;
            }

            @Override
            public void flush() {
                flushes[0]++;
            }
        };

        JsonEmitter.write(
                new Emission("x", mapper::valueToTree), mapper.getFactory().createGenerator(out));

        assertThat(closed[0]).isFalse();
        assertThat(flushes[0])
                .as("a flush commits the response: chunked, two writes")
                .isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("\"x\"");
    }

    private String write(Emission emission) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonEmitter.write(emission, mapper.getFactory().createGenerator(out));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aStreamIsNotFlushedItemByItem() {
        JsonEmitter emitter = new JsonEmitter();
        emitter.config = Emissions.CONFIG;

        assertThat(Emissions.flushesOfAThousandItems(emitter))
                .as("flushes at the end only")
                .isLessThan(10);
    }
}
