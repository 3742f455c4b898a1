package io.pistonee.health.internal;

import io.pistonee.config.PistonConfig;
import io.pistonee.problem.Rc;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/**
 * Until the database has first answered ({@link FirstAnswer}), every API request answers 503 with
 * {@code Retry-After}, as when the database is down later: the tables or rows that observers of
 * {@code DatabaseAnswered} create may not be there yet. Each such request asks the database again, so
 * the first one after it is back lets the observers run and is served. After format selection, so the
 * problem is in the format asked for.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 200)
@ApplicationScoped
public class NotAnsweredFilter implements ContainerRequestFilter {

    @Inject
    FirstAnswer firstAnswer;

    @Inject
    PistonConfig config;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!firstAnswer.answered()) {
            throw Rc.UNAVAILABLE.error(
                    "The database is unavailable: retry later.",
                    Map.of("Retry-After", String.valueOf(config.unavailableRetryAfterSeconds())));
        }
    }
}
