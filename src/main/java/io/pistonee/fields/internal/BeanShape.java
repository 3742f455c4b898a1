package io.pistonee.fields.internal;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.pistonee.fields.Sensitive;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The serializable properties of one class, as Jackson sees them (naming strategy, {@code @JsonIgnore},
 * {@code @JsonProperty}), introspected once and cached by the {@link Shaper}.
 */
final class BeanShape {

    private final Class<?> type;
    private final boolean entity;
    private final Map<String, AnnotatedMember> properties;
    private final Set<String> defaults;
    private final AnnotatedMember id;
    private final String idName;
    private final Map<String, StoredType> storedTypes;

    private BeanShape(
            Class<?> type,
            boolean entity,
            Map<String, AnnotatedMember> properties,
            Set<String> defaults,
            AnnotatedMember id,
            String idName,
            Map<String, StoredType> storedTypes) {
        this.type = type;
        this.entity = entity;
        this.properties = properties;
        this.defaults = defaults;
        this.id = id;
        this.idName = idName;
        this.storedTypes = storedTypes;
    }

    static BeanShape of(Class<?> type, ObjectMapper mapper) {
        SerializationConfig config = mapper.getSerializationConfig();
        JavaType javaType = mapper.constructType(type);
        BeanDescription description = config.introspect(javaType);
        Set<String> ignored = config.getDefaultPropertyIgnorals(type, description.getClassInfo())
                .findIgnoredForSerialization();
        Map<String, AnnotatedMember> properties = new LinkedHashMap<>();
        Set<String> defaults = new LinkedHashSet<>();
        Map<String, StoredType> storedTypes = new LinkedHashMap<>();
        AnnotatedMember id = null;
        String idName = null;
        for (BeanPropertyDefinition property : description.findProperties()) {
            AnnotatedMember accessor = property.getAccessor();
            if (accessor == null && property.hasField()) {
                accessor = property.getField();
            }
            if (accessor == null || isPersistenceInternal(property.getName())) {
                continue;
            }
            accessor.fixAccess(true);
            if (isId(property)) {
                id = accessor;
                idName = property.getName();
            }
            if (property.couldSerialize() && !ignored.contains(property.getName())) {
                properties.put(property.getName(), accessor);
                storedTypes.put(property.getName(), StoredType.of(property));
                if (!isSensitive(property)) {
                    defaults.add(property.getName());
                }
            }
        }
        return new BeanShape(
                type,
                entityClass(type) != null,
                Collections.unmodifiableMap(properties),
                Collections.unmodifiableSet(defaults),
                id,
                idName,
                Collections.unmodifiableMap(storedTypes));
    }

    private static boolean isSensitive(BeanPropertyDefinition property) {
        return (property.hasField() && property.getField().hasAnnotation(Sensitive.class))
                || (property.hasGetter() && property.getGetter().hasAnnotation(Sensitive.class));
    }

    /** The class annotated {@code @Entity} that {@code type} is or extends (proxies), or {@code null}. */
    static Class<?> entityClass(Class<?> type) {
        return ENTITY_CLASSES.get(type).orElse(null);
    }

    /** Asked for every value shaped, so looked up once per class rather than once per row. */
    private static final ClassValue<Optional<Class<?>>> ENTITY_CLASSES = new ClassValue<>() {
        @Override
        protected Optional<Class<?>> computeValue(Class<?> type) {
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                if (c.isAnnotationPresent(Entity.class)) {
                    return Optional.of(c);
                }
            }
            return Optional.empty();
        }
    };

    private static boolean isId(BeanPropertyDefinition property) {
        return (property.hasField()
                        && (property.getField().hasAnnotation(Id.class)
                                || property.getField().hasAnnotation(EmbeddedId.class)))
                || (property.hasGetter()
                        && (property.getGetter().hasAnnotation(Id.class)
                                || property.getGetter().hasAnnotation(EmbeddedId.class)));
    }

    /** Members a JPA provider weaves into entities; never part of a representation. */
    private static boolean isPersistenceInternal(String name) {
        return name.startsWith("_persistence") || name.startsWith("hibernate");
    }

    Class<?> type() {
        return type;
    }

    boolean isEntity() {
        return entity;
    }

    Map<String, AnnotatedMember> properties() {
        return properties;
    }

    /** The properties of a default field set: every one but those marked {@link Sensitive}. */
    Set<String> defaults() {
        return defaults;
    }

    /** The name of the id property, or {@code null}. */
    String idName() {
        return idName;
    }

    /** The Django model field type of each property. */
    Map<String, StoredType> storedTypes() {
        return storedTypes;
    }

    boolean has(String name) {
        return properties.containsKey(name);
    }

    Object get(Object bean, String name) {
        return properties.get(name).getValue(bean);
    }

    /** The JPA id of an entity, or {@code null} when this class has none. */
    Object id(Object bean) {
        return id == null ? null : id.getValue(bean);
    }
}
