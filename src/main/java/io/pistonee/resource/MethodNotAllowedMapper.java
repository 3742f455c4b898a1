package io.pistonee.resource;

import io.pistonee.handler.Handlers;
import io.pistonee.handler.Operation;
import io.pistonee.problem.ProblemMapper;
import io.pistonee.problem.Rc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * An HTTP method the generic resource has no Java method for (PATCH on a collection, TRACE...) is
 * answered by JAX-RS with its own {@code Allow}; this mapper answers with the handler's instead (or
 * 404 for an unknown resource), rendered like every other problem.
 */
@Provider
@ApplicationScoped
public class MethodNotAllowedMapper implements ExceptionMapper<NotAllowedException> {

    @Inject
    Handlers handlers;

    @Inject
    ProblemMapper problems;

    @Context
    UriInfo uri;

    @Context
    jakarta.ws.rs.core.Request request;

    @Override
    public Response toResponse(NotAllowedException exception) {
        List<PathSegment> segments = uri.getPathSegments().stream()
                .filter(segment -> !segment.getPath().isEmpty())
                .toList();
        if (segments.isEmpty() || segments.size() > 2) {
            return problems.toResponse(Rc.NOT_FOUND.error("There is no resource at this path."));
        }
        Operation.Target target = segments.size() == 2 ? Operation.Target.ITEM : Operation.Target.COLLECTION;
        try {
            return problems.toResponse(
                    RoutingFilter.notAllowed(handlers.require(segments.get(0).getPath()), target, request.getMethod()));
        } catch (RuntimeException e) {
            return problems.toResponse(e);
        }
    }
}
