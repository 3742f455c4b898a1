package io.pistonee.edge.internal;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id of a request: the client's own {@code X-Request-Id} when it is safe to repeat in a header
 * and a log line (1 to {@value #MAX_LENGTH} characters of {@code A-Za-z0-9._-}), else a new random
 * one (a UUID). An unsafe id is replaced, never echoed or rejected.
 */
public final class RequestIds {

    /** The header a client may send and every response carries. */
    public static final String HEADER = "X-Request-Id";

    /** The request attribute that holds the id while the request is served. */
    public static final String ATTRIBUTE = "io.pistonee.request-id";

    static final int MAX_LENGTH = 128;

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1," + MAX_LENGTH + "}");

    private RequestIds() {}

    /** The client's id if it is safe, else a new one. */
    public static String of(String sent) {
        return isSafe(sent) ? sent : UUID.randomUUID().toString();
    }

    static boolean isSafe(String id) {
        return id != null && id.length() <= MAX_LENGTH && SAFE.matcher(id).matches();
    }

    /**
     * The id of a request: the one it was given already (by an earlier dispatch, or an answer written
     * before the edge filter ran), else the client's if safe, else a new one, which the request keeps.
     */
    static String assign(jakarta.servlet.http.HttpServletRequest request) {
        Object known = request.getAttribute(ATTRIBUTE);
        if (known instanceof String id) {
            return id;
        }
        String id = of(request.getHeader(HEADER));
        request.setAttribute(ATTRIBUTE, id);
        return id;
    }

    /**
     * The id of the request being served. Before the edge filter has run (an answer of the
     * authentication mechanism, which runs first) it is assigned here as the edge would, and kept, so
     * the problem's {@code incident} and the response's {@code X-Request-Id} are one id; a new one
     * without a request.
     */
    public static String current(jakarta.servlet.ServletRequest request) {
        if (request instanceof jakarta.servlet.http.HttpServletRequest http) {
            return assign(http);
        }
        Object id = request == null ? null : request.getAttribute(ATTRIBUTE);
        return id instanceof String value ? value : UUID.randomUUID().toString();
    }
}
