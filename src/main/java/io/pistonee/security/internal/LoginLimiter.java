package io.pistonee.security.internal;

import io.pistonee.cluster.SharedMap;
import io.pistonee.cluster.SharedMaps;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * Counts failed logins per user name and per client address over a sliding window; once either has
 * reached its limit, further attempts are refused (even with the right password) until the oldest
 * failure leaves the window. A success does not reset the address's count: it only proves one
 * password of many.
 *
 * <p>The failures are kept in {@link SharedMaps} (the times of the last failures of each user and
 * address, as one string, changed by compare-and-set), so on a cluster the limits hold for all
 * instances together; an entry expires one window after its last failure.
 */
public final class LoginLimiter {

    private final int perUser;
    private final int perAddress;
    private final Duration window;
    private final Clock clock;
    private final SharedMap failures;

    public LoginLimiter(SharedMaps maps, int perUser, int perAddress, Duration window, Clock clock) {
        this.perUser = perUser;
        this.perAddress = perAddress;
        this.window = window;
        this.clock = clock;
        this.failures = maps.map("login-failures", window, SharedMaps.Expiry.MODIFIED);
    }

    /**
     * Reads the failures of this user and address before a login is tried: whether it must wait, and
     * whether a success has failures of the user to clear. A {@code null} user checks the address alone.
     */
    public Attempt attempt(String user, String address) {
        long now = clock.millis();
        Duration wait = waiting(failures.get("a:" + address), perAddress, now);
        boolean userFailures = false;
        if (user != null) {
            String stored = failures.get("u:" + user);
            userFailures = stored != null;
            Duration userWait = waiting(stored, perUser, now);
            wait = wait == null || (userWait != null && userWait.compareTo(wait) > 0) ? userWait : wait;
        }
        return new Attempt(user, Optional.ofNullable(wait), userFailures);
    }

    /** Records a failed login (a {@code null} user counts against the address only). */
    public void failed(String user, String address) {
        long now = clock.millis();
        record("a:" + address, perAddress, now);
        if (user != null) {
            record("u:" + user, perUser, now);
        }
    }

    /**
     * A successful login clears the user's failures, when the attempt saw some: a login with none
     * (nearly every one) writes nothing to the shared map, which on a cluster is a remote call. A
     * failure recorded by another request between the attempt and its success stays.
     */
    public void succeeded(Attempt attempt) {
        if (attempt.user() != null && attempt.userFailures()) {
            failures.remove("u:" + attempt.user());
        }
    }

    /** Adds a failure to a key's times, keeping the last {@code limit} of the window. */
    private void record(String key, int limit, long now) {
        while (true) {
            String stored = failures.get(key);
            long[] times =
                    LongStream.concat(inWindow(stored, now), LongStream.of(now)).toArray();
            String value = Arrays.stream(times, Math.max(0, times.length - Math.max(1, limit)), times.length)
                    .mapToObj(Long::toString)
                    .collect(Collectors.joining(","));
            if (stored == null ? failures.putIfAbsent(key, value) : failures.replace(key, stored, value)) {
                return;
            }
        }
    }

    private Duration waiting(String stored, int limit, long now) {
        long[] times = inWindow(stored, now).toArray();
        if (times.length < limit || times.length == 0) {
            return null;
        }
        return Duration.ofMillis(times[times.length - limit] + window.toMillis() - now);
    }

    /** The stored failure times (epoch milliseconds, oldest first) still in the window. */
    private LongStream inWindow(String stored, long now) {
        if (stored == null || stored.isEmpty()) {
            return LongStream.empty();
        }
        long oldest = now - window.toMillis();
        return Arrays.stream(stored.split(",")).mapToLong(Long::parseLong).filter(time -> time > oldest);
    }

    /**
     * A login about to be tried: how long it must wait ({@code blocked}, empty if it may be tried
     * now), and whether the shared map held failures of the user when it was read.
     */
    public record Attempt(String user, Optional<Duration> blocked, boolean userFailures) {}
}
