package io.pistonee.openapi.internal;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeBindings;
import com.fasterxml.jackson.databind.type.TypeFactory;
import io.pistonee.emitter.Emitter;
import io.pistonee.handler.Operation;
import io.pistonee.handler.internal.ApiPaths;
import io.pistonee.handler.internal.HandlerDescriptor;
import io.pistonee.handler.internal.Nouns;
import io.pistonee.parser.Parser;
import io.pistonee.problem.Rc;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.PathItem;

/**
 * The operations of one handler: {@code /api/{name}} and {@code /api/{name}/{id}} (or its mount's
 * template, such as {@code /api/authors/{username}/posts}, and its key) with exactly the operations it
 * provides (and {@code /api/{name}/bulk} where it creates in bulk), each with its id, summary, description, security and tag; what each takes
 * is {@link RequestDocs}', what each answers {@link ResponseDocs}'.
 */
final class PathDocs {

    private final String apiPath;
    private final HandlerSchemas schemas;
    private final RequestDocs requests;
    private final ResponseDocs responses;
    private final TypeFactory types;
    private final SecurityDocs security;
    private final Function<HandlerDescriptor, Optional<HandlerDescriptor>> anonymous;
    private final Conventions conventions;

    /**
     * The REST conventions the generic resource applies to handlers: paging, filters and sort on
     * collections; entity tags and preconditions; throttles.
     */
    record Conventions(CollectionDocs collections, ConditionalDocs conditions, ThrottleDocs throttles) {}

    PathDocs(
            String apiPath,
            HandlerSchemas schemas,
            ProblemDocs problems,
            List<Emitter> emitters,
            List<Parser> parsers,
            TypeFactory types,
            SecurityDocs security,
            Function<HandlerDescriptor, Optional<HandlerDescriptor>> anonymous,
            Function<HandlerDescriptor, Map<String, HandlerDescriptor>> owners,
            Conventions conventions) {
        this.apiPath = apiPath;
        this.schemas = schemas;
        this.requests = new RequestDocs(schemas, emitters, parsers, owners, conventions);
        this.responses = new ResponseDocs(schemas, problems, emitters, conventions);
        this.types = types;
        this.security = security;
        this.anonymous = anonymous;
        this.conventions = conventions;
    }

    /** The path of a handler's collection ({@code /api/posts}, {@code /api/authors/{username}/posts}). */
    String collectionPath(HandlerDescriptor handler) {
        return apiPath + "/" + handler.mount().path();
    }

    /** The path of a handler's items ({@code /api/posts/{id}}, {@code /api/authors/{username}} for a key). */
    String itemPath(HandlerDescriptor handler) {
        return collectionPath(handler) + "/{" + handler.mount().itemParameter() + "}";
    }

    /** The path of a handler's bulk create ({@code /api/posts/bulk}). */
    String bulkPath(HandlerDescriptor handler) {
        return collectionPath(handler) + "/" + ApiPaths.BULK;
    }

    /**
     * The path item of a bulk create ({@code POST /api/posts/bulk}, {@code createPostsBulk}), or
     * {@code null} when the handler does not create in bulk or its create is hidden. Its own operation,
     * so that the single create keeps one request and one response type.
     */
    PathItem bulkPathItem(HandlerDescriptor handler) {
        if (!bulk(handler) || Annotations.hidden(method(handler, Operation.CREATE))) {
            return null;
        }
        return OASFactory.createPathItem().POST(operation(handler, Operation.CREATE, true));
    }

    /** The path item of a target, or {@code null} when the handler provides nothing there. */
    PathItem pathItem(HandlerDescriptor handler, Operation.Target target) {
        PathItem item = OASFactory.createPathItem();
        boolean any = false;
        for (Operation operation : handler.operations()) {
            Method method = method(handler, operation);
            if (operation.target() == target && !Annotations.hidden(method)) {
                item.setOperation(
                        PathItem.HttpMethod.valueOf(operation.httpMethod()), operation(handler, operation, false));
                any = true;
            }
        }
        return any ? item : null;
    }

    private org.eclipse.microprofile.openapi.models.Operation operation(
            HandlerDescriptor handler, Operation operation, boolean bulk) {
        Optional<HandlerDescriptor> twin = anonymous.apply(handler);
        boolean authenticated = SecurityDocs.requiresAuthentication(handler, twin, operation);
        var generated = OASFactory.createOperation()
                .operationId(operationId(handler, operation))
                .summary(bulk ? "Create " + Nouns.words(handler.name()) : summary(handler, operation))
                .description(schemas.describe(handler, operation)
                        + SecurityDocs.roles(handler, operation)
                        + anonymousNote(twin, operation, authenticated)
                        + (operation == Operation.LIST
                                ? conventions.collections().describe(handler)
                                : "")
                        + (operation == Operation.CREATE ? bulkNote(handler, bulk) : "")
                        + BulkDocs.describe(operation)
                        + conventions.throttles().describe(handler, operation))
                .addTag(handler.name())
                .parameters(requests.parameters(handler, operation))
                .responses(responses.responses(handler, operation, bulk, authenticated))
                .security(security.requirements(authenticated));
        if (operation.hasBody()) {
            generated.requestBody(requests.requestBody(handler, operation, bulk));
        }
        conventions.throttles().extend(generated, handler, operation);
        Annotations.override(generated, method(handler, operation));
        return bulk ? generated.operationId(generated.getOperationId() + "Bulk") : generated;
    }

    /** Where a create says how to create several items at once. */
    private String bulkNote(HandlerDescriptor handler, boolean bulk) {
        if (bulk) {
            return " Creates every item in one transaction, or none.";
        }
        return bulk(handler)
                ? " To create several in one transaction, POST an array to `" + bulkPath(handler) + "` (`"
                        + operationId(handler, Operation.CREATE) + "Bulk`); an array posted here is created the same"
                        + " way."
                : "";
    }

    private static String anonymousNote(Optional<HandlerDescriptor> twin, Operation operation, boolean authenticated) {
        if (twin.isEmpty()) {
            return authenticated ? " Anonymous callers get 401." : "";
        }
        String name = "`" + twin.get().handlerClass().getSimpleName() + "`";
        return authenticated
                ? " Anonymous callers get 401: " + name + " does not provide it."
                : " Anonymous callers are served by " + name + ".";
    }

    /**
     * {@code listPosts}, {@code readPosts}, {@code createPosts}, {@code updatePosts}, {@code patchPosts},
     * {@code deletePosts}; a bulk create adds {@code Bulk}: {@code createPostsBulk}.
     */
    static String operationId(HandlerDescriptor handler, Operation operation) {
        StringBuilder id = new StringBuilder(operation.single().name().toLowerCase(Locale.ROOT));
        for (String part : handler.name().split("[-_]")) {
            if (!part.isEmpty()) {
                id.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return operation.isBulk() ? id.append("Bulk").toString() : id.toString();
    }

    /** "List posts", "Read a post", "Create a post", "Replace a post", "Update a post", "Delete a post". */
    static String summary(HandlerDescriptor handler, Operation operation) {
        String one = Nouns.indefinite(handler.singular());
        return switch (operation) {
            case LIST -> "List " + Nouns.words(handler.name());
            case READ -> "Read " + one;
            case CREATE -> "Create " + one;
            case UPDATE -> "Replace " + one;
            case PATCH -> "Update " + one;
            case DELETE -> "Delete " + one;
            case BULK_PATCH -> "Update " + Nouns.words(handler.name());
            case BULK_DELETE -> "Delete " + Nouns.words(handler.name());
        };
    }

    /** Whether a create takes an array of inputs too, and creates them all in one transaction or none. */
    static boolean bulk(HandlerDescriptor handler) {
        return handler.provides(Operation.CREATE) && handler.createsInBulk();
    }

    /** The errors the pipeline itself can give an operation. */
    static List<Rc> errors(Operation operation, boolean authenticated) {
        List<Rc> errors = new ArrayList<>();
        if (operation != Operation.DELETE) {
            errors.add(Rc.BAD_REQUEST);
        }
        errors.add(Rc.UNAUTHORIZED);
        if (authenticated) {
            errors.add(Rc.FORBIDDEN);
        }
        if (operation.target() == Operation.Target.ITEM) {
            errors.add(Rc.NOT_FOUND);
        }
        errors.add(Rc.NOT_ACCEPTABLE);
        if (operation.hasBody()) {
            errors.add(Rc.PAYLOAD_TOO_LARGE);
            errors.add(Rc.UNSUPPORTED_MEDIA_TYPE);
        }
        errors.add(Rc.INTERNAL_ERROR);
        return errors;
    }

    /** The handler method behind an operation: where a user's annotations are read. */
    static Method method(HandlerDescriptor handler, Operation operation) {
        Method found = null;
        for (Method method : handler.handlerClass().getMethods()) {
            if (method.getName().equals(operation.javaMethod())
                    && method.getParameterCount() == operation.parameters()
                    && !method.isBridge()
                    && (found == null || found.getDeclaringClass().isAssignableFrom(method.getDeclaringClass()))) {
                found = method;
            }
        }
        return found;
    }

    /** What an operation's method returns, resolved against the handler class. */
    JavaType resultType(HandlerDescriptor handler, Operation operation) {
        Method method = method(handler, operation);
        if (method == null) {
            return types.constructType(Object.class);
        }
        JavaType declaring = types.constructType(handler.handlerClass()).findSuperType(method.getDeclaringClass());
        return types.resolveMemberType(
                method.getGenericReturnType(),
                declaring != null ? declaring.getBindings() : TypeBindings.emptyBindings());
    }
}
