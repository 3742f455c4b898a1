package io.pistonee.openapi.internal;

import io.pistonee.emitter.Emitter;
import io.pistonee.handler.Operation;
import io.pistonee.handler.internal.HandlerDescriptor;
import io.pistonee.problem.Rc;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * What an operation answers: its success in every format an emitter writes (a created item with
 * {@code Location}; the conventions' headers), 304 where a read may be conditional, and every
 * problem it can give.
 */
final class ResponseDocs {

    private final HandlerSchemas schemas;
    private final ProblemDocs problems;
    private final List<Emitter> emitters;
    private final PathDocs.Conventions conventions;

    ResponseDocs(
            HandlerSchemas schemas, ProblemDocs problems, List<Emitter> emitters, PathDocs.Conventions conventions) {
        this.schemas = schemas;
        this.problems = problems;
        this.emitters = List.copyOf(emitters);
        this.conventions = conventions;
    }

    /** The answers of an operation; {@code bulk} for the create of an array ({@code createPostsBulk}). */
    APIResponses responses(HandlerDescriptor handler, Operation operation, boolean bulk, boolean authenticated) {
        APIResponses responses = OASFactory.createAPIResponses();
        APIResponse success = switch (operation) {
            case LIST -> result("The items.", schemas.list(handler));
            case READ -> result("The item.", schemas.item(handler, operation));
            case CREATE ->
                bulk
                        ? result(
                                "Created; the body is every new item, in order (none with `Prefer: return=minimal`).",
                                schemas.items(handler))
                        : created(handler);
            case UPDATE, PATCH -> result("The item as stored.", schemas.item(handler, Operation.UPDATE));
            case DELETE -> OASFactory.createAPIResponse().description("Deleted.");
            case BULK_PATCH -> result("Every item as stored, in the order of the patches.", schemas.items(handler));
            case BULK_DELETE -> OASFactory.createAPIResponse().description("Every selected item was deleted.");
        };
        if (!bulk) {
            conventions.conditions().headers(success, handler, operation);
        }
        if (operation == Operation.LIST) {
            conventions.collections().headers(success, handler);
        }
        conventions.throttles().headers(success, handler, operation);
        vary(success, operation);
        responses.addAPIResponse(String.valueOf(successStatus(operation)), success);
        if (prefers(operation)) {
            preferenceApplied(
                    success,
                    operation == Operation.CREATE
                            ? "`return=minimal` or `return=representation`, when the request prefers it."
                            : "`return=representation`, when the request prefers it.");
            if (operation != Operation.CREATE) {
                responses.addAPIResponse(String.valueOf(Rc.DELETED.status()), minimal(handler, operation));
            }
        }
        conventions
                .conditions()
                .notModified(handler, operation)
                .ifPresent(notModified -> responses.addAPIResponse("304", notModified));
        for (Rc rc : errors(handler, operation, authenticated)) {
            responses.addAPIResponse(String.valueOf(rc.status()), problems.reference(rc));
        }
        return responses;
    }

    /** Whether the answer of an operation has a minimal form ({@code Prefer: return=minimal}). */
    static boolean prefers(Operation operation) {
        return operation == Operation.CREATE
                || operation == Operation.UPDATE
                || operation == Operation.PATCH
                || operation == Operation.BULK_PATCH;
    }

    private static void vary(APIResponse response, Operation operation) {
        response.addHeader(
                "Vary",
                Typed.header(
                        prefers(operation)
                                ? "`Prefer, Accept, Authorization`: the answer depends on the preference, the format"
                                        + " and the caller."
                                : "`Accept, Authorization`: the answer depends on the format and on the caller.",
                        SchemaType.STRING));
    }

    private static void preferenceApplied(APIResponse response, String description) {
        response.addHeader("Preference-Applied", Typed.header(description, SchemaType.STRING));
    }

    /** 204 for an update whose client prefers {@code return=minimal}: no body, the item's new tag. */
    private APIResponse minimal(HandlerDescriptor handler, Operation operation) {
        APIResponse minimal =
                OASFactory.createAPIResponse().description("Updated, with `Prefer: return=minimal`: no body.");
        conventions.conditions().headers(minimal, handler, operation);
        conventions.throttles().headers(minimal, handler, operation);
        preferenceApplied(minimal, "`return=minimal`.");
        vary(minimal, operation);
        return minimal;
    }

    private static int successStatus(Operation operation) {
        return switch (operation) {
            case CREATE -> Rc.CREATED.status();
            case DELETE, BULK_DELETE -> Rc.DELETED.status();
            default -> Rc.ALL_OK.status();
        };
    }

    private APIResponse created(HandlerDescriptor handler) {
        APIResponse created = result(
                "Created; the body is the new item (none with `Prefer: return=minimal`).",
                schemas.item(handler, Operation.CREATE));
        location(created, handler);
        return created;
    }

    private static void location(APIResponse created, HandlerDescriptor handler) {
        if (handler.isModelHandler()) {
            created.addHeader(
                    "Location",
                    OASFactory.createHeader()
                            .description("The new item's URL.")
                            .schema(Typed.schema(SchemaType.STRING).format("uri")));
        }
    }

    /** The errors an operation can give: the pipeline's, and those of the REST conventions that apply. */
    private List<Rc> errors(HandlerDescriptor handler, Operation operation, boolean authenticated) {
        Set<Rc> errors = new TreeSet<>(PathDocs.errors(operation, authenticated));
        if (operation.hasBody() || operation.single() == Operation.DELETE) {
            errors.add(Rc.DUPLICATE_ENTRY);
        }
        errors.addAll(BulkDocs.errors(operation));
        errors.addAll(conventions.conditions().errors(handler, operation));
        if (conventions.throttles().throttled(handler, operation)) {
            errors.add(Rc.THROTTLED);
        }
        errors.add(Rc.UNAVAILABLE);
        return List.copyOf(errors);
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
        boolean text = "text".equals(type.getType())
                || type.getSubtype().endsWith("+json")
                || type.getSubtype().endsWith("+xml");
        Schema written =
                Typed.schema(SchemaType.STRING).description("The same fields in the " + emitter.format() + " format.");
        return text ? written : written.format("binary");
    }
}
