package io.pistonee.parser.internal;

import io.pistonee.problem.Rc;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * A {@code Content-Type} header that is not one media type answers 400 with a problem, on every
 * request, before routing.
 *
 * <p>The JAX-RS runtime reads {@code Content-Type} while matching a request to a resource method; a
 * value it cannot parse ({@code Content-Type: !!!}) must not end as the container's HTML error page.
 * Jersey (Payara) parses the header before any JAX-RS filter runs and answers a bare 400; RESTEasy
 * (WildFly) logs a WARN with a stack trace. The servlet filter
 * {@code io.pistonee.emitter.internal.RefusalFilter} therefore answers the same problem before the
 * runtime sees the request; this check stays for a runtime reached otherwise.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 400)
@ApplicationScoped
public class ContentTypeFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        List<String> values = request.getHeaders().get(HttpHeaders.CONTENT_TYPE);
        if (values == null || values.isEmpty()) {
            return;
        }
        if (values.size() > 1) {
            throw Rc.BAD_REQUEST.error("The request has " + values.size() + " Content-Type headers: send one.");
        }
        try {
            MediaType.valueOf(values.get(0));
        } catch (IllegalArgumentException e) {
            throw Rc.BAD_REQUEST.error("The Content-Type header is not a media type such as application/json.");
        }
    }
}
