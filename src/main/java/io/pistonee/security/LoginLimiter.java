package io.pistonee.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts failed logins per user name and per client address over a sliding window; once either has
 * reached its limit, further attempts are refused (even with the right password) until the oldest
 * failure leaves the window. A success does not reset the address's count: it only proves one
 * password of many.
 *
 * <p>Per instance: a cluster of N instances allows up to N times the limit.
 */
public final class LoginLimiter {

    private static final int PURGE_EVERY = 1000;

    private final int perUser;
    private final int perAddress;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final AtomicInteger recorded = new AtomicInteger();

    public LoginLimiter(int perUser, int perAddress, Duration window, Clock clock) {
        this.perUser = perUser;
        this.perAddress = perAddress;
        this.window = window;
        this.clock = clock;
    }

    /**
     * How long until a login for this user from this address may be tried again, or empty if it may
     * be tried now. A {@code null} user checks the address alone.
     */
    public Optional<Duration> blocked(String user, String address) {
        Instant now = clock.instant();
        Duration wait = waiting("a:" + address, perAddress, now);
        if (user != null) {
            Duration userWait = waiting("u:" + user, perUser, now);
            wait = wait == null || (userWait != null && userWait.compareTo(wait) > 0) ? userWait : wait;
        }
        return Optional.ofNullable(wait);
    }

    /** Records a failed login (a {@code null} user counts against the address only). */
    public void failed(String user, String address) {
        Instant now = clock.instant();
        record("a:" + address, now);
        if (user != null) {
            record("u:" + user, now);
        }
    }

    /** A successful login clears the user's failures. */
    public void succeeded(String user) {
        failures.remove("u:" + user);
    }

    /** How many users and addresses have failures in the window (a bound on memory: see {@link #purge}). */
    public int tracked() {
        return failures.size();
    }

    private void record(String key, Instant now) {
        if (recorded.incrementAndGet() % PURGE_EVERY == 0) {
            purge(now);
        }
        failures.compute(key, (k, times) -> {
            Deque<Instant> deque = times == null ? new ArrayDeque<>() : times;
            prune(deque, now);
            deque.addLast(now);
            return deque;
        });
    }

    /**
     * Forgets users and addresses whose failures have all left the window, so memory is bounded by the
     * failures of one window (each of which cost the caller a slow hash), not by every name ever tried.
     */
    void purge(Instant now) {
        for (String key : failures.keySet()) {
            failures.computeIfPresent(key, (k, times) -> {
                prune(times, now);
                return times.isEmpty() ? null : times;
            });
        }
    }

    private Duration waiting(String key, int limit, Instant now) {
        Duration[] wait = {null};
        failures.computeIfPresent(key, (k, times) -> {
            prune(times, now);
            if (times.size() >= limit) {
                wait[0] = Duration.between(now, times.peekFirst().plus(window));
            }
            return times.isEmpty() ? null : times;
        });
        return wait[0];
    }

    private void prune(Deque<Instant> times, Instant now) {
        Instant oldest = now.minus(window);
        while (!times.isEmpty() && !times.peekFirst().isAfter(oldest)) {
            times.removeFirst();
        }
    }
}
