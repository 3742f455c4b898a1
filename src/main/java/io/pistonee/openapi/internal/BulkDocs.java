package io.pistonee.openapi.internal;

import io.pistonee.handler.Operation;
import io.pistonee.problem.Rc;
import jakarta.persistence.Version;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;

/**
 * What the document says about bulk update and delete ({@code @Bulk}): how each works, and the
 * problems an item can add (a missing item 404, a stale version 412, too many items 413).
 */
final class BulkDocs {

    private BulkDocs() {}

    /** The sentences an operation's description gets; empty for any but the bulk ones. */
    static String describe(Operation operation) {
        return switch (operation) {
            case BULK_PATCH ->
                " Each patch names its item's `id` (and optionally its `version`); each item is read, patched,"
                        + " validated and updated as `PATCH` on the item does, all in one transaction: if any item"
                        + " fails, nothing changes and the problem's `failures` list each one (`index`, `id`,"
                        + " `status`, `detail`). At most `piston.bulk.max-items` patches (else 413); each counts"
                        + " against the update throttle.";
            case BULK_DELETE ->
                " Deletes every item the filters select (at least one filter: a bulk delete never means"
                        + " everything), each as `DELETE` on the item does, all in one transaction: if any item"
                        + " fails, nothing is deleted and the problem's `failures` list each one (`id`, `status`,"
                        + " `detail`); an id named by an `id` filter that selects nothing is a 404 failure. At most"
                        + " `piston.bulk.max-items` items (else 413); each counts against the delete throttle.";
            default -> "";
        };
    }

    /** The problems a bulk operation adds to those of its items. */
    static List<Rc> errors(Operation operation) {
        return switch (operation) {
            case BULK_PATCH -> List.of(Rc.NOT_FOUND, Rc.PRECONDITION_FAILED, Rc.PAYLOAD_TOO_LARGE);
            case BULK_DELETE -> List.of(Rc.BAD_REQUEST, Rc.NOT_FOUND, Rc.PAYLOAD_TOO_LARGE);
            default -> List.of();
        };
    }

    /** The type of a model's JPA {@code @Version}, if it has one. */
    static Optional<Class<?>> versionType(Class<?> model) {
        for (Class<?> c = model; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (field.isAnnotationPresent(Version.class)) {
                    return Optional.of(field.getType());
                }
            }
            for (Method method : c.getDeclaredMethods()) {
                if (method.isAnnotationPresent(Version.class) && method.getParameterCount() == 0) {
                    return Optional.of(method.getReturnType());
                }
            }
        }
        return Optional.empty();
    }
}
