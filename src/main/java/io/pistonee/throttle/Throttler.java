package io.pistonee.throttle;

import java.time.Clock;

/**
 * The throttle arithmetic: fixed windows aligned to the epoch, one bucket per scope, caller and
 * window, counted in a {@link ThrottleStore}. Time comes from the clock given, so tests move time
 * instead of sleeping.
 */
public final class Throttler {

    private final ThrottleStore store;
    private final Clock clock;

    public Throttler(ThrottleStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Counts one request of {@code caller} against {@code policy}. */
    public Decision check(ThrottlePolicy policy, String caller) {
        long now = clock.millis();
        long windowMillis = policy.window().toMillis();
        long windowStart = Math.floorDiv(now, windowMillis) * windowMillis;
        String bucket = policy.scope() + '|' + caller + '|' + windowStart;
        long count = store.hit(bucket, policy.requests(), policy.window());
        long resetSeconds = Math.max(1, (windowStart + windowMillis - now + 999) / 1000);
        boolean allowed = count <= policy.requests();
        long remaining = allowed ? policy.requests() - count : 0;
        return new Decision(allowed, policy.requests(), remaining, resetSeconds);
    }

    public ThrottleStore store() {
        return store;
    }
}
