package io.pistonee.cluster.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.pistonee.cluster.SharedMaps;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

class SharedStateTest {

    @Test
    void theAvailableMapsWithTheHighestPriorityAreUsed() {
        SharedMaps unavailable = new JCacheSharedMaps() {
            @Override
            public boolean available() {
                return false;
            }
        };
        SharedMaps memory = new MemorySharedMaps(Clock.systemUTC());

        assertThat(SharedState.best(List.of(memory, unavailable), SharedMaps::available))
                .containsSame(memory);
        assertThat(SharedState.best(List.of(unavailable), SharedMaps::available))
                .isEmpty();
    }
}
