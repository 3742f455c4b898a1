package io.pistonee.cluster;

import java.time.Duration;

/**
 * Where {@link SharedMap}s come from: JCache ({@code JCacheSharedMaps}, priority 200), else memory
 * ({@code MemorySharedMaps}); refresh tokens, revoked token ids, login failures and throttle counters
 * all live in them. Replaceable: an {@code @ApplicationScoped} bean
 * implementing this with a higher {@code @Priority} is used instead (for example one over Redis, or
 * over Infinispan on WildFly).
 */
public interface SharedMaps {

    /** When an entry's time to live starts. */
    enum Expiry {
        /** From the entry's creation: later changes do not extend it. */
        CREATED,
        /** From the entry's last change. */
        MODIFIED
    }

    /**
     * The map of this name: every instance asking for the same name and time to live gets the same
     * map.
     *
     * @param name what the map holds, such as {@code refresh-tokens}
     * @param ttl how long an entry lives
     * @param expiry when its life starts
     */
    SharedMap map(String name, Duration ttl, Expiry expiry);

    /** Whether these maps can work on this server; the highest-priority available one is used. */
    default boolean available() {
        return true;
    }

    /** A name for the log. */
    default String describe() {
        return getClass().getSimpleName();
    }
}
