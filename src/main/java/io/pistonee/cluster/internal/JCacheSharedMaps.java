package io.pistonee.cluster.internal;

import io.pistonee.cluster.SharedMap;
import io.pistonee.cluster.SharedMaps;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.Factory;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.ExpiryPolicy;
import javax.cache.expiry.ModifiedExpiryPolicy;

/**
 * Maps in JCache ({@code javax.cache}): on Payara the container's {@code CacheManager} is
 * Hazelcast's, so the maps are shared by every member of the cluster. One cache per map, named
 * {@code piston-<name>-<ttl seconds>s}, created by whichever instance asks first. Where there is no
 * JCache (WildFly, where {@code javax.cache} is absent and this class is then not a bean) the maps
 * are in memory.
 */
@ApplicationScoped
@Priority(200)
public class JCacheSharedMaps implements SharedMaps {

    private static final Logger LOG = Logger.getLogger(JCacheSharedMaps.class.getName());

    @Inject
    Instance<CacheManager> managers;

    private final ConcurrentMap<String, SharedMap> maps = new ConcurrentHashMap<>();
    private volatile CacheManager manager;

    @Override
    public SharedMap map(String name, Duration ttl, Expiry expiry) {
        String cacheName = "piston-" + name + "-" + ttl.toSeconds() + "s";
        return maps.computeIfAbsent(cacheName, key -> new Cached(cache(key, String.class, ttl, expiry)));
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

    /** The cache of this name, created with this expiry if no instance has created it yet. */
    private <V> Cache<String, V> cache(String name, Class<V> type, Duration ttl, Expiry expiry) {
        Cache<String, V> cache = manager().getCache(name, String.class, type);
        if (cache != null) {
            return cache;
        }
        javax.cache.expiry.Duration life = new javax.cache.expiry.Duration(TimeUnit.SECONDS, ttl.toSeconds());
        Factory<ExpiryPolicy> policy =
                expiry == Expiry.CREATED ? CreatedExpiryPolicy.factoryOf(life) : ModifiedExpiryPolicy.factoryOf(life);
        MutableConfiguration<String, V> configuration = new MutableConfiguration<String, V>()
                .setTypes(String.class, type)
                .setExpiryPolicyFactory(policy);
        try {
            return manager().createCache(name, configuration);
        } catch (CacheException e) {
            return manager().getCache(name, String.class, type); // another instance created it first
        }
    }

    /** A map over one cache: every operation is the cache's own atomic one. */
    private record Cached(Cache<String, String> cache) implements SharedMap {

        @Override
        public String get(String key) {
            return cache.get(key);
        }

        @Override
        public boolean putIfAbsent(String key, String value) {
            return cache.putIfAbsent(key, value);
        }

        @Override
        public boolean replace(String key, String expected, String value) {
            return cache.replace(key, expected, value);
        }

        @Override
        public void put(String key, String value) {
            cache.put(key, value);
        }

        @Override
        public void remove(String key) {
            cache.remove(key);
        }
    }
}
