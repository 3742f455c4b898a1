package io.pistonee.resource.internal;

import io.pistonee.emitter.internal.ProblemMapper;
import io.pistonee.handler.internal.Handlers;
import io.pistonee.handler.internal.Routes;
import io.pistonee.problem.Rc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import java.util.Set;

/**
 * An HTTP method the generic resource has no Java method for (PATCH on a collection, TRACE...) is
 * answered by JAX-RS with its own {@code Allow}; this mapper answers with the handler's instead (or
 * 404 for an unknown resource), rendered like every other problem. A path of the application's other
 * resources ({@link OtherResourcesExtension}: the OAuth endpoints, a user's own {@code @Path} classes) is
 * answered with their methods: {@code GET /oauth/token} is a 405 with {@code Allow: OPTIONS, POST}.
 */
@Provider
@ApplicationScoped
public class MethodNotAllowedMapper implements ExceptionMapper<NotAllowedException> {

    @Inject
    Handlers handlers;

    @Inject
    ProblemMapper problems;

    @Inject
    OtherResourcesExtension others;

    @Context
    UriInfo uri;

    @Context
    jakarta.ws.rs.core.Request request;

    @Override
    public Response toResponse(NotAllowedException exception) {
        Set<String> allowed = others.allow(uri.getPath());
        if (!allowed.isEmpty()) {
            String allow = String.join(", ", allowed);
            return problems.toResponse(Rc.NOT_ALLOWED.error(
                    request.getMethod() + " is not allowed here. Allowed: " + allow + ".", Map.of("Allow", allow)));
        }
        try {
            Routes.Routed routed = handlers.routes().require(RoutingFilter.segments(uri));
            return problems.toResponse(
                    RoutingFilter.notAllowed(routed.handler(), routed.target(), request.getMethod()));
        } catch (RuntimeException e) {
            return problems.toResponse(e);
        }
    }
}
