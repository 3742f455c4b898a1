package io.pistonee.openapi.internal;

import io.pistonee.emitter.Emitter;
import io.pistonee.handler.Operation;
import io.pistonee.handler.internal.HandlerDescriptor;
import io.pistonee.parser.Parser;
import io.pistonee.parser.PatchParser;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.parameters.RequestBody;

/**
 * What an operation takes: its parameters (the item's id, {@code ?format=}, {@code ?fields=}, a
 * collection's paging, filters and sort, the conditional headers) and its body in every format a
 * parser reads (the two patch formats for PATCH; one item or an array for a bulk create).
 */
final class RequestDocs {

    private final HandlerSchemas schemas;
    private final List<Emitter> emitters;
    private final List<Parser> parsers;
    private final PathDocs.Conventions conventions;

    RequestDocs(
            HandlerSchemas schemas, List<Emitter> emitters, List<Parser> parsers, PathDocs.Conventions conventions) {
        this.schemas = schemas;
        this.emitters = List.copyOf(emitters);
        this.parsers = List.copyOf(parsers);
        this.conventions = conventions;
    }

    List<Parameter> parameters(HandlerDescriptor handler, Operation operation) {
        List<Parameter> parameters = new ArrayList<>();
        if (operation.target() == Operation.Target.ITEM) {
            parameters.add(OASFactory.createParameter()
                    .name(PathDocs.ID)
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

    RequestBody requestBody(HandlerDescriptor handler, Operation operation) {
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
        boolean bulk = operation == Operation.CREATE && PathDocs.bulk(handler);
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

    /** A media type without its parameters ({@code text/csv}, not {@code text/csv;header=present}). */
    private static String plain(MediaType type) {
        return type.getType() + "/" + type.getSubtype();
    }
}
