package io.pistonee.edge.internal;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.util.Arrays;
import java.util.Map;

/**
 * A response that keeps the edge's headers: they are set before the application answers, set again
 * after a reset, and while CORS is on, a {@code Vary} the application sets keeps {@code Origin}
 * (JAX-RS runtimes replace a header they set themselves).
 */
final class EdgeResponse extends HttpServletResponseWrapper {

    private static final String VARY = "Vary";
    private static final String ORIGIN = "Origin";

    private final Map<String, String> headers;
    private final boolean varyOnOrigin;

    EdgeResponse(HttpServletResponse response, Map<String, String> headers, boolean varyOnOrigin) {
        super(response);
        this.headers = headers;
        this.varyOnOrigin = varyOnOrigin;
        apply(response, headers, varyOnOrigin);
    }

    /** Sets the headers on a response, and {@code Vary: Origin} when asked. */
    static void apply(HttpServletResponse response, Map<String, String> headers, boolean varyOnOrigin) {
        headers.forEach(response::setHeader);
        if (varyOnOrigin) {
            response.setHeader(VARY, withOrigin(response.getHeader(VARY)));
        }
    }

    @Override
    public void setHeader(String name, String value) {
        super.setHeader(name, varyOnOrigin && VARY.equalsIgnoreCase(name) ? withOrigin(value) : value);
    }

    @Override
    public void reset() {
        super.reset();
        apply((HttpServletResponse) getResponse(), headers, varyOnOrigin);
    }

    /** A {@code Vary} value that names {@code Origin}. */
    static String withOrigin(String vary) {
        if (vary == null || vary.isBlank()) {
            return ORIGIN;
        }
        boolean named = Arrays.stream(vary.split(","))
                .map(String::strip)
                .anyMatch(name -> name.equalsIgnoreCase(ORIGIN) || name.equals("*"));
        return named ? vary : vary + ", " + ORIGIN;
    }
}
