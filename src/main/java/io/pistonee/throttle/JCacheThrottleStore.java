package io.pistonee.throttle;

import io.pistonee.cluster.JCacheSharedMaps;
import io.pistonee.cluster.SharedMaps;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.cache.Cache;

/**
 * Counters in JCache ({@code javax.cache}): on Payara the cache is Hazelcast's, so every instance of
 * a cluster shares them. Counting uses only atomic cache operations ({@code putIfAbsent} and
 * compare-and-set {@code replace}), retried on contention, never get-then-put, so exactly
 * {@code limit} requests pass however many arrive at once, on one instance or many.
 *
 * <p>One cache per window length ({@code piston-throttle-<seconds>s}), whose entries expire some time
 * after the window; buckets are named by window, so expiry is only cleanup. The caches come from
 * {@link JCacheSharedMaps}: the container's {@code CacheManager} bean, else the default caching
 * provider's. Where neither exists
 * (or {@code javax.cache} itself is absent, as on WildFly, where this class is then not a bean), the
 * store is unavailable and {@link MemoryThrottleStore} is used.
 */
@ApplicationScoped
@Priority(200)
public class JCacheThrottleStore implements ThrottleStore {

    @Inject
    JCacheSharedMaps caches;

    private final ConcurrentMap<Long, Cache<String, Long>> counters = new ConcurrentHashMap<>();

    @Override
    public long hit(String bucket, int limit, Duration ttl) {
        Cache<String, Long> cache = cache(ttl.getSeconds());
        while (true) {
            if (cache.putIfAbsent(bucket, 1L)) {
                return 1;
            }
            Long count = cache.get(bucket);
            if (count == null) {
                continue; // expired between the two calls: start the bucket again
            }
            if (count >= limit) {
                return limit + 1L;
            }
            if (cache.replace(bucket, count, count + 1)) {
                return count + 1;
            }
        }
    }

    @Override
    public boolean available() {
        return caches.available();
    }

    @Override
    public String describe() {
        return caches.describe();
    }

    private Cache<String, Long> cache(long windowSeconds) {
        return counters.computeIfAbsent(
                windowSeconds,
                seconds -> caches.cache(
                        "piston-throttle-" + seconds + "s",
                        Long.class,
                        Duration.ofSeconds(seconds * 2 + 60),
                        SharedMaps.Expiry.CREATED));
    }
}
