package io.pistonee.oauth.internal;

import io.pistonee.config.OAuthConfig;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.ext.Provider;

/**
 * While the authorization server is off ({@code piston.oauth.enabled} is not {@code true}), every
 * request under its path ({@code /api/oauth/...}, any method) answers 404 "There is no resource at
 * this path.", as a path nothing serves does.
 *
 * <p>The runtime finds {@link OAuthResource} by scanning the WAR, like every resource class, and
 * JAX-RS has no portable way to leave a scanned class out; so the request is refused before matching,
 * after format selection and the {@code Content-Type} check (which an unknown path passes through
 * too), and the resource is never created: no signing key is loaded.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 300)
@ApplicationScoped
public class OAuthOffFilter implements ContainerRequestFilter {

    private static final String ROOT =
            OAuthResource.class.getAnnotation(Path.class).value();

    @Inject
    OAuthConfig config;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!config.enabled() && underRoot(request.getUriInfo().getPathSegments())) {
            throw new NotFoundException();
        }
    }

    private static boolean underRoot(Iterable<PathSegment> segments) {
        for (PathSegment segment : segments) {
            if (!segment.getPath().isEmpty()) {
                return segment.getPath().equals(ROOT);
            }
        }
        return false;
    }
}
