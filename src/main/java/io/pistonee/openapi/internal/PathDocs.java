package io.pistonee.openapi.internal;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeBindings;
import com.fasterxml.jackson.databind.type.TypeFactory;
import io.pistonee.emitter.Emitter;
import io.pistonee.handler.Operation;
import io.pistonee.handler.internal.HandlerDescriptor;
import io.pistonee.parser.Parser;
import io.pistonee.parser.PatchParser;
import io.pistonee.problem.Rc;
import jakarta.ws.rs.core.MediaType;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.parameters.RequestBody;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * The operations of one handler: {@code /api/{name}} and {@code /api/{name}/{id}} with exactly the
 * operations it provides, their parameters, bodies in every format a parser reads, results in every
 * format an emitter writes, and the errors each can give.
 */
final class PathDocs {

    /** The parameter of an item's path. */
    static final String ID = "id";

    private final String apiPath;
    private final HandlerSchemas schemas;
    private final ProblemDocs problems;
    private final List<Emitter> emitters;
    private final List<Parser> parsers;
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
            Conventions conventions) {
        this.apiPath = apiPath;
        this.schemas = schemas;
        this.problems = problems;
        this.emitters = List.copyOf(emitters);
        this.parsers = List.copyOf(parsers);
        this.types = types;
        this.security = security;
        this.anonymous = anonymous;
        this.conventions = conventions;
    }

    /** The path of a handler's collection ({@code /api/posts}). */
    String collectionPath(HandlerDescriptor handler) {
        return apiPath + "/" + handler.name();
    }

    /** The path of a handler's items ({@code /api/posts/{id}}). */
    String itemPath(HandlerDescriptor handler) {
        return collectionPath(handler) + "/{" + ID + "}";
    }

    /** The path item of a target, or {@code null} when the handler provides nothing there. */
    PathItem pathItem(HandlerDescriptor handler, Operation.Target target) {
        PathItem item = OASFactory.createPathItem();
        boolean any = false;
        for (Operation operation : handler.operations()) {
            Method method = method(handler, operation);
            if (operation.target() == target && !Annotations.hidden(method)) {
                item.setOperation(PathItem.HttpMethod.valueOf(operation.httpMethod()), operation(handler, operation));
                any = true;
            }
        }
        return any ? item : null;
    }

    private org.eclipse.microprofile.openapi.models.Operation operation(
            HandlerDescriptor handler, Operation operation) {
        Optional<HandlerDescriptor> twin = anonymous.apply(handler);
        boolean authenticated = SecurityDocs.requiresAuthentication(handler, twin, operation);
        var generated = OASFactory.createOperation()
                .operationId(operationId(handler, operation))
                .summary(summary(handler, operation))
                .description(schemas.describe(handler, operation)
                        + SecurityDocs.roles(handler, operation)
                        + anonymousNote(twin, operation, authenticated)
                        + (operation == Operation.LIST
                                ? conventions.collections().describe(handler)
                                : "")
                        + conventions.throttles().describe(handler, operation))
                .addTag(handler.name())
                .parameters(parameters(handler, operation))
                .responses(responses(handler, twin, operation, authenticated))
                .security(security.requirements(authenticated));
        if (operation.hasBody()) {
            generated.requestBody(requestBody(handler, operation));
        }
        conventions.throttles().extend(generated, handler, operation);
        Annotations.override(generated, method(handler, operation));
        return generated;
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

    /** {@code listPosts}, {@code readPosts}, {@code createPosts}, {@code updatePosts}, {@code deletePosts}. */
    static String operationId(HandlerDescriptor handler, Operation operation) {
        StringBuilder id = new StringBuilder(operation.name().toLowerCase(Locale.ROOT));
        for (String part : handler.name().split("[-_]")) {
            if (!part.isEmpty()) {
                id.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return id.toString();
    }

    private static String summary(HandlerDescriptor handler, Operation operation) {
        return switch (operation) {
            case LIST -> "List " + handler.name();
            case READ -> "Read one of " + handler.name();
            case CREATE -> "Create one in " + handler.name();
            case UPDATE -> "Replace one of " + handler.name();
            case PATCH -> "Change some fields of one of " + handler.name();
            case DELETE -> "Delete one of " + handler.name();
        };
    }

    private List<Parameter> parameters(HandlerDescriptor handler, Operation operation) {
        List<Parameter> parameters = new ArrayList<>();
        if (operation.target() == Operation.Target.ITEM) {
            parameters.add(OASFactory.createParameter()
                    .name(ID)
                    .in(Parameter.In.PATH)
                    .required(true)
                    .description("The item's id.")
                    .schema(schemas.id(handler)));
        }
        parameters.add(formatParameter());
        if (operation != Operation.DELETE) {
            parameters.add(OASFactory.createParameter()
                    .name("fields")
                    .in(Parameter.In.QUERY)
                    .description("Narrows the handler's fields, in the field-spec grammar:"
                            + " `title,author(username)`. Names the handler does not emit are ignored.")
                    .schema(Typed.schema(SchemaType.STRING)));
        }
        if (operation == Operation.LIST) {
            parameters.addAll(conventions.collections().parameters(handler));
        }
        parameters.addAll(conventions.conditions().parameters(handler, operation));
        return parameters;
    }

    private Parameter formatParameter() {
        Schema formats = Typed.schema(SchemaType.STRING);
        emitters.forEach(emitter -> formats.addEnumeration(emitter.format()));
        return OASFactory.createParameter()
                .name("format")
                .in(Parameter.In.QUERY)
                .description("The response format, over `Accept`; a `.format` suffix on the path does the same.")
                .schema(formats);
    }

    private RequestBody requestBody(HandlerDescriptor handler, Operation operation) {
        Content content = OASFactory.createContent();
        if (operation == Operation.PATCH) {
            content.addMediaType(
                    PatchParser.MERGE_PATCH,
                    OASFactory.createMediaType()
                            .schema(Typed.schema(SchemaType.OBJECT)
                                    .description("RFC 7396: the fields to change, as in `" + handler.name()
                                            + "_input`; `null` removes one.")));
            content.addMediaType(
                    PatchParser.JSON_PATCH,
                    OASFactory.createMediaType()
                            .schema(Typed.schema(SchemaType.ARRAY)
                                    .items(Typed.schema(SchemaType.OBJECT))
                                    .description("RFC 6902: operations (`op`, `path`, `value`, `from`).")));
            return OASFactory.createRequestBody().required(true).content(content);
        }
        Schema input = schemas.input(handler, operation);
        boolean bulk = operation == Operation.CREATE && bulk(handler);
        for (Parser parser : parsers) {
            for (MediaType type : parser.mediaTypes()) {
                if (!PatchParser.TYPES.contains(type)) {
                    content.addMediaType(
                            plain(type),
                            OASFactory.createMediaType()
                                    .schema(bulk && carriesArrays(type) ? oneOrMany(input) : input));
                }
            }
        }
        RequestBody body = OASFactory.createRequestBody().required(true).content(content);
        return bulk
                ? body.description("One item, or an array of items (JSON, YAML, XML) created in one transaction or"
                        + " none: every item is bound and validated first, and a 400 lists each item's errors"
                        + " with `field` as `[index].field`.")
                : body;
    }

    private static Schema oneOrMany(Schema input) {
        return OASFactory.createSchema()
                .addOneOf(input)
                .addOneOf(Typed.schema(SchemaType.ARRAY).items(input).minItems(1));
    }

    /** Whether a body format can hold an array (forms cannot). */
    private static boolean carriesArrays(MediaType type) {
        return !type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE) && !"multipart".equals(type.getType());
    }

    private APIResponses responses(
            HandlerDescriptor handler, Optional<HandlerDescriptor> twin, Operation operation, boolean authenticated) {
        APIResponses responses = OASFactory.createAPIResponses();
        APIResponse success = switch (operation) {
            case LIST -> result("The items.", schemas.list(handler, twin));
            case READ -> result("The item.", schemas.item(handler, twin, operation));
            case CREATE -> created(handler);
            case UPDATE, PATCH -> result("The item as stored.", schemas.item(handler, Operation.UPDATE));
            case DELETE -> OASFactory.createAPIResponse().description("Deleted.");
        };
        conventions.conditions().headers(success, handler, operation);
        if (operation == Operation.LIST) {
            conventions.collections().headers(success, handler);
        }
        conventions.throttles().headers(success, handler, operation);
        success.addHeader(
                "Vary",
                Typed.header(
                        "`Accept, Authorization`: the answer depends on the format and on the caller.",
                        SchemaType.STRING));
        responses.addAPIResponse(String.valueOf(successStatus(operation)), success);
        conventions
                .conditions()
                .notModified(handler, operation)
                .ifPresent(notModified -> responses.addAPIResponse("304", notModified));
        for (Rc rc : errors(handler, operation, authenticated)) {
            responses.addAPIResponse(String.valueOf(rc.status()), problems.reference(rc));
        }
        return responses;
    }

    private static int successStatus(Operation operation) {
        return switch (operation) {
            case CREATE -> Rc.CREATED.status();
            case DELETE -> Rc.DELETED.status();
            default -> Rc.ALL_OK.status();
        };
    }

    private APIResponse created(HandlerDescriptor handler) {
        Schema item = schemas.item(handler, Operation.CREATE);
        if (!bulk(handler)) {
            APIResponse created = result("Created; the body is the new item.", item);
            location(created, handler);
            return created;
        }
        APIResponse created = result(
                "Created; the body is the new item, or every new item when an array was sent.",
                OASFactory.createSchema()
                        .addOneOf(item)
                        .addOneOf(Typed.schema(SchemaType.ARRAY).items(item)));
        location(created, handler);
        return created;
    }

    private static void location(APIResponse created, HandlerDescriptor handler) {
        if (handler.isModelHandler()) {
            created.addHeader(
                    "Location",
                    OASFactory.createHeader()
                            .description("The new item's URL (one item created).")
                            .schema(Typed.schema(SchemaType.STRING).format("uri")));
        }
    }

    /** Whether a create takes an array of inputs too, and creates them all in one transaction or none. */
    static boolean bulk(HandlerDescriptor handler) {
        return handler.provides(Operation.CREATE) && handler.createsInBulk();
    }

    /** The errors an operation can give: the pipeline's, and those of the REST conventions that apply. */
    private List<Rc> errors(HandlerDescriptor handler, Operation operation, boolean authenticated) {
        Set<Rc> errors = new TreeSet<>(errors(operation, authenticated));
        if (operation.hasBody() || operation == Operation.DELETE) {
            errors.add(Rc.DUPLICATE_ENTRY);
        }
        errors.addAll(conventions.conditions().errors(handler, operation));
        if (conventions.throttles().throttled(handler, operation)) {
            errors.add(Rc.THROTTLED);
        }
        errors.add(Rc.UNAVAILABLE);
        return List.copyOf(errors);
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

    /** A result in every format: the schema where the format writes the shaped tree, text or bytes otherwise. */
    private APIResponse result(String description, Schema schema) {
        Content content = OASFactory.createContent();
        for (Emitter emitter : emitters) {
            for (MediaType type : emitter.mediaTypes()) {
                content.addMediaType(
                        type.toString(), OASFactory.createMediaType().schema(formatted(emitter, type, schema)));
            }
        }
        return OASFactory.createAPIResponse().description(description).content(content);
    }

    /**
     * Formats that carry problems (JSON, YAML, XML) write the shaped tree itself; the others (CSV,
     * pickle, Django's fixtures) write the same fields in a shape of their own, documented as text or
     * bytes.
     */
    private static Schema formatted(Emitter emitter, MediaType type, Schema schema) {
        if (emitter.problemType() != null) {
            return schema;
        }
        boolean text = "text".equals(type.getType()) || type.getSubtype().endsWith("+json");
        Schema written =
                Typed.schema(SchemaType.STRING).description("The same fields in the " + emitter.format() + " format.");
        return text ? written : written.format("binary");
    }

    /** A media type without its parameters ({@code text/csv}, not {@code text/csv;header=present}). */
    private static String plain(MediaType type) {
        return type.getType() + "/" + type.getSubtype();
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
