package io.pistonee.emitter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class EmissionTest {

    @Test
    void releasesEachItemOnceTheEmitterHasMovedPastIt() throws IOException {
        List<String> events = new ArrayList<>();
        Stream<Integer> items = Stream.of(1, 2, 3).peek(item -> events.add("read " + item));
        Emission emission = new Emission(
                items,
                item -> {
                    events.add("shape " + item);
                    return Emissions.MAPPER.valueToTree(item);
                },
                null,
                item -> events.add("release " + item));

        emission.write(Emissions.MAPPER.getFactory().createGenerator(new ByteArrayOutputStream()));

        // A stream's iterator reads one item ahead; what matters is that item N is let go before N+1 is shaped.
        assertThat(events)
                .containsExactly(
                        "read 1",
                        "shape 1",
                        "read 2",
                        "release 1",
                        "shape 2",
                        "read 3",
                        "release 2",
                        "shape 3",
                        "release 3");
    }
}
