package io.pistonee.openapi.internal;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import io.pistonee.fields.internal.FieldSpec;
import io.pistonee.handler.Operation;
import io.pistonee.handler.internal.HandlerDescriptor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

/**
 * The schemas of each handler's representations, one per request and per response so that generated
 * clients get one type for each (never a {@code oneOf}). A model handler's are named components, after
 * the handler: {@code posts} (an item under its {@code fields}), {@code posts_list} (an item of the
 * collection, when {@code listFields} differs), {@code posts_input} (what create and update bind;
 * {@code posts_create} and {@code posts_update} when those differ), {@code posts_patch} (a merge
 * patch: the update input with nothing required) and {@code posts_filter} (a collection's filters).
 * The anonymous twin's fields are merged into the handler's item schemas. A handler tied to no model
 * is described inline, from what its methods return.
 */
final class HandlerSchemas {

    private final SchemaDocs docs;
    private final BiFunction<HandlerDescriptor, Operation, JavaType> resultTypes;
    private final Function<HandlerDescriptor, Optional<HandlerDescriptor>> anonymous;
    private final Map<String, Schema> components = new TreeMap<>();

    HandlerSchemas(
            SchemaDocs docs,
            BiFunction<HandlerDescriptor, Operation, JavaType> resultTypes,
            Function<HandlerDescriptor, Optional<HandlerDescriptor>> anonymous) {
        this.docs = docs;
        this.resultTypes = resultTypes;
        this.anonymous = anonymous;
    }

    /**
     * What LIST answers: an array of one item type, whoever asks. Where the handler's anonymous twin
     * lists other fields, the item has the fields of both (output fields are never required), and its
     * description says which fields only some callers get.
     */
    Schema list(HandlerDescriptor handler) {
        if (!handler.isModelHandler()) {
            return merged(
                    docs.value(resultTypes.apply(handler, Operation.LIST), handler.listFields(), new HashSet<>()),
                    twin(handler, Operation.LIST)
                            .map(twin -> docs.value(
                                    resultTypes.apply(twin, Operation.LIST), twin.listFields(), new HashSet<>())),
                    handler);
        }
        String name = listName(handler);
        register(name, () -> shape(handler, name));
        return Typed.schema(SchemaType.ARRAY).items(OASFactory.createSchema().ref(name));
    }

    /** What READ, CREATE and UPDATE answer: one item type, with the anonymous twin's fields as for LIST. */
    Schema item(HandlerDescriptor handler, Operation operation) {
        if (!handler.isModelHandler()) {
            Operation read = operation == Operation.READ ? Operation.READ : null;
            return merged(
                    docs.value(resultTypes.apply(handler, operation), handler.fields(), new HashSet<>()),
                    read == null
                            ? Optional.empty()
                            : twin(handler, read)
                                    .map(twin ->
                                            docs.value(resultTypes.apply(twin, read), twin.fields(), new HashSet<>())),
                    handler);
        }
        register(handler.name(), () -> shape(handler, handler.name()));
        return OASFactory.createSchema().ref(handler.name());
    }

    /** What a bulk create answers: the new items. */
    Schema items(HandlerDescriptor handler) {
        return Typed.schema(SchemaType.ARRAY).items(item(handler, Operation.CREATE));
    }

    /**
     * A model handler's named item schema ({@code posts} or {@code posts_list}): the handler's fields,
     * and the twin's where the twin serves what the schema describes.
     */
    private Schema shape(HandlerDescriptor handler, String name) {
        boolean listed = name.equals(listName(handler));
        boolean read = name.equals(handler.name());
        Schema schema = docs.item(handler, read ? handler.fields() : handler.listFields(), null);
        Optional<HandlerDescriptor> twin = anonymous.apply(handler);
        if (twin.isEmpty()) {
            return schema;
        }
        Schema anonymousShape = OASFactory.createSchema();
        if (read && twin.get().provides(Operation.READ)) {
            mergeProperties(anonymousShape, docs.item(handler, twin.get().fields(), null));
        }
        if (listed && twin.get().provides(Operation.LIST)) {
            mergeProperties(anonymousShape, docs.item(handler, twin.get().listFields(), null));
        }
        return anonymousShape.getProperties() == null ? schema : merged(schema, Optional.of(anonymousShape), handler);
    }

    /** The twin, where it serves an operation. */
    private Optional<HandlerDescriptor> twin(HandlerDescriptor handler, Operation operation) {
        return anonymous.apply(handler).filter(twin -> twin.provides(operation));
    }

    /**
     * One schema for what authenticated and anonymous callers get: the handler's, with the twin's
     * fields it lacks, described. Shapes that are not both objects (or arrays of objects) stay the
     * handler's.
     */
    private static Schema merged(Schema own, Optional<Schema> twinShape, HandlerDescriptor handler) {
        if (twinShape.isEmpty()) {
            return own;
        }
        Schema anonymousShape = twinShape.get();
        if (own.getItems() != null && anonymousShape.getItems() != null) {
            own.items(merged(own.getItems(), Optional.of(anonymousShape.getItems()), handler));
            return own;
        }
        if (own.getProperties() == null || anonymousShape.getProperties() == null) {
            return own;
        }
        List<String> authenticatedOnly = new ArrayList<>(own.getProperties().keySet());
        authenticatedOnly.removeAll(anonymousShape.getProperties().keySet());
        List<String> anonymousOnly =
                new ArrayList<>(anonymousShape.getProperties().keySet());
        anonymousOnly.removeAll(own.getProperties().keySet());
        mergeProperties(own, anonymousShape);
        String twin = handler.anonymousTwin()
                .map(t -> "`" + t.handlerClass().getSimpleName() + "`")
                .orElse("the anonymous handler");
        String note = (authenticatedOnly.isEmpty()
                        ? ""
                        : " Anonymous callers (" + twin + ") do not get " + names(authenticatedOnly) + ".")
                + (anonymousOnly.isEmpty()
                        ? ""
                        : " Only anonymous callers (" + twin + ") get " + names(anonymousOnly) + ".");
        if (!note.isEmpty()) {
            own.description((own.getDescription() == null ? "" : own.getDescription()) + note);
            own.setDescription(own.getDescription().strip());
        }
        return own;
    }

    private static void mergeProperties(Schema target, Schema source) {
        if (source.getProperties() != null) {
            source.getProperties().forEach((name, property) -> {
                if (target.getProperties() == null || !target.getProperties().containsKey(name)) {
                    target.addProperty(name, property);
                }
            });
        }
    }

    private static String names(List<String> names) {
        return names.stream().map(name -> "`" + name + "`").collect(Collectors.joining(", "));
    }

    /** The name of a model handler's list item schema: {@code posts}, or {@code posts_list} when it lists other fields. */
    private static String listName(HandlerDescriptor handler) {
        return sameSpec(handler.listFields(), handler.fields()) ? handler.name() : handler.name() + "_list";
    }

    /** What CREATE and UPDATE read. */
    Schema input(HandlerDescriptor handler, Operation operation) {
        JavaType type = operation == Operation.CREATE ? handler.createInput() : handler.updateInput();
        JavaType other = operation == Operation.CREATE ? handler.updateInput() : handler.createInput();
        Schema schema = docs.input(type, new HashSet<>());
        if (schema.getProperties() == null || schema.getProperties().isEmpty()) {
            return schema;
        }
        String name = handler.name() + (other == null || other.equals(type) ? "_input" : "_" + lower(operation));
        components.putIfAbsent(name, schema);
        return OASFactory.createSchema().ref(name);
    }

    /**
     * What a merge patch (RFC 7396) of an item holds: the update input's properties, none of them
     * required, named {@code posts_patch}; a handler whose input has no properties takes any object.
     */
    Schema patch(HandlerDescriptor handler) {
        Schema schema = docs.input(handler.updateInput(), new HashSet<>());
        if (schema.getProperties() == null || schema.getProperties().isEmpty()) {
            return Typed.schema(SchemaType.OBJECT).description("RFC 7396: the fields to change; `null` removes one.");
        }
        schema.setRequired(null);
        schema.description("RFC 7396 merge patch: the fields to change, as in `"
                + input(handler, Operation.UPDATE).getRef().replaceFirst(".*/", "")
                + "`; a field left out keeps its value.");
        String name = handler.name() + "_patch";
        components.putIfAbsent(name, schema);
        return OASFactory.createSchema().ref(name);
    }

    /**
     * One item of a bulk patch, named {@code posts_bulk_patch}: the merge patch's properties
     * ({@code posts_patch}), with the item's {@code id} (required) and, where the model has one, its
     * {@code version}.
     */
    Schema bulkPatch(HandlerDescriptor handler) {
        String name = handler.name() + "_bulk_patch";
        register(name, () -> {
            Schema schema = docs.input(handler.updateInput(), new HashSet<>());
            schema.setRequired(null);
            schema.addProperty("id", id(handler).description("The item's id."));
            schema.addRequired("id");
            BulkDocs.versionType(handler.model())
                    .ifPresent(version -> schema.addProperty(
                            "version",
                            docs.value(TypeFactory.defaultInstance().constructType(version), null, new HashSet<>())
                                    .description("The item's version as read: 412 for this item if it changed.")));
            return schema.description(
                    "An RFC 7396 merge patch of the item `id` names; a field left out keeps its" + " value.");
        });
        return OASFactory.createSchema().ref(name);
    }

    /** A named schema of the handler's, made once: {@code posts_filter}. */
    Schema named(String name, Supplier<Schema> schema) {
        register(name, schema);
        return OASFactory.createSchema().ref(name);
    }

    /** The schema of the path id. */
    Schema id(HandlerDescriptor handler) {
        return docs.value(handler.idType(), null, new HashSet<>());
    }

    /** What the handler says about an operation: who serves it and which fields it emits or reads. */
    String describe(HandlerDescriptor handler, Operation operation) {
        String servedBy = "Handled by `" + handler.handlerClass().getSimpleName() + "`"
                + (handler.isModelHandler() ? " (model `" + handler.model().getSimpleName() + "`)" : "") + ".";
        FieldSpec spec = operation == Operation.LIST ? handler.listFields() : handler.fields();
        return operation == Operation.DELETE ? servedBy : servedBy + " Fields: " + fields(handler, spec) + ".";
    }

    private static String fields(HandlerDescriptor handler, FieldSpec spec) {
        if (!spec.isDefault()) {
            return "`" + spec + "`";
        }
        return handler.isModelHandler()
                ? "every property of " + handler.model().getSimpleName() + ", related entities as ids"
                : "whatever the handler returns";
    }

    /** The named schemas so far. */
    void addTo(Components target) {
        components.forEach(target::addSchema);
    }

    private void register(String name, Supplier<Schema> schema) {
        if (!components.containsKey(name)) {
            components.put(name, schema.get());
        }
    }

    private static boolean sameSpec(FieldSpec a, FieldSpec b) {
        return a == b
                || (a.toString().equals(b.toString())
                        && a.exclude().toString().equals(b.exclude().toString()));
    }

    private static String lower(Operation operation) {
        return operation.name().toLowerCase(java.util.Locale.ROOT);
    }
}
