package io.pistonee.security.internal;

import io.pistonee.config.SecurityConfig;
import io.pistonee.handler.internal.Access;
import io.pistonee.handler.internal.Resolution;
import io.pistonee.problem.ProblemException;
import io.pistonee.problem.Rc;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/**
 * Pipeline step "authorization", after handler resolution: whether this caller may call the
 * operation of the handler that serves it.
 *
 * <ul>
 *   <li>An unauthenticated caller of a handler with an anonymous twin that does not provide the
 *       operation: 401 with the challenges (Piston answered 405, wrongly).</li>
 *   <li>{@code @RolesAllowed}: unauthenticated 401, authenticated without one of the roles 403.</li>
 *   <li>{@code @DenyAll}: 403. No annotation or {@code @PermitAll}: anyone.</li>
 * </ul>
 * Roles are the container's ({@link SecurityContext#isUserInRole}): the groups of a Basic user from
 * the identity store, the {@code groups} claim of a bearer token. Object-level rules ("only the
 * author may edit a post") belong in handler code: {@code throw Rc.FORBIDDEN.error(...)}.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
@ApplicationScoped
public class AuthorizationFilter implements ContainerRequestFilter {

    @Inject
    Resolution resolution;

    @Inject
    SecurityConfig config;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!resolution.resolved()) {
            return;
        }
        SecurityContext security = request.getSecurityContext();
        boolean anonymous = security == null || security.getUserPrincipal() == null;
        if (anonymous && resolution.requested().anonymous() != null && resolution.serving() == resolution.requested()) {
            throw unauthorized("Authenticate to " + describe() + ".");
        }
        Access access = resolution.serving().access(resolution.operation());
        if (access.denyAll()) {
            throw Rc.FORBIDDEN.error("Nobody may " + describe() + ".");
        }
        if (access.roles() == null) {
            return;
        }
        if (anonymous) {
            throw unauthorized("Authenticate to " + describe() + ".");
        }
        if (access.roles().stream().noneMatch(security::isUserInRole)) {
            throw Rc.FORBIDDEN.error("You may not " + describe() + ".");
        }
    }

    private String describe() {
        String what = switch (resolution.operation()) {
            case LIST -> "list";
            case READ -> "read";
            case CREATE -> "create";
            case UPDATE -> "update";
            case PATCH -> "patch";
            case DELETE -> "delete";
            case BULK_PATCH -> "patch in bulk";
            case BULK_DELETE -> "delete in bulk";
        };
        return what + " '" + resolution.requested().name() + "'";
    }

    private ProblemException unauthorized(String detail) {
        return Rc.UNAUTHORIZED.error(detail, Map.of("WWW-Authenticate", Challenges.of(config.realm())));
    }
}
