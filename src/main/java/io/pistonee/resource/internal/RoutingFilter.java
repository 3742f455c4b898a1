package io.pistonee.resource.internal;

import io.pistonee.handler.Operation;
import io.pistonee.handler.internal.ApiPaths;
import io.pistonee.handler.internal.HandlerDescriptor;
import io.pistonee.handler.internal.Handlers;
import io.pistonee.handler.internal.Resolution;
import io.pistonee.handler.internal.Routes;
import io.pistonee.metrics.internal.Metrics;
import io.pistonee.parser.Parser;
import io.pistonee.parser.PatchParser;
import io.pistonee.problem.Rc;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Provider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Pipeline step "handler resolution": before any body is read, an unknown resource answers 404, an
 * operation the handler does not provide answers 405 with {@code Allow}, and a body no parser reads
 * answers 415 with the types that are read (PATCH of an item reads the two patch types, and only it
 * does; a bulk PATCH reads the body types and merge patches; a
 * wildcard such as {@code *}{@code /*} names no type, so it is 415 too). An unauthenticated caller is served by the handler's
 * anonymous twin when the twin provides the operation; whether the caller may go on is then
 * authorization's decision ({@code io.pistonee.security.internal.AuthorizationFilter}). A POST to
 * {@code /api/{resource}/bulk} ({@code ApiPaths.BULK}) is the handler's create, of an array of items,
 * where the handler creates in bulk; a POST to any other item is 405. A routed request is counted
 * under its handler and operation ({@code io.pistonee.metrics}).
 */
@Provider
@Priority(Priorities.AUTHORIZATION - 100)
@ApplicationScoped
public class RoutingFilter implements ContainerRequestFilter {

    @Inject
    Handlers handlers;

    @Inject
    @Any
    Instance<Parser> parsers;

    @Inject
    Resolution resolution;

    @Inject
    Metrics metrics;

    @Context
    ResourceInfo resource;

    private List<MediaType> readable;

    /** What a bulk PATCH reads: an array of merge patches, in any body format or as a merge patch. */
    private List<MediaType> readableInBulk;

    @PostConstruct
    void init() {
        readable = parsers.stream()
                .flatMap(parser -> parser.mediaTypes().stream())
                .filter(type -> !PatchParser.TYPES.contains(type))
                .toList();
        readableInBulk = new ArrayList<>(readable);
        readableInBulk.add(MediaType.valueOf(PatchParser.MERGE_PATCH));
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!PistonResource.serves(resource)) {
            return;
        }
        Routes.Routed routed = handlers.routes().require(segments(request.getUriInfo()));
        HandlerDescriptor handler = routed.handler();
        Operation.Target target = routed.target();
        resolution.routed(routed);
        if (HttpMethod.OPTIONS.equals(request.getMethod())) {
            return;
        }
        Operation operation =
                bulkCreate(routed, request) ? Operation.CREATE : Operation.of(request.getMethod(), target);
        if (operation == null || !handler.provides(operation)) {
            throw notAllowed(handler, target, request.getMethod());
        }
        resolution.resolve(handler, serving(handler, operation, request), operation);
        request.setProperty(Metrics.EXCHANGE, metrics.exchange(handler.name(), operation));
        if (operation.hasBody()) {
            requireReadable(request.getMediaType(), operation);
        }
    }

    /** {@code POST /api/posts/bulk}: a create of several items, where the handler creates in bulk. */
    private static boolean bulkCreate(Routes.Routed routed, ContainerRequestContext request) {
        return routed.target() == Operation.Target.ITEM
                && HttpMethod.POST.equals(request.getMethod())
                && ApiPaths.BULK.equals(routed.id())
                && routed.handler().createsInBulk();
    }

    /** The decoded segments of the request's path under the API root, without empty ones. */
    static List<String> segments(UriInfo uri) {
        return uri.getPathSegments().stream()
                .map(PathSegment::getPath)
                .filter(segment -> !segment.isEmpty())
                .toList();
    }

    private HandlerDescriptor serving(HandlerDescriptor handler, Operation operation, ContainerRequestContext request) {
        SecurityContext security = request.getSecurityContext();
        if (security != null && security.getUserPrincipal() != null) {
            return handler;
        }
        return handler.anonymousTwin().filter(twin -> twin.provides(operation)).orElse(handler);
    }

    static RuntimeException notAllowed(HandlerDescriptor handler, Operation.Target target, String method) {
        String allow = String.join(", ", handler.allow(target));
        return Rc.NOT_ALLOWED.error(
                method + " is not allowed on " + (target == Operation.Target.ITEM ? "an item of '" : "'")
                        + handler.name() + "'. Allowed: " + allow + ".",
                Map.of("Allow", allow));
    }

    private void requireReadable(MediaType type, Operation operation) {
        List<MediaType> readable = operation == Operation.PATCH
                ? PatchParser.TYPES
                : operation == Operation.BULK_PATCH ? readableInBulk : this.readable;
        String accepted = readable.stream().map(Object::toString).collect(Collectors.joining(", "));
        if (type == null) {
            throw Rc.UNSUPPORTED_MEDIA_TYPE.error(
                    "A request body with a Content-Type is required. Accepted: " + accepted + ".");
        }
        if (type.isWildcardType()
                || type.isWildcardSubtype()
                || readable.stream().noneMatch(type::isCompatible)) {
            throw Rc.UNSUPPORTED_MEDIA_TYPE.error(
                    "Content-Type '" + type.getType() + "/" + type.getSubtype() + "' is not accepted. Accepted: "
                            + accepted + ".",
                    operation == Operation.CREATE
                            ? Map.of("Accept-Post", accepted)
                            : operation == Operation.PATCH || operation == Operation.BULK_PATCH
                                    ? Map.of("Accept-Patch", accepted)
                                    : Map.of());
        }
    }
}
