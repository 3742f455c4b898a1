package io.pistonee.resource.internal;

import io.pistonee.handler.Operation;
import io.pistonee.handler.Route;
import io.pistonee.handler.internal.Access;
import io.pistonee.handler.internal.HandlerDescriptor;
import io.pistonee.handler.internal.Resolution;
import io.pistonee.handler.internal.Routes;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the parents of a request to a handler mounted at a path template
 * ({@code /api/authors/testuser/posts}), once the caller is authorized and counted and before any body
 * is read: each parameter that is another handler's item key is converted to that handler's id type
 * and its item read through that handler (its anonymous twin for an anonymous caller, where the twin
 * reads), outermost first. A value that does not convert, an item that is not there and a parent the
 * caller may not read are all 404, so a path never tells whether a parent exists that the caller may
 * not see. The values and parents reach the handler as its {@link Route}. Runs after the read
 * transaction opens ({@link ReadTransactionFilter}), so a parent is read inside it where there is one.
 */
@Provider
@Priority(Priorities.USER + 100)
@ApplicationScoped
public class ParentFilter implements ContainerRequestFilter {

    @Inject
    Resolution resolution;

    @Inject
    Dispatcher dispatcher;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!PistonResource.serves(resource) || !resolution.resolved()) {
            return;
        }
        Routes.Routed routed = resolution.routed();
        Map<String, String> template = routed.templateValues();
        if (template.isEmpty()) {
            return;
        }
        SecurityContext security = request.getSecurityContext();
        Map<String, Object> values = new LinkedHashMap<>();
        List<Object> parents = new ArrayList<>();
        template.forEach((parameter, text) -> {
            HandlerDescriptor owner = routed.owners().get(parameter);
            if (owner == null) {
                values.put(parameter, text);
                return;
            }
            HandlerDescriptor reader = reader(owner, security);
            Object key = dispatcher.id(reader, text);
            values.put(parameter, key);
            parents.add(parent(owner, reader, key, text, security));
        });
        resolution.route(new Route(values, parents));
    }

    /** The parent item, read through its handler; 404 when it is not there or the caller may not read it. */
    private Object parent(
            HandlerDescriptor owner, HandlerDescriptor reader, Object key, String text, SecurityContext security) {
        if (!reader.provides(Operation.READ) || !mayRead(reader.access(Operation.READ), security)) {
            throw Dispatcher.notFound(owner, text);
        }
        Object parent = dispatcher.read(reader, key);
        if (parent instanceof Optional<?> optional) {
            parent = optional.orElse(null);
        }
        if (parent == null || Replies.isStatus(parent)) {
            throw Dispatcher.notFound(owner, text);
        }
        return parent;
    }

    private static HandlerDescriptor reader(HandlerDescriptor owner, SecurityContext security) {
        if (security != null && security.getUserPrincipal() != null) {
            return owner;
        }
        return owner.anonymousTwin()
                .filter(twin -> twin.provides(Operation.READ))
                .orElse(owner);
    }

    private static boolean mayRead(Access access, SecurityContext security) {
        if (access.denyAll()) {
            return false;
        }
        if (access.roles() == null) {
            return true;
        }
        return security != null
                && security.getUserPrincipal() != null
                && access.roles().stream().anyMatch(security::isUserInRole);
    }
}
