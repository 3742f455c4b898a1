package io.pistonee.throttle.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a throttle decided for one request, and the headers that tell the client (the IETF RateLimit
 * fields, and {@code Retry-After} when refused).
 *
 * @param allowed whether the request passes
 * @param limit the requests per window
 * @param remaining how many more pass in this window
 * @param resetSeconds seconds until the window ends (at least 1)
 */
public record Decision(boolean allowed, int limit, long remaining, long resetSeconds) {

    /** {@code RateLimit-Limit}, {@code RateLimit-Remaining}, {@code RateLimit-Reset}, and {@code Retry-After} if refused. */
    public Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("RateLimit-Limit", String.valueOf(limit));
        headers.put("RateLimit-Remaining", String.valueOf(remaining));
        headers.put("RateLimit-Reset", String.valueOf(resetSeconds));
        if (!allowed) {
            headers.put("Retry-After", String.valueOf(resetSeconds));
        }
        return headers;
    }
}
