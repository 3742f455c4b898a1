package io.pistonee.openapi.internal;

import com.fasterxml.jackson.databind.JavaType;
import io.pistonee.fields.internal.FieldSpec;
import io.pistonee.handler.Operation;
import io.pistonee.handler.internal.HandlerDescriptor;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiFunction;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

/**
 * The schemas of each handler's representations. A model handler's are named components, after the
 * handler: {@code posts} (an item under its {@code fields}), {@code posts_list} (an item of the
 * collection, when {@code listFields} differs) and {@code posts_input} (what create and update bind;
 * {@code posts_create} and {@code posts_update} when those differ). A handler tied to no model is
 * described inline, from what its methods return.
 */
final class HandlerSchemas {

    private final SchemaDocs docs;
    private final BiFunction<HandlerDescriptor, Operation, JavaType> resultTypes;
    private final Map<String, Schema> components = new TreeMap<>();

    HandlerSchemas(SchemaDocs docs, BiFunction<HandlerDescriptor, Operation, JavaType> resultTypes) {
        this.docs = docs;
        this.resultTypes = resultTypes;
    }

    /**
     * What LIST answers: when the handler's anonymous twin lists with other fields, one of the
     * handler's or the twin's shape.
     */
    Schema list(HandlerDescriptor handler, Optional<HandlerDescriptor> anonymous) {
        Schema schema = list(handler);
        return anonymous
                .filter(twin -> twin.provides(Operation.LIST) && !sameSpec(twin.listFields(), handler.listFields()))
                .map(twin -> either(schema, anonymousList(handler, twin)))
                .orElse(schema);
    }

    /** What READ answers, with the anonymous twin's shape where it reads with other fields. */
    Schema item(HandlerDescriptor handler, Optional<HandlerDescriptor> anonymous, Operation operation) {
        Schema schema = item(handler, operation);
        return anonymous
                .filter(twin -> twin.provides(operation) && !sameSpec(twin.fields(), handler.fields()))
                .map(twin -> either(schema, anonymousItem(handler, twin, twin.fields(), "_anonymous", operation)))
                .orElse(schema);
    }

    private Schema anonymousList(HandlerDescriptor handler, HandlerDescriptor twin) {
        String suffix = sameSpec(twin.listFields(), twin.fields()) ? "_anonymous" : "_anonymous_list";
        Schema item = anonymousItem(handler, twin, twin.listFields(), suffix, Operation.LIST);
        return item.getRef() == null ? item : Typed.schema(SchemaType.ARRAY).items(item);
    }

    /** The twin's shape of the handler's model (named), or of what the twin returns (inline). */
    private Schema anonymousItem(
            HandlerDescriptor handler, HandlerDescriptor twin, FieldSpec spec, String suffix, Operation operation) {
        if (!handler.isModelHandler()) {
            return docs.value(resultTypes.apply(twin, operation), spec, new HashSet<>());
        }
        String name = handler.name() + suffix;
        register(
                name,
                () -> docs.item(handler, spec, null)
                        .description("What anonymous callers see (`"
                                + twin.handlerClass().getSimpleName() + "`)."));
        return OASFactory.createSchema().ref(name);
    }

    private static Schema either(Schema authenticated, Schema anonymous) {
        return OASFactory.createSchema()
                .description("Authenticated callers get the first shape, anonymous callers the second.")
                .addOneOf(authenticated)
                .addOneOf(anonymous);
    }

    /** What LIST answers to callers its handler serves. */
    private Schema list(HandlerDescriptor handler) {
        if (!handler.isModelHandler()) {
            return docs.value(resultTypes.apply(handler, Operation.LIST), handler.listFields(), new HashSet<>());
        }
        String name = sameSpec(handler.listFields(), handler.fields()) ? handler.name() : handler.name() + "_list";
        register(name, () -> docs.item(handler, handler.listFields(), null));
        return Typed.schema(SchemaType.ARRAY).items(OASFactory.createSchema().ref(name));
    }

    /** What READ, CREATE and UPDATE answer to callers the handler serves. */
    Schema item(HandlerDescriptor handler, Operation operation) {
        if (!handler.isModelHandler()) {
            return docs.value(resultTypes.apply(handler, operation), handler.fields(), new HashSet<>());
        }
        register(handler.name(), () -> docs.item(handler, handler.fields(), null));
        return OASFactory.createSchema().ref(handler.name());
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

    private void register(String name, java.util.function.Supplier<Schema> schema) {
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
