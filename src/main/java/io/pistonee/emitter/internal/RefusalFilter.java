package io.pistonee.emitter.internal;

import io.pistonee.problem.Problem;
import io.pistonee.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers, as RFC 9457 problems, two requests that would otherwise be refused by the runtime behind
 * it in its own way, before any JAX-RS filter or exception mapper could see them:
 *
 * <ul>
 *   <li>a {@code Content-Type} that is not a media type, on the way to JAX-RS: Jersey (Payara) answers
 *       it with a bare 400, RESTEasy (WildFly) with a 400 and a WARN with a stack trace in the server
 *       log; here it is a 400 problem, logged nowhere;</li>
 *   <li>{@code TRACE} to anything but JAX-RS (the container's default servlet, Swagger UI), which
 *       {@code HttpServlet} would answer by echoing the request, credentials included (cross-site
 *       tracing): 405 with {@code Allow}. JAX-RS answers {@code TRACE} itself, with 405 and the
 *       resource's {@code Allow}, through the exception mapper. The servers refuse {@code TRACE}
 *       themselves, with an empty 405, unless their listener lets it through
 *       ({@code server-config/}).</li>
 * </ul>
 * Every other request passes untouched. Declared in the framework jar's {@code web-fragment.xml},
 * after the edge's filter.
 */
public class RefusalFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** What the container's own servlets (its default servlet, the docs) serve. */
    static final String SERVLET_METHODS = "GET, HEAD, OPTIONS";

    static final String MALFORMED_CONTENT_TYPE =
            "The Content-Type header is not a media type such as application/json.";

    /** Per servlet name: whether it is a JAX-RS application's. */
    private final ConcurrentHashMap<String, Boolean> jaxRsServlets = new ConcurrentHashMap<>();

    @Inject
    transient ProblemWriter writer;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean jaxRs = toJaxRs(request);
        if (!jaxRs && "TRACE".equals(request.getMethod())) {
            refuse(Problem.of(405, "TRACE is not allowed here."), Map.of("Allow", SERVLET_METHODS), request, response);
        } else if (jaxRs && !isMediaType(request.getHeader("Content-Type"))) {
            refuse(Problem.of(400, MALFORMED_CONTENT_TYPE), Map.of(), request, response);
        } else {
            chain.doFilter(request, response);
        }
    }

    private void refuse(
            Problem problem, Map<String, String> headers, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        writer.write(new ProblemException(problem.at(request.getRequestURI()), headers), request, response);
    }

    /** Whether the request is mapped to a JAX-RS application's servlet, which is named after its class. */
    private boolean toJaxRs(HttpServletRequest request) {
        String servlet = request.getHttpServletMapping().getServletName();
        return servlet != null && jaxRsServlets.computeIfAbsent(servlet, RefusalFilter::isApplication);
    }

    private static boolean isApplication(String servlet) {
        try {
            Class<?> named =
                    Class.forName(servlet, false, Thread.currentThread().getContextClassLoader());
            return Application.class.isAssignableFrom(named);
        } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
            return false;
        }
    }

    /** Whether a {@code Content-Type} header is absent or parses as a media type. */
    static boolean isMediaType(String type) {
        if (type == null) {
            return true;
        }
        try {
            MediaType.valueOf(type);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
