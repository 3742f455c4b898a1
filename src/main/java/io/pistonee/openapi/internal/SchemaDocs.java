package io.pistonee.openapi.internal;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.pistonee.fields.internal.FieldSpec;
import io.pistonee.fields.internal.Shaper;
import io.pistonee.handler.internal.HandlerDescriptor;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.BaseStream;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

/**
 * The schemas of what handlers emit, derived from their models and shaped by their field specs the
 * way the {@code Shaper} shapes instances: listed fields in order, nested specs nested, computed
 * fields typed by their method, {@code resource_uri} a URI, and in a default field set every visible
 * property but the excluded and {@code @Sensitive} ones, with related entities as their ids.
 */
final class SchemaDocs {

    static final String RESOURCE_URI = "resource_uri";

    private final ObjectMapper mapper;
    private final Shaper shaper;
    private final Function<Class<?>, HandlerDescriptor> handlerOfModel;
    private final Types types;

    /**
     * @param handlerOfModel the handler that serves a model class (its spec shapes the model where no
     *     spec is given), or {@code null}
     */
    SchemaDocs(ObjectMapper mapper, Shaper shaper, Function<Class<?>, HandlerDescriptor> handlerOfModel) {
        this.mapper = mapper;
        this.shaper = shaper;
        this.handlerOfModel = handlerOfModel;
        this.types = new Types(mapper);
    }

    /** One item as a handler emits it under a spec: its model shaped, or its method's result type. */
    Schema item(HandlerDescriptor handler, FieldSpec spec, JavaType resultType) {
        return handler.isModelHandler()
                ? bean(mapper.constructType(handler.model()), spec, new HashSet<>())
                : value(resultType, spec, new HashSet<>());
    }

    /** Any value under a spec ({@code null} for the value's default), as the shaper writes it. */
    Schema value(JavaType type, FieldSpec spec, Set<Class<?>> path) {
        Class<?> raw = type.getRawClass();
        if (Optional.class.isAssignableFrom(raw)) {
            return value(type.containedTypeOrUnknown(0), spec, path);
        }
        if (isSequence(type)) {
            return Typed.schema(SchemaType.ARRAY).items(value(content(type), spec, path));
        }
        if (type.isMapLikeType()) {
            return map(type.getContentType(), spec, path);
        }
        if (JsonNode.class.isAssignableFrom(raw) || raw == Object.class) {
            return OASFactory.createSchema();
        }
        Schema scalar = types.scalar(type);
        if (scalar != null || !shaper.isBean(raw)) {
            return scalar != null ? scalar : OASFactory.createSchema();
        }
        return bean(type, spec, path);
    }

    private Schema map(JavaType valueType, FieldSpec spec, Set<Class<?>> path) {
        Schema object = Typed.schema(SchemaType.OBJECT);
        if (spec == null || spec.isDefault()) {
            return object.additionalPropertiesSchema(value(valueType, null, path));
        }
        for (FieldSpec.Field field : spec.fields()) {
            object.addProperty(field.name(), value(valueType, field.nested(), path));
        }
        return object;
    }

    /** A bean, record or entity: listed fields, or the default field set. */
    private Schema bean(JavaType type, FieldSpec spec, Set<Class<?>> path) {
        Class<?> raw = type.getRawClass();
        if (!path.add(raw)) {
            return idOrAny(raw);
        }
        try {
            HandlerDescriptor handler = handlerOfModel.apply(raw);
            FieldSpec effective = spec != null && !spec.isDefault()
                    ? spec
                    : handler != null ? handler.fields() : spec != null ? spec : FieldSpec.ALL;
            Schema object = Typed.schema(SchemaType.OBJECT);
            Map<String, BeanPropertyDefinition> properties = properties(type);
            Set<String> writable = writable(type).keySet();
            Annotations.describe(object, raw);
            if (effective.isDefault()) {
                defaultFields(object, raw, effective, properties, writable, path);
            } else {
                listedFields(object, handler, effective, properties, writable, path);
            }
            return object;
        } finally {
            path.remove(raw);
        }
    }

    private void defaultFields(
            Schema object,
            Class<?> raw,
            FieldSpec spec,
            Map<String, BeanPropertyDefinition> properties,
            Set<String> writable,
            Set<Class<?>> path) {
        for (String name : shaper.defaultProperties(raw)) {
            BeanPropertyDefinition property = properties.get(name);
            if (!spec.excludes(name) && property != null) {
                object.addProperty(name, property(property, related(property.getPrimaryType(), path), writable));
            }
        }
    }

    /** A property in a default field set: entities and collections of them as ids. */
    private Schema related(JavaType type, Set<Class<?>> path) {
        if (isEntity(type.getRawClass())) {
            return idOrAny(type.getRawClass());
        }
        if (isSequence(type)
                && type.getContentType() != null
                && isEntity(type.getContentType().getRawClass())) {
            return Typed.schema(SchemaType.ARRAY)
                    .items(idOrAny(type.getContentType().getRawClass()));
        }
        return value(type, null, path);
    }

    private void listedFields(
            Schema object,
            HandlerDescriptor handler,
            FieldSpec spec,
            Map<String, BeanPropertyDefinition> properties,
            Set<String> writable,
            Set<Class<?>> path) {
        for (FieldSpec.Field field : spec.fields()) {
            String name = field.name();
            Method computed = handler == null ? null : handler.computed().get(name);
            BeanPropertyDefinition property = properties.get(name);
            if (computed != null) {
                Schema schema = value(mapper.constructType(computed.getGenericReturnType()), field.nested(), path);
                object.addProperty(name, Annotations.describe(schema.readOnly(true), computed));
            } else if (property != null) {
                object.addProperty(
                        name, property(property, value(property.getPrimaryType(), field.nested(), path), writable));
            } else if (RESOURCE_URI.equals(name) && handler != null) {
                object.addProperty(
                        name,
                        Typed.schema(SchemaType.STRING)
                                .format("uri")
                                .readOnly(true)
                                .description("The item's URL."));
            }
        }
    }

    /**
     * What a request body binds to: the properties a client may write (never ids, versions,
     * read-only or ignored ones), with the constraints Bean Validation checks and the required ones
     * listed.
     */
    Schema input(JavaType type, Set<Class<?>> path) {
        Class<?> raw = type.getRawClass();
        if (isSequence(type)) {
            return Typed.schema(SchemaType.ARRAY).items(input(content(type), path));
        }
        if (type.isMapLikeType() || JsonNode.class.isAssignableFrom(raw) || raw == Object.class) {
            return type.isMapLikeType() || com.fasterxml.jackson.databind.node.ObjectNode.class == raw
                    ? Typed.schema(SchemaType.OBJECT).additionalPropertiesBoolean(true)
                    : OASFactory.createSchema();
        }
        Schema scalar = types.scalar(type);
        if (scalar != null || !path.add(raw)) {
            return scalar != null ? scalar : OASFactory.createSchema();
        }
        try {
            return writable(type, path);
        } finally {
            path.remove(raw);
        }
    }

    private Schema writable(JavaType type, Set<Class<?>> path) {
        Schema object = Typed.schema(SchemaType.OBJECT);
        Annotations.describe(object, type.getRawClass());
        for (BeanPropertyDefinition property : writable(type).values()) {
            Schema schema = input(property.getPrimaryType(), path);
            Constraints.apply(schema, property);
            object.addProperty(property.getName(), Annotations.describe(schema, property));
            if (Constraints.required(property)) {
                object.addRequired(property.getName());
            }
        }
        return object;
    }

    /** The properties of a class a client may write: never ids, versions, read-only or ignored ones. */
    private Map<String, BeanPropertyDefinition> writable(JavaType type) {
        var config = mapper.getDeserializationConfig();
        BeanDescription description = config.introspect(type);
        Set<String> ignored = config.getDefaultPropertyIgnorals(type.getRawClass(), description.getClassInfo())
                .findIgnoredForDeserialization();
        Map<String, BeanPropertyDefinition> writable = new LinkedHashMap<>();
        for (BeanPropertyDefinition property : description.findProperties()) {
            if (property.couldDeserialize() && !ignored.contains(property.getName()) && !isIdentity(property)) {
                writable.put(property.getName(), property);
            }
        }
        return writable;
    }

    /** A property's schema with what its annotations say; read-only unless clients may write it. */
    private static Schema property(BeanPropertyDefinition property, Schema schema, Set<String> writable) {
        if (schema.getRef() != null) {
            return schema;
        }
        Constraints.apply(schema, property);
        Annotations.describe(schema, property);
        if (!writable.contains(property.getName())) {
            schema.readOnly(true);
        }
        return schema;
    }

    /** The properties the shaper may emit for a class, by name. */
    private Map<String, BeanPropertyDefinition> properties(JavaType type) {
        BeanDescription description = mapper.getSerializationConfig().introspect(type);
        Set<String> visible = shaper.properties(type.getRawClass());
        Map<String, BeanPropertyDefinition> properties = new LinkedHashMap<>();
        for (BeanPropertyDefinition property : description.findProperties()) {
            if (visible.contains(property.getName())) {
                properties.put(property.getName(), property);
            }
        }
        return properties;
    }

    /** The schema of an entity's id (how a related entity appears in a default field set). */
    private Schema idOrAny(Class<?> type) {
        for (BeanPropertyDefinition property : mapper.getSerializationConfig()
                .introspect(mapper.constructType(type))
                .findProperties()) {
            if (isIdentityKey(property)) {
                Schema id = value(property.getPrimaryType(), null, new HashSet<>());
                return id.description("The id of a related " + type.getSimpleName() + ".");
            }
        }
        return OASFactory.createSchema();
    }

    /** The items' type of a sequence; unknown ({@code Object}) where the type does not say. */
    private static JavaType content(JavaType type) {
        return type.getContentType() != null ? type.getContentType() : type.containedTypeOrUnknown(0);
    }

    static boolean isSequence(JavaType type) {
        Class<?> raw = type.getRawClass();
        if (JsonNode.class.isAssignableFrom(raw)) {
            return false;
        }
        return (type.isCollectionLikeType() || type.isArrayType() || Iterable.class.isAssignableFrom(raw))
                        && raw != byte[].class
                || BaseStream.class.isAssignableFrom(raw)
                || java.util.Iterator.class.isAssignableFrom(raw);
    }

    private static boolean isEntity(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            if (c.isAnnotationPresent(Entity.class)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isIdentityKey(BeanPropertyDefinition property) {
        return Annotations.has(property, Id.class) || Annotations.has(property, EmbeddedId.class);
    }

    private static boolean isIdentity(BeanPropertyDefinition property) {
        return isIdentityKey(property) || Annotations.has(property, jakarta.persistence.Version.class);
    }
}
