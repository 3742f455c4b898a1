package io.pistonee.throttle;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.CreatedExpiryPolicy;

/**
 * Counters in JCache ({@code javax.cache}): on Payara the cache is Hazelcast's, so every instance of
 * a cluster shares them. Counting uses only atomic cache operations ({@code putIfAbsent} and
 * compare-and-set {@code replace}), retried on contention, never get-then-put, so exactly
 * {@code limit} requests pass however many arrive at once, on one instance or many.
 *
 * <p>One cache per window length ({@code piston-throttle-<seconds>s}), whose entries expire some time
 * after the window; buckets are named by window, so expiry is only cleanup. The cache manager is the
 * container's {@code CacheManager} bean, else the default caching provider's. Where neither exists
 * (or {@code javax.cache} itself is absent, as on WildFly, where this class is then not a bean), the
 * store is unavailable and {@link MemoryThrottleStore} is used.
 */
@ApplicationScoped
@Priority(200)
public class JCacheThrottleStore implements ThrottleStore {

    private static final Logger LOG = Logger.getLogger(JCacheThrottleStore.class.getName());

    @Inject
    Instance<CacheManager> managers;

    private final ConcurrentMap<Long, Cache<String, Long>> caches = new ConcurrentHashMap<>();
    private volatile CacheManager manager;

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
        try {
            return manager() != null;
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.FINE, "No JCache provider", e);
            return false;
        }
    }

    @Override
    public String describe() {
        return "JCache (" + manager().getURI() + ")";
    }

    private CacheManager manager() {
        CacheManager current = manager;
        if (current == null) {
            try {
                current = managers.isResolvable()
                        ? managers.get()
                        : Caching.getCachingProvider().getCacheManager();
            } catch (CacheException e) {
                return null;
            }
            manager = current;
        }
        return current;
    }

    private Cache<String, Long> cache(long windowSeconds) {
        return caches.computeIfAbsent(windowSeconds, seconds -> {
            String name = "piston-throttle-" + seconds + "s";
            Cache<String, Long> cache = manager().getCache(name, String.class, Long.class);
            if (cache != null) {
                return cache;
            }
            MutableConfiguration<String, Long> configuration = new MutableConfiguration<String, Long>()
                    .setTypes(String.class, Long.class)
                    .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(
                            new javax.cache.expiry.Duration(java.util.concurrent.TimeUnit.SECONDS, seconds * 2 + 60)));
            try {
                return manager().createCache(name, configuration);
            } catch (CacheException e) {
                return manager().getCache(name, String.class, Long.class); // another instance created it first
            }
        });
    }
}
