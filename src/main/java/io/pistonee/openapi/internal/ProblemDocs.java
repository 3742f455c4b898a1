package io.pistonee.openapi.internal;

import io.pistonee.emitter.Emitter;
import io.pistonee.problem.Problem;
import io.pistonee.problem.Rc;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * The error responses: one RFC 9457 problem schema, written in every format that carries problems
 * (each emitter's {@link Emitter#problemType()}, JSON for the others), and one reusable response per
 * status an operation can give, named after its {@link Rc} ({@code #/components/responses/NOT_FOUND}).
 */
final class ProblemDocs {

    static final String SCHEMA = "Problem";

    private static final String RETRY_AFTER = "Retry-After";

    private static final Map<Rc, String> WHEN = Map.ofEntries(
            Map.entry(
                    Rc.BAD_REQUEST,
                    "The request is malformed: a body that does not parse or bind, a failed validation (`errors`"
                            + " lists each field; `[2].title` for an item of a bulk create), a malformed `fields`"
                            + " parameter, or a collection parameter out of range or not allowed (`limit`,"
                            + " `offset`, `cursor`, a filter, lookup or `sort` field the handler does not list)."),
            Map.entry(
                    Rc.UNAUTHORIZED,
                    "The credentials are missing (where the operation needs them), malformed or wrong;"
                            + " `WWW-Authenticate` names the schemes."),
            Map.entry(
                    Rc.FORBIDDEN,
                    "The caller is authenticated but may not do this: a role it lacks, or the handler's own rule."),
            Map.entry(Rc.NOT_FOUND, "There is no item with this id (an id that does not convert names nothing)."),
            Map.entry(
                    Rc.NOT_ACCEPTABLE,
                    "No format satisfies `format`, the path's `.format` suffix or `Accept`; `formats` lists those on"
                            + " offer. Nothing has run."),
            Map.entry(
                    Rc.DUPLICATE_ENTRY,
                    "The write conflicts with what is stored: a unique or foreign-key constraint, a concurrent"
                            + " change (optimistic lock; 412 instead when `If-Match` was sent), a lock held"
                            + " elsewhere, or a JSON patch that does not apply. Nothing was written."),
            Map.entry(
                    Rc.PRECONDITION_FAILED,
                    "`If-Match`, `If-None-Match` or `If-Unmodified-Since` does not hold for the item as stored;"
                            + " nothing was written, and `ETag` carries the current tag."),
            Map.entry(Rc.PAYLOAD_TOO_LARGE, "The body is larger than `piston.max-body-bytes`."),
            Map.entry(
                    Rc.UNSUPPORTED_MEDIA_TYPE,
                    "No parser reads the body's `Content-Type`; the problem lists those read."),
            Map.entry(
                    Rc.PRECONDITION_REQUIRED,
                    "The write has no `If-Match` and `piston.conditional.require-if-match` is on: read the item"
                            + " and send its `ETag`."),
            Map.entry(
                    Rc.THROTTLED,
                    "The caller has spent the operation's budget (its description and `x-throttle` state it);"
                            + " `Retry-After` says when the window ends."),
            Map.entry(
                    Rc.INTERNAL_ERROR,
                    "An unexpected failure; `incident` names the log entry. Nothing of the cause is sent."),
            Map.entry(
                    Rc.UNAVAILABLE,
                    "The database cannot be reached, or a lock or query timed out; `Retry-After` says when to"
                            + " try again (`piston.unavailable.retry-after`)."));

    private final Set<String> problemTypes = new LinkedHashSet<>();
    private final Set<Rc> used = new LinkedHashSet<>();

    ProblemDocs(List<Emitter> emitters) {
        problemTypes.add(Problem.MEDIA_TYPE);
        for (Emitter emitter : emitters) {
            if (emitter.problemType() != null) {
                problemTypes.add(emitter.problemType().toString());
            }
        }
    }

    /** A reference to the reusable response of a status; the status joins the document's components. */
    APIResponse reference(Rc rc) {
        used.add(rc);
        return OASFactory.createAPIResponse().ref(rc.name());
    }

    /** The problem schema and the responses referenced so far. */
    void addTo(Components components) {
        components.addSchema(SCHEMA, schema());
        for (Rc rc : used.stream().sorted().toList()) {
            components.addResponse(rc.name(), response(rc));
        }
    }

    private APIResponse response(Rc rc) {
        String description = rc.phrase() + ". " + WHEN.getOrDefault(rc, "");
        Content content = OASFactory.createContent();
        for (String type : problemTypes) {
            content.addMediaType(
                    type,
                    OASFactory.createMediaType()
                            .schema(OASFactory.createSchema().ref(SCHEMA)));
        }
        APIResponse response =
                OASFactory.createAPIResponse().description(description.strip()).content(content);
        headers(rc).forEach(response::addHeader);
        return response;
    }

    /** The headers that come with a status. */
    private static Map<String, Header> headers(Rc rc) {
        Map<String, Header> headers = new LinkedHashMap<>();
        switch (rc) {
            case UNAUTHORIZED ->
                headers.put(
                        "WWW-Authenticate", Typed.header("The challenges: `Basic` and `Bearer`.", SchemaType.STRING));
            case PRECONDITION_FAILED -> headers.put("ETag", Typed.header("The item's current tag.", SchemaType.STRING));
            case THROTTLED -> {
                headers.put(RETRY_AFTER, Typed.header("Seconds until the window ends.", SchemaType.INTEGER));
                headers.putAll(ThrottleDocs.rateLimit());
            }
            case UNAVAILABLE ->
                headers.put(RETRY_AFTER, Typed.header("Seconds to wait before trying again.", SchemaType.INTEGER));
            default -> {}
        }
        return headers;
    }

    private static Schema schema() {
        Schema error = Typed.schema(SchemaType.OBJECT)
                .addProperty(
                        "field",
                        string("The field as the client wrote it; `[2].title` for the third item of a bulk create."))
                .addProperty("message", string("What is wrong with it."))
                .addProperty("rejected", OASFactory.createSchema().description("The value that was rejected."));
        Schema failure = Typed.schema(SchemaType.OBJECT)
                .addProperty(
                        "index",
                        Typed.schema(SchemaType.INTEGER)
                                .format("int32")
                                .description("The item's position in a bulk update's array."))
                .addProperty("id", OASFactory.createSchema().description("The item's id."))
                .addProperty(
                        "status",
                        Typed.schema(SchemaType.INTEGER).format("int32").description("What the item alone would get."))
                .addProperty("detail", string("What went wrong with the item."));
        return Typed.schema(SchemaType.OBJECT)
                .description("An RFC 9457 problem. In XML it is `<problem xmlns=\"urn:ietf:rfc:7807\">`.")
                .addRequired("type")
                .addRequired("title")
                .addRequired("status")
                .addProperty(
                        "type", string("A URI naming the kind of problem; `about:blank` when the status says it all."))
                .addProperty("title", string("The status phrase, or the kind of problem."))
                .addProperty("status", Typed.schema(SchemaType.INTEGER).format("int32"))
                .addProperty("detail", string("What went wrong with this request."))
                .addProperty("instance", string("The request's path."))
                .addProperty(
                        "errors",
                        Typed.schema(SchemaType.ARRAY).items(error).description("Each field that is invalid (400)."))
                .addProperty(
                        "formats",
                        Typed.schema(SchemaType.ARRAY)
                                .items(Typed.schema(SchemaType.STRING))
                                .description("The formats on offer (406)."))
                .addProperty(
                        "failures",
                        Typed.schema(SchemaType.ARRAY)
                                .items(failure)
                                .description(
                                        "Each item of a bulk update or delete that failed; nothing was" + " written."))
                .addProperty("incident", string("The id of the log entry (500)."))
                .additionalPropertiesBoolean(true);
    }

    private static Schema string(String description) {
        return Typed.schema(SchemaType.STRING).description(description);
    }
}
