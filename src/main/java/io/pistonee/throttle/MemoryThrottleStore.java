package io.pistonee.throttle;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters in this server's memory: exact and atomic, but per instance. The fallback when no JCache
 * provider is there (WildFly out of the box); on a cluster, each instance then keeps its own budget.
 */
@ApplicationScoped
@Priority(100)
public class MemoryThrottleStore implements ThrottleStore {

    /** Cleanup runs every this many hits. */
    private static final int SWEEP_EVERY = 1024;

    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong hits = new AtomicLong();

    @Override
    public long hit(String bucket, int limit, Duration ttl) {
        long now = System.nanoTime();
        if (hits.incrementAndGet() % SWEEP_EVERY == 0) {
            buckets.values().removeIf(old -> old.expires - now < 0);
        }
        long[] count = new long[1];
        buckets.compute(bucket, (key, old) -> {
            Bucket current = old == null || old.expires - now < 0 ? new Bucket(now + ttl.toNanos()) : old;
            count[0] = current.count < limit ? ++current.count : limit + 1L;
            return current;
        });
        return count[0];
    }

    @Override
    public String describe() {
        return "memory (per instance)";
    }

    /** Guarded by the map's per-key lock in {@code compute}. */
    private static final class Bucket {
        private final long expires;
        private long count;

        Bucket(long expires) {
            this.expires = expires;
        }
    }
}
