package io.pistonee.fields.internal;

import static java.time.format.DateTimeFormatter.ISO_INSTANT;
import static java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.databind.ser.std.BeanSerializerBase;
import io.pistonee.fields.ModelItem;
import io.pistonee.fields.Sensitive;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Array;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import java.util.stream.BaseStream;

/**
 * Turns any value a handler returns into a format-neutral tree, following a {@link FieldSpec}.
 *
 * <pre>{@code
 * JsonNode tree = shaper.shape(post, FieldSpec.parse("id, title, author(username)"), apiRoot);
 * }</pre>
 *
 * Maps become objects, iterables, arrays and streams become arrays, beans and records become objects
 * of their properties, anything else (strings, numbers, dates, enums...) becomes what Jackson makes
 * of it, so dates are ISO-8601 strings. Instances of a model with a handler use that handler's field
 * spec and computed fields unless a spec is given; in a default field set, related entities are
 * emitted as their ids. Thread-safe: one instance serves every request.
 */
public final class Shaper {

    private static final String RESOURCE_URI = "resource_uri";

    /** Plans remembered: a handful per handler, unless specs are made per request (then not all). */
    private static final int PLANS = 1024;

    /** Date-times the probe of {@link #writesIsoDates} compares with the mapper's own output. */
    private static final List<OffsetDateTime> PROBES = List.of(
            OffsetDateTime.of(2026, 11, 1, 9, 0, 0, 0, ZoneOffset.UTC),
            OffsetDateTime.of(2026, 11, 27, 7, 23, 25, 472_000_000, ZoneOffset.ofHours(2)),
            OffsetDateTime.of(1999, 12, 31, 23, 59, 59, 123_456_789, ZoneOffset.ofHoursMinutes(-5, -30)));

    private final ObjectMapper mapper;
    private final Function<Class<?>, ModelShape> models;
    private final boolean isoDates;
    private final ConcurrentMap<Class<?>, BeanShape> beans = new ConcurrentHashMap<>();
    private final ConcurrentMap<Class<?>, Boolean> beanLike = new ConcurrentHashMap<>();
    private final Known[] recent = new Known[16];
    private final ConcurrentMap<PlanKey, Step[]> plans = new ConcurrentHashMap<>();
    private final ConcurrentMap<Class<?>, Map<String, ModelItem.FieldType>> fieldTypes = new ConcurrentHashMap<>();

    /**
     * @param mapper the mapper whose naming and date settings shape properties
     * @param models the shape of a model class, or {@code null} when no handler serves it
     */
    public Shaper(ObjectMapper mapper, Function<Class<?>, ModelShape> models) {
        this.mapper = mapper;
        this.models = models;
        this.isoDates = writesIsoDates(mapper);
    }

    /**
     * Whether the mapper writes offset date-times and instants as ISO-8601 text in their own offset (the
     * framework's mapper does), so shaping may format them itself: a round trip through the mapper
     * costs more than the rest of a row.
     */
    private static boolean writesIsoDates(ObjectMapper mapper) {
        try {
            for (OffsetDateTime probe : PROBES) {
                if (!mapper.valueToTree(probe).equals(TextNode.valueOf(ISO_OFFSET_DATE_TIME.format(probe)))
                        || !mapper.valueToTree(probe.toInstant())
                                .equals(TextNode.valueOf(ISO_INSTANT.format(probe.toInstant())))) {
                    return false;
                }
            }
            return true;
        } catch (IllegalArgumentException e) {
            return false; // no java.time support in this mapper
        }
    }

    ObjectMapper mapper() {
        return mapper;
    }

    /** Whether offset date-times and instants may be formatted here rather than by the mapper. */
    boolean isoDates() {
        return isoDates;
    }

    /** The shape of a model class, or {@code null} when no handler serves it. */
    ModelShape model(Class<?> type) {
        return models.apply(type);
    }

    /**
     * Shapes a value.
     *
     * @param value anything a handler returned
     * @param spec the field spec, or {@code null} for the value's default
     * @param apiRoot the URI {@code resource_uri} paths are resolved against (ends with {@code /})
     */
    public JsonNode shape(Object value, FieldSpec spec, URI apiRoot) {
        return shape(value, spec, null, apiRoot);
    }

    /**
     * Shapes a value, narrowed by a client's {@code ?fields=}: only fields both specs name are emitted,
     * nested ones narrowed by the nested spec. A narrowing spec never adds a field; names it has that
     * the spec lacks are ignored.
     *
     * @param narrow the client's spec, or {@code null} for none
     */
    public JsonNode shape(Object value, FieldSpec spec, FieldSpec narrow, URI apiRoot) {
        ShapeOutput.Tree tree = new ShapeOutput.Tree();
        new ShapeWalk(this, apiRoot, tree).value(value, spec, narrow, 0);
        return tree.result();
    }

    /**
     * Writes a value, shaped as {@link #shape(Object, FieldSpec, FieldSpec, URI)} shapes it, straight
     * to a generator: the same document, without building a tree first (for the rows of a streamed
     * collection). A failure half-way leaves what was written so far.
     */
    public void write(Object value, FieldSpec spec, FieldSpec narrow, URI apiRoot, JsonGenerator generator)
            throws IOException {
        try {
            new ShapeWalk(this, apiRoot, new ShapeOutput.Generator(generator)).value(value, spec, narrow, 0);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * One item in its stored form: the model label, the primary key and the persistent fields within
     * the spec (computed fields and {@code resource_uri} left out, related entities as their keys).
     * Values that are no bean (maps...) take {@code fallbackLabel} and their {@code id} member as key.
     */
    public ModelItem stored(Object value, FieldSpec spec, FieldSpec narrow, URI apiRoot, String fallbackLabel) {
        Object item = value instanceof Optional<?> optional ? optional.orElse(null) : value;
        if (item == null || item instanceof Map<?, ?> || !isBeanLike(item.getClass())) {
            JsonNode tree = shape(item, spec, narrow, apiRoot);
            ObjectNode fields = tree.isObject() ? ((ObjectNode) tree).deepCopy() : objectWith("value", tree);
            JsonNode pk = fields.remove("id");
            return new ModelItem(fallbackLabel, pk == null ? NullNode.getInstance() : pk, fields);
        }
        BeanShape shape = bean(item.getClass());
        ModelShape model = models.apply(shape.type());
        String pkName = shape.idName() != null ? shape.idName() : shape.has("id") ? "id" : null;
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        for (String name : storedNames(shape, model, spec, narrow)) {
            if (!name.equals(pkName)) {
                fields.set(name, storedValue(shape.get(item, name), apiRoot));
            }
        }
        JsonNode pk = pkName == null ? NullNode.getInstance() : storedValue(shape.get(item, pkName), apiRoot);
        return new ModelItem(
                labelOf(shape.type()), pk, fields, fieldTypes.computeIfAbsent(shape.type(), this::fieldTypes));
    }

    /** A model's label: its handler's, else one derived from the class. */
    private String labelOf(Class<?> type) {
        ModelShape model = models.apply(type);
        return model != null && model.label() != null ? model.label() : label(type);
    }

    /** The Django field type of each property of a class, relations with their related model's label. */
    private Map<String, ModelItem.FieldType> fieldTypes(Class<?> type) {
        Map<String, ModelItem.FieldType> types = new java.util.HashMap<>();
        bean(type)
                .storedTypes()
                .forEach((name, stored) -> types.put(
                        name,
                        new ModelItem.FieldType(
                                stored.name(), stored.related() == null ? null : labelOf(stored.related()))));
        return Map.copyOf(types);
    }

    /** Django's label of a class: its package's last segment and its simple name, lower case. */
    public static String label(Class<?> type) {
        String packageName = type.getPackageName();
        String app = packageName.substring(packageName.lastIndexOf('.') + 1);
        return (app.isEmpty() ? "app" : app) + "." + type.getSimpleName().toLowerCase(Locale.ROOT);
    }

    private List<String> storedNames(BeanShape shape, ModelShape model, FieldSpec spec, FieldSpec narrow) {
        FieldSpec effective = effective(spec, model);
        List<String> names = effective.isDefault()
                ? shape.defaults().stream()
                        .filter(name -> !effective.excludes(name))
                        .toList()
                : effective.names().stream().filter(shape::has).toList();
        return names.stream()
                .filter(name -> narrow == null || narrow.field(name) != null)
                .toList();
    }

    /** A stored field: entities as their keys, anything else shaped by default (so cycles are cut). */
    private JsonNode storedValue(Object value, URI apiRoot) {
        if (value != null && BeanShape.entityClass(value.getClass()) != null) {
            return mapper.valueToTree(idOf(value));
        }
        if (value instanceof java.util.Collection<?> collection) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            collection.forEach(item -> array.add(storedValue(item, apiRoot)));
            return array;
        }
        return shape(value, null, null, apiRoot);
    }

    private static ObjectNode objectWith(String name, JsonNode value) {
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        object.set(name, value);
        return object;
    }

    static FieldSpec effective(FieldSpec spec, ModelShape model) {
        return spec != null && !spec.isDefault()
                ? spec
                : model != null ? model.fields() : spec != null ? spec : FieldSpec.ALL;
    }

    /** The JPA id of an entity, or {@code null} for anything else. */
    public Object idOf(Object value) {
        return value == null ? null : bean(value.getClass()).id(value);
    }

    /** The names of the properties a class shows, as they appear in representations. */
    public Set<String> properties(Class<?> type) {
        return bean(type).properties().keySet();
    }

    /**
     * The properties a class shows in a default field set (every visible one but those marked
     * {@link Sensitive}), in order.
     */
    public Set<String> defaultProperties(Class<?> type) {
        return bean(type).defaults();
    }

    /** Whether instances of a class are shaped as objects of their properties (beans, records, entities). */
    public boolean isBean(Class<?> type) {
        return !Map.class.isAssignableFrom(type) && !Iterable.class.isAssignableFrom(type) && isBeanLike(type);
    }

    /** Whether a value is written as an array: iterables, arrays (not {@code byte[]}), streams, iterators. */
    public static boolean isSequence(Object value) {
        return value instanceof Iterable<?>
                || value instanceof BaseStream<?, ?>
                || value instanceof Iterator<?>
                || (value != null && value.getClass().isArray() && !(value instanceof byte[]));
    }

    /** The items of a value for which {@link #isSequence} holds. */
    public static Iterator<?> items(Object value) {
        if (value instanceof Iterable<?> iterable) {
            return iterable.iterator();
        }
        if (value instanceof BaseStream<?, ?> stream) {
            return stream.iterator();
        }
        if (value instanceof Iterator<?> iterator) {
            return iterator;
        }
        int length = Array.getLength(value);
        return new Iterator<>() {
            private int index;

            @Override
            public boolean hasNext() {
                return index < length;
            }

            @Override
            public Object next() {
                return Array.get(value, index++);
            }
        };
    }

    /** The shape of a class, or of the entity it extends (a provider's proxy), cached under both. */
    BeanShape bean(Class<?> type) {
        BeanShape shape = beans.get(type);
        if (shape == null) {
            Class<?> entity = BeanShape.entityClass(type);
            shape = beans.computeIfAbsent(entity != null ? entity : type, k -> BeanShape.of(k, mapper));
            beans.putIfAbsent(type, shape);
        }
        return shape;
    }

    /**
     * What a listed spec emits for a class, worked out once per class and spec (a handler's specs live
     * as long as the application): per field, a computed field, a property's accessor or the item's
     * {@code resource_uri}; names that are none of these are left out.
     */
    Step[] plan(BeanShape shape, ModelShape model, FieldSpec spec) {
        PlanKey key = new PlanKey(shape.type(), spec);
        Step[] plan = plans.get(key);
        if (plan != null) {
            return plan;
        }
        List<Step> steps = new ArrayList<>();
        for (FieldSpec.Field field : spec.fields()) {
            String name = field.name();
            ComputedField computed = model == null ? null : model.computed().get(name);
            if (computed != null) {
                steps.add(new Step(name, field.nested(), computed, null));
            } else if (shape.has(name)) {
                steps.add(
                        new Step(name, field.nested(), null, shape.properties().get(name)));
            } else if (RESOURCE_URI.equals(name) && model != null && model.path() != null) {
                steps.add(new Step(name, null, null, null));
            }
        }
        plan = steps.toArray(Step[]::new);
        if (plans.size() < PLANS) {
            plans.putIfAbsent(key, plan);
        }
        return plan;
    }

    /** One field of a plan: computed, a property, or (neither) the item's {@code resource_uri}. */
    record Step(String name, FieldSpec nested, ComputedField computed, AnnotatedMember property) {}

    /** A class and a spec, the spec compared by identity (hashing a spec's tree per row costs more). */
    private record PlanKey(Class<?> type, FieldSpec spec) {
        @Override
        public boolean equals(Object other) {
            return other instanceof PlanKey key && key.type == type && key.spec == spec;
        }

        @Override
        public int hashCode() {
            return 31 * type.hashCode() + System.identityHashCode(spec);
        }
    }

    boolean isBeanLike(Class<?> type) {
        // asked for every object of every row (a post, its author): the last answers per slot first
        int slot = type.hashCode() & (recent.length - 1);
        Known last = recent[slot];
        if (last != null && last.type() == type) {
            return last.beanLike();
        }
        boolean answer = beanLikeOf(type);
        recent[slot] = new Known(type, answer);
        return answer;
    }

    /** One answer of {@link #isBeanLike}; final fields, so safely shared between threads through the array. */
    private record Known(Class<?> type, boolean beanLike) {}

    private boolean beanLikeOf(Class<?> type) {
        Boolean known = beanLike.get(type);
        if (known != null) {
            return known;
        }
        return beanLike.computeIfAbsent(type, t -> {
            try {
                return mapper.getSerializerProviderInstance().findValueSerializer(t) instanceof BeanSerializerBase;
            } catch (JsonMappingException e) {
                return false;
            }
        });
    }
}
