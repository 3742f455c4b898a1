package io.pistonee.throttle;

import io.pistonee.config.PistonConfig;
import io.pistonee.handler.HandlerDescriptor;
import io.pistonee.handler.Handlers;
import io.pistonee.handler.Operation;
import io.pistonee.problem.Rc;
import io.pistonee.resource.PistonResource;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

/**
 * Pipeline step "throttling", after authentication and authorization so the caller is known: a
 * throttled operation counts the request against the caller's budget and answers 429 with
 * {@code Retry-After} once it is spent. Responses to throttled operations carry
 * {@code RateLimit-Limit}, {@code RateLimit-Remaining} and {@code RateLimit-Reset}.
 */
@Provider
@Priority(Priorities.AUTHORIZATION + 100)
@ApplicationScoped
public class ThrottleFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String DECISION = Decision.class.getName();

    @Inject
    Handlers handlers;

    @Inject
    Throttles throttles;

    @Inject
    PistonConfig config;

    @Inject
    HttpServletRequest servletRequest;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        if (resource.getResourceClass() != PistonResource.class || "OPTIONS".equals(request.getMethod())) {
            return;
        }
        MultivaluedMap<String, String> path = request.getUriInfo().getPathParameters();
        HandlerDescriptor handler = handlers.require(path.getFirst(PistonResource.RESOURCE));
        Operation operation = Operation.of(
                request.getMethod(),
                path.containsKey(PistonResource.ID) ? Operation.Target.ITEM : Operation.Target.COLLECTION);
        if (operation == null) {
            return;
        }
        throttles.policy(handler, operation).ifPresent(policy -> {
            String caller = Callers.of(
                    request.getSecurityContext().getUserPrincipal(),
                    servletRequest.getRemoteAddr(),
                    request.getHeaderString("X-Forwarded-For"),
                    config.trustedProxies());
            Decision decision = throttles.check(policy, caller);
            if (!decision.allowed()) {
                throw Rc.THROTTLED.error(
                        "Too many requests: " + policy.requests() + " per "
                                + policy.window().getSeconds() + " s are allowed here. Retry in "
                                + decision.resetSeconds() + " s.",
                        decision.headers());
            }
            request.setProperty(DECISION, decision);
        });
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(DECISION) instanceof Decision decision) {
            decision.headers().forEach((name, value) -> response.getHeaders().putSingle(name, value));
        }
    }
}
