package io.pistonee.fields;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.BeanSerializerBase;
import java.lang.reflect.Array;
import java.net.URI;
import java.util.Iterator;
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

    /** Far deeper than any representation; a result nested deeper has a cycle. */
    private static final int MAX_DEPTH = 64;

    private static final String RESOURCE_URI = "resource_uri";

    private final ObjectMapper mapper;
    private final Function<Class<?>, ModelShape> models;
    private final ConcurrentMap<Class<?>, BeanShape> beans = new ConcurrentHashMap<>();
    private final ConcurrentMap<Class<?>, Boolean> beanLike = new ConcurrentHashMap<>();

    /**
     * @param mapper the mapper whose naming and date settings shape properties
     * @param models the shape of a model class, or {@code null} when no handler serves it
     */
    public Shaper(ObjectMapper mapper, Function<Class<?>, ModelShape> models) {
        this.mapper = mapper;
        this.models = models;
    }

    /**
     * Shapes a value.
     *
     * @param value anything a handler returned
     * @param spec the field spec, or {@code null} for the value's default
     * @param apiRoot the URI {@code resource_uri} paths are resolved against (ends with {@code /})
     */
    public JsonNode shape(Object value, FieldSpec spec, URI apiRoot) {
        return new Walk(apiRoot).value(value, spec, 0);
    }

    /** The JPA id of an entity, or {@code null} for anything else. */
    public Object idOf(Object value) {
        return value == null ? null : bean(value.getClass()).id(value);
    }

    /** The names of the properties a class shows, as they appear in representations. */
    public Set<String> properties(Class<?> type) {
        return bean(type).properties().keySet();
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

    private BeanShape bean(Class<?> type) {
        Class<?> entity = BeanShape.entityClass(type);
        Class<?> key = entity != null ? entity : type;
        return beans.computeIfAbsent(key, k -> BeanShape.of(k, mapper));
    }

    private boolean isBeanLike(Class<?> type) {
        return beanLike.computeIfAbsent(type, t -> {
            try {
                return mapper.getSerializerProviderInstance().findValueSerializer(t) instanceof BeanSerializerBase;
            } catch (JsonMappingException e) {
                return false;
            }
        });
    }

    /** One shaping run: carries the API root and guards the depth. */
    private final class Walk {
        private final URI apiRoot;

        Walk(URI apiRoot) {
            this.apiRoot = apiRoot;
        }

        JsonNode value(Object value, FieldSpec spec, int depth) {
            if (depth > MAX_DEPTH) {
                throw new IllegalStateException("Result nests deeper than " + MAX_DEPTH + " levels: is there a cycle?");
            }
            if (value == null) {
                return JsonNodeFactory.instance.nullNode();
            }
            if (value instanceof JsonNode node) {
                return node;
            }
            if (value instanceof Optional<?> optional) {
                return value(optional.orElse(null), spec, depth);
            }
            if (value instanceof Map<?, ?> map) {
                return map(map, spec, depth);
            }
            if (isSequence(value)) {
                return sequence(value, spec, depth);
            }
            if (isBeanLike(value.getClass())) {
                return bean(value, spec, depth);
            }
            return mapper.valueToTree(value);
        }

        private ArrayNode sequence(Object value, FieldSpec spec, int depth) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            for (Iterator<?> items = items(value); items.hasNext(); ) {
                array.add(value(items.next(), spec, depth + 1));
            }
            return array;
        }

        private ObjectNode map(Map<?, ?> map, FieldSpec spec, int depth) {
            ObjectNode object = JsonNodeFactory.instance.objectNode();
            if (spec == null || spec.isDefault()) {
                map.forEach((key, item) -> {
                    String name = String.valueOf(key);
                    if (spec == null || !spec.excludes(name)) {
                        object.set(name, value(item, null, depth + 1));
                    }
                });
                return object;
            }
            for (FieldSpec.Field field : spec.fields()) {
                if (map.containsKey(field.name())) {
                    object.set(field.name(), value(map.get(field.name()), field.nested(), depth + 1));
                }
            }
            return object;
        }

        private ObjectNode bean(Object bean, FieldSpec spec, int depth) {
            BeanShape shape = Shaper.this.bean(bean.getClass());
            ModelShape model = models.apply(shape.type());
            FieldSpec effective = spec != null && !spec.isDefault()
                    ? spec
                    : model != null ? model.fields() : spec != null ? spec : FieldSpec.ALL;
            return effective.isDefault()
                    ? defaultFields(bean, shape, effective, depth)
                    : listedFields(bean, shape, model, effective, depth);
        }

        private ObjectNode defaultFields(Object bean, BeanShape shape, FieldSpec spec, int depth) {
            ObjectNode object = JsonNodeFactory.instance.objectNode();
            for (String name : shape.properties().keySet()) {
                if (!spec.excludes(name)) {
                    object.set(name, related(shape.get(bean, name), depth));
                }
            }
            return object;
        }

        /** A property value in a default field set: entities (and collections of them) as ids. */
        private JsonNode related(Object value, int depth) {
            if (value != null && BeanShape.entityClass(value.getClass()) != null) {
                return value(idOf(value), null, depth + 1);
            }
            if (isSequence(value) && !(value instanceof Iterator<?>) && !(value instanceof BaseStream<?, ?>)) {
                ArrayNode array = JsonNodeFactory.instance.arrayNode();
                for (Iterator<?> items = items(value); items.hasNext(); ) {
                    array.add(related(items.next(), depth + 1));
                }
                return array;
            }
            return value(value, null, depth + 1);
        }

        private ObjectNode listedFields(Object bean, BeanShape shape, ModelShape model, FieldSpec spec, int depth) {
            ObjectNode object = JsonNodeFactory.instance.objectNode();
            for (FieldSpec.Field field : spec.fields()) {
                String name = field.name();
                ComputedField computed = model == null ? null : model.computed().get(name);
                if (computed != null) {
                    object.set(name, value(computed.compute(bean), field.nested(), depth + 1));
                } else if (shape.has(name)) {
                    object.set(name, value(shape.get(bean, name), field.nested(), depth + 1));
                } else if (RESOURCE_URI.equals(name) && model != null && model.path() != null) {
                    String path = model.path().apply(bean);
                    object.put(name, path == null ? null : apiRoot.resolve(path).toString());
                }
            }
            return object;
        }
    }
}
