package io.pistonee.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed logins per user name and per client address over a sliding window; once either has
 * reached its limit, further attempts are refused (even with the right password) until the oldest
 * failure leaves the window. A success does not reset the address's count: it only proves one
 * password of many.
 *
 * <p>Per instance: a cluster of N instances allows up to N times the limit.
 */
public final class LoginLimiter {

    private final int perUser;
    private final int perAddress;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

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

    private void record(String key, Instant now) {
        failures.compute(key, (k, times) -> {
            Deque<Instant> deque = times == null ? new ArrayDeque<>() : times;
            prune(deque, now);
            deque.addLast(now);
            return deque;
        });
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
