package io.pistonee.throttle.internal;

import io.pistonee.cluster.SharedMap;
import io.pistonee.cluster.SharedMaps;
import io.pistonee.handler.internal.ThrottlePolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The throttle arithmetic: fixed windows aligned to the epoch, one bucket per scope, caller and
 * window, counted in a {@link SharedMap} (the application's shared state: JCache where the server has
 * it, so a cluster shares one budget, else memory). Time comes from the clock given, so tests move
 * time instead of sleeping.
 *
 * <p>Counting uses only atomic map operations ({@code putIfAbsent} and compare-and-set
 * {@code replace}), retried on contention, never get-then-put, so exactly {@code limit} requests pass
 * however many arrive at once, on one instance or many. One map per window length, whose entries
 * expire some time after the window; buckets are named by window, so expiry is only cleanup.
 */
public final class ThrottleCounters {

    private final SharedMaps maps;
    private final Clock clock;
    private final ConcurrentMap<Long, SharedMap> counters = new ConcurrentHashMap<>();

    public ThrottleCounters(SharedMaps maps, Clock clock) {
        this.maps = maps;
        this.clock = clock;
    }

    /** Counts one request of {@code caller} against {@code policy}. */
    public Decision check(ThrottlePolicy policy, String caller) {
        return check(policy, caller, 1);
    }

    /**
     * Counts {@code weight} requests of {@code caller} against {@code policy} (the items of a bulk
     * write), all or none: refused, it counts nothing.
     */
    public Decision check(ThrottlePolicy policy, String caller, int weight) {
        long now = clock.millis();
        long windowMillis = policy.window().toMillis();
        long windowStart = Math.floorDiv(now, windowMillis) * windowMillis;
        String bucket = policy.scope() + '|' + caller + '|' + windowStart;
        long count = hit(counters(policy.window()), bucket, policy.requests(), weight);
        long resetSeconds = Math.max(1, (windowStart + windowMillis - now + 999) / 1000);
        boolean allowed = count <= policy.requests();
        long remaining = allowed ? policy.requests() - count : 0;
        return new Decision(allowed, policy.requests(), remaining, resetSeconds);
    }

    /** Where the counters are, for the log. */
    public String describe() {
        return maps.describe();
    }

    /** Counts one request in a bucket unless it holds {@code limit}: the count, or {@code limit + 1}. */
    static long hit(SharedMap counters, String bucket, int limit) {
        return hit(counters, bucket, limit, 1);
    }

    /**
     * Counts {@code weight} requests in a bucket unless that would take it over {@code limit}: the
     * count, or {@code limit + 1} (and nothing counted).
     */
    static long hit(SharedMap counters, String bucket, int limit, int weight) {
        if (weight > limit) {
            return limit + 1L;
        }
        while (true) {
            if (counters.putIfAbsent(bucket, Integer.toString(weight))) {
                return weight;
            }
            String count = counters.get(bucket);
            if (count == null) {
                continue; // expired between the two calls: start the bucket again
            }
            long counted = Long.parseLong(count);
            if (counted + weight > limit) {
                return limit + 1L;
            }
            if (counters.replace(bucket, count, Long.toString(counted + weight))) {
                return counted + weight;
            }
        }
    }

    private SharedMap counters(Duration window) {
        return counters.computeIfAbsent(
                window.getSeconds(),
                seconds -> maps.map(
                        "throttle-" + seconds + "s", Duration.ofSeconds(seconds * 2 + 60), SharedMaps.Expiry.CREATED));
    }
}
