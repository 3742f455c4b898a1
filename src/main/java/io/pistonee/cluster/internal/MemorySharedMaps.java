package io.pistonee.cluster.internal;

import io.pistonee.cluster.SharedMap;
import io.pistonee.cluster.SharedMaps;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Maps in this server's memory: atomic, but per instance. The fallback where there is no JCache
 * provider (WildFly out of the box), and what unit tests use with a hand-moved clock. Not a CDI bean
 * itself: {@link SharedState} makes one when nothing better is available.
 */
public final class MemorySharedMaps implements SharedMaps {

    /** Expired entries are swept every this many writes to a map. */
    private static final int SWEEP_EVERY = 1024;

    private final Clock clock;
    private final ConcurrentMap<String, Memory> maps = new ConcurrentHashMap<>();

    public MemorySharedMaps(Clock clock) {
        this.clock = clock;
    }

    @Override
    public SharedMap map(String name, Duration ttl, Expiry expiry) {
        return maps.computeIfAbsent(name + '/' + ttl + '/' + expiry, key -> new Memory(ttl, expiry));
    }

    @Override
    public String describe() {
        return "memory (per instance)";
    }

    /** How many entries all maps hold, expired ones included until they are swept or read. */
    int entries() {
        return maps.values().stream().mapToInt(map -> map.entries.size()).sum();
    }

    private record Entry(String value, Instant expires) {}

    private final class Memory implements SharedMap {

        private final Duration ttl;
        private final Expiry expiry;
        private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();
        private final AtomicInteger writes = new AtomicInteger();

        Memory(Duration ttl, Expiry expiry) {
            this.ttl = ttl;
            this.expiry = expiry;
        }

        @Override
        public String get(String key) {
            Entry entry = live(key, clock.instant());
            return entry == null ? null : entry.value();
        }

        @Override
        public boolean putIfAbsent(String key, String value) {
            Instant now = sweep();
            boolean[] added = {false};
            entries.compute(key, (k, old) -> {
                if (old != null && old.expires().isAfter(now)) {
                    return old;
                }
                added[0] = true;
                return new Entry(value, now.plus(ttl));
            });
            return added[0];
        }

        @Override
        public boolean replace(String key, String expected, String value) {
            Instant now = sweep();
            boolean[] replaced = {false};
            entries.computeIfPresent(key, (k, old) -> {
                if (!old.expires().isAfter(now) || !old.value().equals(expected)) {
                    return old.expires().isAfter(now) ? old : null;
                }
                replaced[0] = true;
                return new Entry(value, expiry == Expiry.MODIFIED ? now.plus(ttl) : old.expires());
            });
            return replaced[0];
        }

        @Override
        public void put(String key, String value) {
            Instant now = sweep();
            entries.compute(key, (k, old) -> {
                boolean keep =
                        expiry == Expiry.CREATED && old != null && old.expires().isAfter(now);
                return new Entry(value, keep ? old.expires() : now.plus(ttl));
            });
        }

        @Override
        public void remove(String key) {
            entries.remove(key);
        }

        private Entry live(String key, Instant now) {
            Entry entry = entries.get(key);
            if (entry != null && !entry.expires().isAfter(now)) {
                entries.remove(key, entry);
                return null;
            }
            return entry;
        }

        /** The time now, after dropping expired entries once every {@link #SWEEP_EVERY} writes. */
        private Instant sweep() {
            Instant now = clock.instant();
            if (writes.incrementAndGet() % SWEEP_EVERY == 0) {
                entries.values().removeIf(entry -> !entry.expires().isAfter(now));
            }
            return now;
        }
    }
}
