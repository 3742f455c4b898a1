package io.pistonee.edge.internal;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * The first filter of every request and error dispatch (declared first in the framework jar's
 * {@code web-fragment.xml}):
 *
 * <ol>
 *   <li>the request id: the client's safe {@code X-Request-Id} or a new one, in the response's
 *       header, the request attribute {@code io.pistonee.request-id}, and the serving thread's name
 *       while the request is served, so every log record written meanwhile carries it;</li>
 *   <li>the public URL: under {@code piston.public-base-url}, or as a trusted proxy's headers
 *       describe it, the request reaches the application as {@link PublicRequest};</li>
 *   <li>CORS: a preflight from an allowed origin is answered here, 204, before any authorization
 *       (the server's authentication mechanism, which runs before filters, lets a request without
 *       credentials through); an allowed origin's other requests get their headers; every answer
 *       varies on {@code Origin} while CORS is on.</li>
 * </ol>
 */
public class EdgeFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    private static final String THREAD_MARK = " request=";

    @Inject
    transient Edge edge;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Map<String, String> headers = edge.headers(request);
        String id = headers.get(RequestIds.HEADER);
        Cors cors = edge.cors();
        String origin = request.getHeader("Origin");
        if (cors.allows(origin) && isPreflight(request)) {
            headers.putAll(cors.preflight(origin));
            EdgeResponse.apply(response, headers, true);
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        EdgeResponse answer = new EdgeResponse(response, headers, cors.on());
        Thread thread = Thread.currentThread();
        String name = thread.getName();
        boolean named = !name.endsWith(THREAD_MARK + id);
        if (named) {
            thread.setName(name + THREAD_MARK + id);
        }
        try {
            chain.doFilter(publicView(request), answer);
        } finally {
            if (named) {
                thread.setName(name);
            }
        }
    }

    private static boolean isPreflight(HttpServletRequest request) {
        return "OPTIONS".equals(request.getMethod()) && request.getHeader("Access-Control-Request-Method") != null;
    }

    /** The request with its public URL, where a public base URL is set or a trusted proxy describes one. */
    private HttpServletRequest publicView(HttpServletRequest request) {
        if (edge.publicBase().isPresent()) {
            return PublicRequest.under(request, edge.publicBase().get());
        }
        if (!edge.fromTrustedProxy(request)) {
            return request;
        }
        ProxyHeaders.Origin origin = ProxyHeaders.origin(request::getHeader);
        return origin.any() ? PublicRequest.forwarded(request, origin) : request;
    }
}
