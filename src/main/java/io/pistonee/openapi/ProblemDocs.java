package io.pistonee.openapi;

import io.pistonee.emitter.Emitter;
import io.pistonee.problem.Problem;
import io.pistonee.problem.Rc;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
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

    private static final Map<Rc, String> WHEN = Map.of(
            Rc.BAD_REQUEST,
            "The request is malformed: a body that does not parse or bind, a failed validation (`errors` lists"
                    + " each field), or a malformed `fields` parameter.",
            Rc.UNAUTHORIZED,
            "The credentials are missing (where the operation needs them), malformed or wrong;"
                    + " `WWW-Authenticate` names the schemes.",
            Rc.FORBIDDEN,
            "The caller is authenticated but may not do this: a role it lacks, or the handler's own rule.",
            Rc.NOT_FOUND,
            "There is no item with this id (an id that does not convert names nothing).",
            Rc.NOT_ACCEPTABLE,
            "No format satisfies `format`, the path's `.format` suffix or `Accept`; `formats` lists those on"
                    + " offer. Nothing has run.",
            Rc.PAYLOAD_TOO_LARGE,
            "The body is larger than `piston.max-body-bytes`.",
            Rc.UNSUPPORTED_MEDIA_TYPE,
            "No parser reads the body's `Content-Type`; the problem lists those read.",
            Rc.INTERNAL_ERROR,
            "An unexpected failure; `incident` names the log entry. Nothing of the cause is sent.");

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
        if (rc == Rc.UNAUTHORIZED) {
            response.addHeader(
                    "WWW-Authenticate",
                    OASFactory.createHeader()
                            .description("The challenges: `Basic` and `Bearer`.")
                            .schema(Typed.schema(SchemaType.STRING)));
        }
        return response;
    }

    private static Schema schema() {
        Schema error = Typed.schema(SchemaType.OBJECT)
                .addProperty("field", string("The field as the client wrote it."))
                .addProperty("message", string("What is wrong with it."))
                .addProperty("rejected", OASFactory.createSchema().description("The value that was rejected."));
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
                .addProperty("incident", string("The id of the log entry (500)."))
                .additionalPropertiesBoolean(true);
    }

    private static Schema string(String description) {
        return Typed.schema(SchemaType.STRING).description(description);
    }
}
