package io.pistonee.emitter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DjangoEmitterTest {

    private final DjangoEmitter emitter = new DjangoEmitter();

    {
        emitter.config = Emissions.CONFIG;
    }

    @Test
    void writesAListOfModelPkAndFields() {
        List<Map<String, Object>> rows = List.of(Map.of("id", 1, "name", "anvil"), Map.of("id", 2, "name", "rope"));

        assertThat(Emissions.text(emitter, Emissions.of(rows)))
                .isEqualTo("[{\"model\":\"shop.thing\",\"pk\":1,\"fields\":{\"name\":\"anvil\"}},"
                        + "{\"model\":\"shop.thing\",\"pk\":2,\"fields\":{\"name\":\"rope\"}}]");
    }

    @Test
    void oneItemIsStillAList() {
        assertThat(Emissions.text(emitter, Emissions.of(Map.of("id", 3))))
                .isEqualTo("[{\"model\":\"shop.thing\",\"pk\":3,\"fields\":{}}]");
    }

    @Test
    void aStreamIsNotFlushedItemByItem() {
        assertThat(Emissions.flushesOfAThousandItems(emitter))
                .as("flushes at the end only")
                .isLessThan(10);
    }
}
