package io.pistonee.throttle;

import java.time.Duration;

/**
 * One budget: {@code requests} per {@code window}, under a scope name.
 *
 * @param scope the budget's name; operations with one scope share a budget
 * @param requests how many pass per window (at least 1)
 * @param window the window (at least one second)
 */
public record ThrottlePolicy(String scope, int requests, Duration window) {

    public ThrottlePolicy {
        if (requests < 1 || window.getSeconds() < 1) {
            throw new IllegalArgumentException("A throttle needs at least 1 request per at least 1 second; scope "
                    + scope + " has " + requests + " per " + window.getSeconds() + " s");
        }
    }
}
