package io.pistonee.handler.internal;

import io.pistonee.handler.Operation;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Set;

/**
 * Who may call one operation of a handler, read once from the standard annotations: on the method
 * that implements the operation, else on the handler class.
 *
 * <pre>{@code
 * @Handler("posts")
 * @RolesAllowed({"author", "admin"})          // every operation: authenticated, with one of these roles
 * public class PostHandler extends ModelHandler<BlogPost, Long> {
 *     @Override @PermitAll                    // but anyone may list
 *     public List<BlogPost> list() { ... }
 * }
 * }</pre>
 *
 * No annotation and {@code @PermitAll} let anyone in (an anonymous twin, if the handler names one,
 * still serves unauthenticated callers); {@code @RolesAllowed} needs an authenticated caller in one
 * of the roles (401 if unauthenticated, 403 otherwise); {@code @DenyAll} lets no one in (403).
 *
 * @param denyAll nobody may call it
 * @param roles the roles that may, or {@code null} when no role is required
 */
public record Access(boolean denyAll, Set<String> roles) {

    /** No restriction. */
    public static final Access OPEN = new Access(false, null);

    public Access {
        roles = roles == null ? null : Set.copyOf(roles);
    }

    /** Whether a caller must be authenticated. */
    public boolean requiresAuthentication() {
        return denyAll || roles != null;
    }

    /** The access of an operation of a handler class. */
    static Access of(Class<?> handlerClass, Operation operation) {
        Method method = implementation(handlerClass, operation);
        Access declared = method == null ? null : declared(method);
        if (declared != null) {
            return declared;
        }
        declared = declared(handlerClass);
        return declared == null ? OPEN : declared;
    }

    private static Access declared(AnnotatedElement element) {
        if (element.isAnnotationPresent(DenyAll.class)) {
            return new Access(true, null);
        }
        if (element.isAnnotationPresent(PermitAll.class)) {
            return OPEN;
        }
        RolesAllowed roles = element.getAnnotation(RolesAllowed.class);
        return roles == null ? null : new Access(false, Set.of(roles.value()));
    }

    /** The method implementing an operation: the most specific, non-bridge public one. */
    private static Method implementation(Class<?> handlerClass, Operation operation) {
        for (Class<?> type = handlerClass; type != null && type != Object.class; type = type.getSuperclass()) {
            for (Method method : type.getDeclaredMethods()) {
                if (method.getName().equals(operation.javaMethod())
                        && method.getParameterCount() == operation.parameters()
                        && !method.isBridge()
                        && Modifier.isPublic(method.getModifiers())) {
                    return method;
                }
            }
        }
        return null;
    }
}
