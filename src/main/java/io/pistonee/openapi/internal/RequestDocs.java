package io.pistonee.openapi.internal;

import io.pistonee.emitter.Emitter;
import io.pistonee.handler.Operation;
import io.pistonee.handler.internal.HandlerDescriptor;
import io.pistonee.parser.Parser;
import io.pistonee.parser.PatchParser;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.parameters.RequestBody;

/**
 * What an operation takes: its parameters (the item's id, {@code ?format=}, {@code ?fields=}, a
 * collection's paging, filters and sort, the conditional headers, {@code Prefer} on writes) and its body in every format a
 * parser reads (a merge patch for PATCH; an array for a bulk create).
 */
final class RequestDocs {

    private final HandlerSchemas schemas;
    private final List<Emitter> emitters;
    private final List<Parser> parsers;
    private final PathDocs.Conventions conventions;
    private final Function<HandlerDescriptor, Map<String, HandlerDescriptor>> owners;

    RequestDocs(
            HandlerSchemas schemas,
            List<Emitter> emitters,
            List<Parser> parsers,
            Function<HandlerDescriptor, Map<String, HandlerDescriptor>> owners,
            PathDocs.Conventions conventions) {
        this.schemas = schemas;
        this.owners = owners;
        this.emitters = List.copyOf(emitters);
        this.parsers = List.copyOf(parsers);
        this.conventions = conventions;
    }

    List<Parameter> parameters(HandlerDescriptor handler, Operation operation) {
        List<Parameter> parameters = templateParameters(handler);
        if (operation.target() == Operation.Target.ITEM) {
            String key = handler.mount().key();
            parameters.add(OASFactory.createParameter()
                    .name(handler.mount().itemParameter())
                    .in(Parameter.In.PATH)
                    .required(true)
                    .description(key == null ? "The item's id." : "The item's " + key + ".")
                    .schema(schemas.id(handler)));
        }
        parameters.add(formatParameter());
        if (operation.single() != Operation.DELETE) {
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
        if (operation == Operation.BULK_DELETE) {
            parameters.addAll(conventions.collections().filterParameters(handler));
        }
        parameters.addAll(conventions.conditions().parameters(handler, operation));
        if (ResponseDocs.prefers(operation)) {
            parameters.add(preferParameter());
        }
        return parameters;
    }

    /**
     * The parameters of a handler's path template ({@code username} of {@code authors/{username}/posts}):
     * typed as the id of the handler whose item the prefix ending there is, else text.
     */
    private List<Parameter> templateParameters(HandlerDescriptor handler) {
        List<Parameter> parameters = new ArrayList<>();
        Map<String, HandlerDescriptor> parents = owners.apply(handler);
        for (String name : handler.mount().parameters()) {
            HandlerDescriptor owner = parents.get(name);
            parameters.add(OASFactory.createParameter()
                    .name(name)
                    .in(Parameter.In.PATH)
                    .required(true)
                    .description(
                            owner == null
                                    ? "A value of the path."
                                    : "The " + owner.singular() + "'s "
                                            + owner.mount().itemParameter() + " (`" + owner.name()
                                            + "`); 404 when there is none.")
                    .schema(owner == null ? Typed.schema(SchemaType.STRING) : schemas.id(owner)));
        }
        return parameters;
    }

    /** {@code Prefer} (RFC 7240) on the writes that answer with the item. */
    private static Parameter preferParameter() {
        return OASFactory.createParameter()
                .name("Prefer")
                .in(Parameter.In.HEADER)
                .description("`return=minimal`: the same answer without a body (a create 201 with `Location` and"
                        + " `ETag`, an update 204 with `ETag`) and `Preference-Applied: return=minimal`;"
                        + " `return=representation`, the default, answers with the item. Other preferences"
                        + " are ignored (RFC 7240).")
                .schema(Typed.schema(SchemaType.STRING));
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

    /**
     * The body of a write: one schema in every format a parser reads. PATCH documents the merge patch
     * ({@code posts_patch}) only, so that a generated client sends it typed; a JSON Patch is accepted
     * as well, which its description says. A bulk create takes a non-empty array of inputs.
     */
    RequestBody requestBody(HandlerDescriptor handler, Operation operation, boolean bulk) {
        Content content = OASFactory.createContent();
        if (operation == Operation.PATCH) {
            content.addMediaType(
                    PatchParser.MERGE_PATCH, OASFactory.createMediaType().schema(schemas.patch(handler)));
            return OASFactory.createRequestBody()
                    .required(true)
                    .description("An RFC 7396 merge patch: the fields to change; `null` removes one. An RFC 6902 JSON"
                            + " Patch (`" + PatchParser.JSON_PATCH + "`: operations `op`, `path`, `value`, `from`) is"
                            + " accepted too.")
                    .content(content);
        }
        if (operation == Operation.BULK_PATCH) {
            content.addMediaType(
                    MediaType.APPLICATION_JSON,
                    OASFactory.createMediaType()
                            .schema(Typed.schema(SchemaType.ARRAY)
                                    .items(schemas.bulkPatch(handler))
                                    .minItems(1)));
            return OASFactory.createRequestBody()
                    .required(true)
                    .description("The merge patches, each with its item's `id` (and, to update only the version"
                            + " read, its `version`), applied in one transaction, or none.")
                    .content(content);
        }
        Schema input = schemas.input(handler, operation);
        for (Parser parser : parsers) {
            for (MediaType type : parser.mediaTypes()) {
                if (!PatchParser.TYPES.contains(type) && (!bulk || carriesArrays(type))) {
                    content.addMediaType(
                            plain(type),
                            OASFactory.createMediaType()
                                    .schema(
                                            bulk
                                                    ? Typed.schema(SchemaType.ARRAY)
                                                            .items(input)
                                                            .minItems(1)
                                                    : input));
                }
            }
        }
        RequestBody body = OASFactory.createRequestBody().required(true).content(content);
        return bulk
                ? body.description("The items (JSON, YAML, XML), created in one transaction or none: every item is"
                        + " bound and validated first, and a 400 lists each item's errors with `field` as"
                        + " `[index].field`.")
                : body;
    }

    /** Whether a body format can hold an array (forms cannot). */
    private static boolean carriesArrays(MediaType type) {
        return !type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE) && !"multipart".equals(type.getType());
    }

    /** A media type without its parameters ({@code text/csv}, not {@code text/csv;header=present}). */
    private static String plain(MediaType type) {
        return type.getType() + "/" + type.getSubtype();
    }
}
