package io.pistonee.throttle;

import java.time.Duration;

/**
 * Where throttle counters live: the one atomic operation throttling needs. Replaceable: write an
 * {@code @ApplicationScoped} bean implementing this with a {@code @Priority} above 200 (the JCache
 * store's) and it is used instead.
 *
 * <pre>{@code
 * @ApplicationScoped
 * @Priority(300)
 * public class RedisThrottleStore implements ThrottleStore { ... }
 * }</pre>
 */
public interface ThrottleStore {

    /**
     * Counts one request in a bucket, atomically, unless the bucket already holds {@code limit}.
     *
     * @param bucket one caller's window in one scope; a new window is a new bucket
     * @param limit the most the bucket may count
     * @param ttl how long the bucket must be kept at least
     * @return the count including this request, or {@code limit + 1} when it was not counted
     */
    long hit(String bucket, int limit, Duration ttl);

    /** Whether this store can work on this server; the highest-priority available store is used. */
    default boolean available() {
        return true;
    }

    /** A name for the log. */
    default String describe() {
        return getClass().getSimpleName();
    }
}
