package io.pistonee.cluster.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.pistonee.cluster.SharedMap;
import io.pistonee.cluster.SharedMaps;
import io.pistonee.testing.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MemorySharedMapsTest {

    private final ManualClock clock = new ManualClock();
    private final MemorySharedMaps maps = new MemorySharedMaps(clock);

    @Test
    void theSameNameAndLifetimeIsTheSameMap() {
        maps.map("tokens", Duration.ofMinutes(1), SharedMaps.Expiry.CREATED).put("a", "1");

        assertThat(maps.map("tokens", Duration.ofMinutes(1), SharedMaps.Expiry.CREATED)
                        .get("a"))
                .isEqualTo("1");
        assertThat(maps.map("other", Duration.ofMinutes(1), SharedMaps.Expiry.CREATED)
                        .get("a"))
                .isNull();
    }

    @Test
    void putIfAbsentAndReplaceAreCompareAndSet() {
        SharedMap map = maps.map("m", Duration.ofMinutes(1), SharedMaps.Expiry.CREATED);

        assertThat(map.putIfAbsent("k", "1")).isTrue();
        assertThat(map.putIfAbsent("k", "2")).isFalse();
        assertThat(map.replace("k", "2", "3")).isFalse();
        assertThat(map.replace("k", "1", "3")).isTrue();
        assertThat(map.get("k")).isEqualTo("3");
        assertThat(map.replace("missing", "1", "2")).isFalse();
        map.remove("k");
        assertThat(map.get("k")).isNull();
    }

    @Test
    void anEntryCreatedExpiresAfterItsLifetimeWhateverChangesIt() {
        SharedMap map = maps.map("m", Duration.ofMinutes(1), SharedMaps.Expiry.CREATED);
        map.put("k", "1");
        clock.advance(Duration.ofSeconds(50));
        map.replace("k", "1", "2");
        map.put("k", "3");

        clock.advance(Duration.ofSeconds(10));

        assertThat(map.get("k")).isNull();
        assertThat(map.replace("k", "3", "4")).isFalse();
        assertThat(map.putIfAbsent("k", "5")).isTrue();
    }

    @Test
    void anEntryModifiedLivesALifetimeAfterItsLastChange() {
        SharedMap map = maps.map("m", Duration.ofMinutes(1), SharedMaps.Expiry.MODIFIED);
        map.put("k", "1");
        clock.advance(Duration.ofSeconds(50));
        assertThat(map.replace("k", "1", "2")).isTrue();

        clock.advance(Duration.ofSeconds(50));
        assertThat(map.get("k")).isEqualTo("2");
        clock.advance(Duration.ofSeconds(10));
        assertThat(map.get("k")).isNull();
    }

    @Test
    void expiredEntriesAreSweptSoMemoryHoldsOneLifetimeOfWrites() {
        SharedMap map = maps.map("m", Duration.ofMinutes(1), SharedMaps.Expiry.CREATED);
        for (int i = 0; i < 5000; i++) {
            map.put("old" + i, "x");
        }
        clock.advance(Duration.ofMinutes(2));
        for (int i = 0; i < 1024; i++) {
            map.put("new" + i, "x");
        }

        assertThat(maps.entries()).isLessThanOrEqualTo(1024);
    }
}
