package io.pistonee.throttle.internal;

import io.pistonee.cluster.internal.SharedState;
import io.pistonee.config.PistonConfig;
import io.pistonee.edge.internal.Edge;
import io.pistonee.handler.internal.Resolution;
import io.pistonee.handler.internal.ThrottlePolicy;
import io.pistonee.metrics.internal.Metrics;
import io.pistonee.problem.Rc;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.time.Clock;
import java.util.logging.Logger;

/**
 * Pipeline step "throttling", after authentication and authorization so the caller is known: a
 * throttled operation (its policy is in the handler's descriptor) counts the request against the
 * caller's budget and answers 429 with {@code Retry-After} once it is spent (counted per handler in
 * {@code io.pistonee.metrics}). Responses to throttled
 * operations carry {@code RateLimit-Limit}, {@code RateLimit-Remaining} and {@code RateLimit-Reset}.
 * Counters live in the application's shared state ({@link SharedState}); time comes from the
 * application's {@code java.time.Clock} bean if it has one, else the system clock.
 */
@Provider
@Priority(Priorities.AUTHORIZATION + 100)
@ApplicationScoped
public class ThrottleFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final Logger LOG = Logger.getLogger(ThrottleFilter.class.getName());
    private static final String DECISION = Decision.class.getName();

    @Inject
    Resolution resolution;

    @Inject
    PistonConfig config;

    @Inject
    SharedState state;

    @Inject
    Instance<Clock> clocks;

    @Inject
    HttpServletRequest servletRequest;

    @Inject
    Edge edge;

    @Inject
    Metrics metrics;

    private ThrottleCounters counters;

    @PostConstruct
    void init() {
        counters = new ThrottleCounters(state.maps(), clocks.isResolvable() ? clocks.get() : Clock.systemUTC());
        LOG.info("Throttle counters in " + counters.describe());
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!config.throttleEnabled()
                || !resolution.resolved()
                || resolution.operation().isBulk()) {
            return; // a bulk write counts its items once it knows them: countItems
        }
        resolution.requested().throttle(resolution.operation()).ifPresent(policy -> {
            Decision decision = count(request.getSecurityContext().getUserPrincipal(), policy, 1);
            request.setProperty(DECISION, decision);
        });
    }

    /**
     * Counts the items of this request's bulk write against its operation's throttle, all or none:
     * 429, counting nothing, when they are more than the budget has left. Called before anything is
     * written; the answer carries the {@code RateLimit-*} headers as any throttled one does.
     */
    public void countItems(int items) {
        if (!config.throttleEnabled() || !resolution.resolved() || items == 0) {
            return;
        }
        resolution.requested().throttle(resolution.operation()).ifPresent(policy -> {
            Decision decision = count(servletRequest.getUserPrincipal(), policy, items);
            servletRequest.setAttribute(DECISION, decision);
        });
    }

    private Decision count(Principal principal, ThrottlePolicy policy, int items) {
        String caller = Callers.of(principal, edge.clientAddress(servletRequest));
        Decision decision = counters.check(policy, caller, items);
        if (!decision.allowed()) {
            metrics.throttled(resolution.requested().name());
            throw Rc.THROTTLED.error(
                    "Too many requests: " + policy.requests() + " per "
                            + policy.window().getSeconds() + " s are allowed here. Retry in "
                            + decision.resetSeconds() + " s.",
                    decision.headers());
        }
        return decision;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(DECISION) instanceof Decision decision) {
            decision.headers().forEach((name, value) -> response.getHeaders().putSingle(name, value));
        }
    }
}
