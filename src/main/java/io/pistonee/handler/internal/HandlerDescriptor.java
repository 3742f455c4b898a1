package io.pistonee.handler.internal;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.type.TypeFactory;
import io.pistonee.collection.internal.ListingRules;
import io.pistonee.fields.internal.FieldSpec;
import io.pistonee.fields.internal.ModelShape;
import io.pistonee.handler.Handler;
import io.pistonee.handler.ModelHandler;
import io.pistonee.handler.Operation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Everything the framework knows about one handler, built once at start-up: the name, the operations
 * it provides with who may call each, its throttle and whether it streams, the types its ids and inputs
 * bind to, its model, its field specs and computed fields, what its collection may be filtered and
 * sorted by, its anonymous twin and the bean itself. Routing, authorization, throttling, binding,
 * shaping and the OpenAPI document all read this; nothing reflects on a handler per request.
 *
 * <p>{@link #of(Class, String, ObjectMapper, ThrottlePolicy.Settings)} reads the class; the registry
 * ({@link Handlers}) then {@linkplain #bind binds} it to its bean, its twin and its model's shape.
 *
 * @param name the resource name ({@code posts})
 * @param singular what one of its items is called ({@code post}): the annotation's {@code singular},
 *     else the name made singular by {@link Nouns#singular}
 * @param mount where it is mounted: its path template, its items' key, its parent attribute
 * @param handlerClass the bean class
 * @param plans what the handler implements, and per operation who may call it, its throttle and
 *     whether its result streams
 * @param model the JPA entity of a {@link ModelHandler}, or {@code null}
 * @param idType what a path id converts to (for read, update and delete)
 * @param createInput what a request body binds to for create, or {@code null}
 * @param updateInput what a request body binds to for update, or {@code null}
 * @param fields the spec for one item
 * @param listFields the spec for the items of a collection
 * @param computed the computed fields: field name to a public handler method taking the instance
 * @param djangoModel the model label in the {@code django} format ({@code blog.blogpost})
 * @param anonymous the handler class that serves unauthenticated callers, or {@code null}
 * @param listing what a model handler's collection may be filtered and sorted by, and its order
 * @param twin the descriptor of the anonymous twin, once bound; else {@code null}
 * @param instance the bean (a client proxy for normal scopes), once bound; else {@code null}
 * @param shape how the model's instances are shaped wherever they appear, once bound; {@code null}
 *     for a handler of no model
 */
public record HandlerDescriptor(
        String name,
        String singular,
        Mount mount,
        Class<?> handlerClass,
        Map<Operation, OperationPlan> plans,
        Class<?> model,
        JavaType idType,
        JavaType createInput,
        JavaType updateInput,
        FieldSpec fields,
        FieldSpec listFields,
        Map<String, Method> computed,
        String djangoModel,
        Class<?> anonymous,
        ListingRules listing,
        HandlerDescriptor twin,
        Object instance,
        ModelShape shape) {

    private static final Pattern CANONICAL_INTEGER = Pattern.compile("0|-?[1-9][0-9]{0,40}");

    public HandlerDescriptor {
        plans = Collections.unmodifiableMap(new EnumMap<>(plans));
        computed = Map.copyOf(computed);
    }

    /**
     * Reads a handler class, with its annotations' throttles only and no listing. Throws
     * {@link IllegalArgumentException} with a message fit for a deployment error when the class is
     * not a usable handler.
     */
    public static HandlerDescriptor of(Class<?> handlerClass, TypeFactory types) {
        Handler annotation = handlerClass.getAnnotation(Handler.class);
        if (annotation == null) {
            throw new IllegalArgumentException(handlerClass.getName() + " is not annotated @Handler");
        }
        return of(handlerClass, annotation.value(), types);
    }

    /**
     * Reads a handler class serving the resource {@code name} (its own name, or for an anonymous twin
     * the name of the handler that names it), with its annotations' throttles only and no listing.
     */
    public static HandlerDescriptor of(Class<?> handlerClass, String name, TypeFactory types) {
        return HandlerReader.read(handlerClass, name, types, ThrottlePolicy.Settings.NONE, model -> ListingRules.NONE);
    }

    /**
     * Reads everything about a handler class serving the resource {@code name}: its throttles with the
     * configured numbers, and its listing as the mapper names the model's properties.
     */
    public static HandlerDescriptor of(
            Class<?> handlerClass, String name, ObjectMapper mapper, ThrottlePolicy.Settings throttles) {
        return HandlerReader.read(
                handlerClass,
                name,
                mapper.getTypeFactory(),
                throttles,
                model -> ListingRules.of(handlerClass, model, mapper));
    }

    /** This descriptor bound to its bean, the descriptor of its anonymous twin, and its model's shape. */
    public HandlerDescriptor bind(Object instance, HandlerDescriptor twin, ModelShape shape) {
        return new HandlerDescriptor(
                name,
                singular,
                mount,
                handlerClass,
                plans,
                model,
                idType,
                createInput,
                updateInput,
                fields,
                listFields,
                computed,
                djangoModel,
                anonymous,
                listing,
                twin,
                instance,
                shape);
    }

    /** What the handler implements, in a stable order. */
    public Set<Operation> operations() {
        return plans.keySet();
    }

    /** The anonymous twin, once bound, if the handler names one. */
    public Optional<HandlerDescriptor> anonymousTwin() {
        return Optional.ofNullable(twin);
    }

    /** The budget of an operation, if it is throttled. */
    public Optional<ThrottlePolicy> throttle(Operation operation) {
        OperationPlan plan = plans.get(operation);
        return plan == null ? Optional.empty() : plan.throttle();
    }

    /** Whether an operation's result may be read as it is written (see {@code streamingReads}). */
    public boolean streams(Operation operation) {
        OperationPlan plan = plans.get(operation);
        return plan != null && plan.streams();
    }

    /**
     * Whether an operation's result is shaped from what its read loaded, and nothing more: its
     * declared result loads whole ({@link OperationPlan#loadsWhole}) and no computed field of the
     * handler may read further.
     */
    public boolean loadsWhole(Operation operation) {
        OperationPlan plan = plans.get(operation);
        return plan != null && plan.loadsWhole() && computed.isEmpty();
    }

    /** Who may call an operation; {@link Access#OPEN} for one the handler does not provide. */
    public Access access(Operation operation) {
        OperationPlan plan = plans.get(operation);
        return plan == null ? Access.OPEN : plan.access();
    }

    /** Whether the handler provides an operation. */
    public boolean provides(Operation operation) {
        return plans.containsKey(operation);
    }

    /** Whether this handler serves a JPA entity with default operations. */
    public boolean isModelHandler() {
        return model != null;
    }

    /** The methods to list in {@code Allow} for a target, in a stable order. */
    public List<String> allow(Operation.Target target) {
        List<String> methods = new ArrayList<>();
        for (Operation operation : plans.keySet()) {
            if (operation.target() == target) {
                methods.add(operation.httpMethod());
                if ("GET".equals(operation.httpMethod())) {
                    methods.add("HEAD");
                }
            }
        }
        methods.add("OPTIONS");
        return methods;
    }

    /**
     * A path id converted to this handler's id type; {@link IllegalArgumentException} if it does not
     * convert. One resource, one URL: integers must be written canonically ({@code 7}, not {@code 07}
     * or {@code +7}), and no id has surrounding whitespace.
     */
    public Object convertId(String id, ObjectMapper mapper) {
        return convertId(idType, id, mapper);
    }

    static Object convertId(JavaType idType, String id, ObjectMapper mapper) {
        Class<?> type = idType.getRawClass();
        if (!id.strip().equals(id)
                || (isIntegral(type) && !CANONICAL_INTEGER.matcher(id).matches())) {
            throw new IllegalArgumentException("not a canonical id: " + id);
        }
        return mapper.convertValue(id, idType);
    }

    private static boolean isIntegral(Class<?> type) {
        return type == Long.class
                || type == long.class
                || type == Integer.class
                || type == int.class
                || type == Short.class
                || type == short.class
                || type == java.math.BigInteger.class;
    }

    /**
     * Whether a JSON array posted to the collection creates one item per element (in one
     * transaction): unless the create input takes an array as it is ({@code Object}, a
     * {@code JsonNode}, a collection, an array).
     */
    public boolean createsInBulk() {
        Class<?> type = createInput == null ? Object.class : createInput.getRawClass();
        return !(type == Object.class
                || JsonNode.class.isAssignableFrom(type)
                || Collection.class.isAssignableFrom(type)
                || type.isArray());
    }

    /**
     * The path of an item under the API root ({@code posts/42}, {@code authors/testuser} for a natural
     * key), or {@code null} for no id or a handler whose path has parameters (such an item's canonical
     * path is its model's plain handler's).
     */
    public String pathOf(Object id) {
        return id == null || mount.templated() ? null : mount.path() + "/" + PathSegments.encode(String.valueOf(id));
    }
}
