package io.pistonee.metrics.internal;

import io.pistonee.edge.internal.Edge;
import io.pistonee.emitter.internal.ProblemWriter;
import io.pistonee.problem.ProblemException;
import io.pistonee.problem.Rc;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Times every request (declared second in the framework jar's {@code web-fragment.xml}, after the
 * edge), recording it under the {@link Exchange} routing named once its response is written, streamed
 * bodies included; and serves the scrape at {@code piston.metrics.path}: to a client address
 * {@code piston.metrics.allowed} lists (its address behind trusted proxies, so a proxy on loopback
 * does not make the metrics public), to a caller with {@code piston.metrics.role} when one is set;
 * anyone else gets a 403 problem.
 */
public class MetricsFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Metrics metrics;

    @Inject
    transient Edge edge;

    @Inject
    transient ProblemWriter problems;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!metrics.enabled()) {
            chain.doFilter(request, response);
            return;
        }
        if (metrics.path()
                .equals(request.getRequestURI()
                        .substring(request.getContextPath().length()))) {
            scrape(request, response);
            return;
        }
        long start = System.nanoTime();
        int status = HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
        try {
            chain.doFilter(request, response);
            status = response.getStatus();
        } finally {
            if (request.getAttribute(Metrics.EXCHANGE) instanceof Exchange exchange) {
                exchange.record(status, System.nanoTime() - start);
            }
        }
    }

    private void scrape(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<ProblemException> refusal = refusal(request);
        if (refusal.isPresent()) {
            ProblemException problem = refusal.get();
            problems.write(
                    new ProblemException(problem.problem().at(request.getRequestURI()), problem.headers()),
                    request,
                    response);
            return;
        }
        byte[] body = metrics.scrape().getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(PrometheusText.CONTENT_TYPE);
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }

    private Optional<ProblemException> refusal(HttpServletRequest request) {
        if (!metrics.allows(edge.clientAddress(request))) {
            return Optional.of(Rc.FORBIDDEN.error("The metrics are not served to this address."));
        }
        Optional<String> role = metrics.role();
        if (role.isPresent() && !request.isUserInRole(role.get())) {
            return Optional.of(
                    Rc.FORBIDDEN.error("The metrics are served to callers with the role '" + role.get() + "' only."));
        }
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            return Optional.of(Rc.NOT_ALLOWED.error(
                    request.getMethod() + " is not allowed on the metrics. Allowed: GET, HEAD.",
                    Map.of("Allow", "GET, HEAD")));
        }
        return Optional.empty();
    }
}
