package io.pistonee.it;

import io.pistonee.it.server.ServerProcess;
import java.time.Duration;

/**
 * Throttles count in fixed windows aligned to the epoch ({@code io.pistonee.throttle.Throttler}): a
 * test that spends a budget and expects the next request refused must not straddle a window's end,
 * where the count starts again. Tests call {@link #awayFromTheEnd} first.
 */
final class Windows {

    private Windows() {}

    /**
     * Returns at once if the current window of {@code window} has at least {@code margin} left;
     * otherwise waits until the next window has begun (at most {@code margin} and one second).
     */
    static void awayFromTheEnd(Duration window, Duration margin) {
        long left = window.toMillis() - System.currentTimeMillis() % window.toMillis();
        if (left < margin.toMillis()) {
            ServerProcess.pause(Duration.ofMillis(left + 1000));
        }
    }
}
