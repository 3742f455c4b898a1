package io.pistonee.handler;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.pistonee.collection.ListingSpec;
import io.pistonee.config.PistonConfig;
import io.pistonee.fields.ComputedField;
import io.pistonee.fields.ModelShape;
import io.pistonee.fields.Shaper;
import io.pistonee.problem.Rc;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The handlers of this application: one {@link HandlerDescriptor} and one bean reference per
 * resource name, built at start-up (a handler whose field spec does not fit its model fails the
 * deployment), plus the {@link Shaper} that knows every model's shape.
 */
@ApplicationScoped
public class Handlers {

    private static final Pattern CANONICAL_INTEGER = Pattern.compile("0|-?[1-9][0-9]{0,40}");

    @Inject
    HandlerExtension extension;

    @Inject
    BeanManager beans;

    @Inject
    PistonConfig config;

    private Map<String, HandlerDescriptor> byName;
    private Map<String, HandlerDescriptor> twins;
    private Map<Class<?>, Object> instances;
    private Map<Class<?>, ModelShape> shapes;
    private Map<Class<?>, HandlerDescriptor> modelHandlers;
    private Map<String, ListingSpec> listings;
    private Shaper shaper;

    @PostConstruct
    void init() {
        ObjectMapper mapper = config.mapper();
        Map<Class<?>, Bean<?>> found = new HashMap<>();
        Map<Class<?>, Object> references = new HashMap<>();
        for (Bean<?> bean : extension.handlers()) {
            found.put(bean.getBeanClass(), bean);
            references.put(
                    bean.getBeanClass(),
                    beans.getReference(bean, bean.getBeanClass(), beans.createCreationalContext(bean)));
        }
        Map<String, HandlerDescriptor> descriptors = new TreeMap<>();
        Map<String, HandlerDescriptor> anonymous = new HashMap<>();
        for (Class<?> type : found.keySet()) {
            if (!type.getAnnotation(Handler.class).value().isEmpty()) {
                HandlerDescriptor descriptor = HandlerDescriptor.of(type, mapper.getTypeFactory());
                descriptors.put(descriptor.name(), descriptor);
                if (descriptor.anonymous() != null) {
                    anonymous.put(
                            descriptor.name(),
                            HandlerDescriptor.of(descriptor.anonymous(), descriptor.name(), mapper.getTypeFactory()));
                }
            }
        }
        byName = Collections.unmodifiableMap(descriptors);
        twins = Map.copyOf(anonymous);
        instances = Map.copyOf(references);
        shapes = modelShapes(descriptors.values(), mapper);
        modelHandlers = modelHandlers(descriptors.values());
        shaper = new Shaper(mapper, this::shapeOf);
        descriptors.values().forEach(descriptor -> checkFields(descriptor, shaper));
        twins.values().forEach(descriptor -> checkFields(descriptor, shaper));
        Map<String, ListingSpec> specs = new HashMap<>();
        descriptors
                .values()
                .forEach(descriptor -> specs.put(
                        descriptor.name(), ListingSpec.of(descriptor.handlerClass(), descriptor.model(), mapper)));
        listings = Map.copyOf(specs);
    }

    /** What a handler's collection may be filtered and sorted by ({@link io.pistonee.collection.Listing}). */
    public ListingSpec listing(HandlerDescriptor descriptor) {
        return listings.getOrDefault(descriptor.name(), ListingSpec.NONE);
    }

    /** Builds everything at deployment, so a broken handler fails the deployment, not a request. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
        byName.size();
    }

    /** The handler of a resource name, if there is one. */
    public Optional<HandlerDescriptor> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The handler of a resource name; 404 when there is none. */
    public HandlerDescriptor require(String name) {
        return find(name).orElseThrow(() -> Rc.NOT_FOUND.error("There is no resource named '" + name + "'."));
    }

    /** The anonymous twin of a handler: what serves its unauthenticated callers, if it names one. */
    public Optional<HandlerDescriptor> anonymous(HandlerDescriptor handler) {
        return Optional.ofNullable(twins.get(handler.name()));
    }

    /** Every handler, ordered by name (discovery order differs between servers). */
    public Collection<HandlerDescriptor> all() {
        return byName.values();
    }

    /** The bean behind a handler (a client proxy for normal scopes). */
    public Object instance(HandlerDescriptor descriptor) {
        return instances.get(descriptor.handlerClass());
    }

    /** The shaper that knows every handler's model. */
    public Shaper shaper() {
        return shaper;
    }

    /**
     * A path id converted to the handler's id type; {@link IllegalArgumentException} if it does not
     * convert. One resource, one URL: integers must be written canonically ({@code 7}, not {@code 07}
     * or {@code +7}), and no id has surrounding whitespace.
     */
    public Object convertId(HandlerDescriptor descriptor, String id) {
        return convertId(descriptor.idType(), id, config.mapper());
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

    /** The path of a model instance under the API root ({@code posts/42}), or {@code null}. */
    public String pathOf(HandlerDescriptor descriptor, Object instance) {
        Object id = shaper.idOf(instance);
        return id == null ? null : descriptor.name() + "/" + encodeSegment(String.valueOf(id));
    }

    /**
     * Lets go of an emitted item: an entity is detached from the persistence context by the model
     * handler of its class ({@link ModelHandler#detach}), whichever handler (or anonymous twin)
     * returned it, so a streamed result never fills the persistence context.
     */
    public void release(Object item) {
        for (Class<?> c = item == null ? null : item.getClass();
                c != null && c != Object.class;
                c = c.getSuperclass()) {
            HandlerDescriptor handler = modelHandlers.get(c);
            if (handler != null) {
                ((ModelHandler<?, ?>) instance(handler)).detach(item);
                return;
            }
        }
    }

    private static Map<Class<?>, HandlerDescriptor> modelHandlers(Collection<HandlerDescriptor> descriptors) {
        Map<Class<?>, HandlerDescriptor> models = new HashMap<>();
        for (HandlerDescriptor descriptor : descriptors) {
            if (descriptor.isModelHandler()) {
                models.putIfAbsent(descriptor.model(), descriptor);
            }
        }
        return Map.copyOf(models);
    }

    private ModelShape shapeOf(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            ModelShape shape = shapes.get(c);
            if (shape != null) {
                return shape;
            }
        }
        return null;
    }

    /** One shape per model; when several handlers serve a model, the first one found defines it. */
    private Map<Class<?>, ModelShape> modelShapes(Collection<HandlerDescriptor> descriptors, ObjectMapper mapper) {
        Map<Class<?>, ModelShape> models = new HashMap<>();
        for (HandlerDescriptor descriptor : descriptors) {
            if (descriptor.isModelHandler() && !models.containsKey(descriptor.model())) {
                keepIdentityReadOnly(descriptor.model(), mapper);
                models.put(
                        descriptor.model(),
                        new ModelShape(
                                descriptor.fields(),
                                computed(descriptor),
                                instance -> pathOf(descriptor, instance),
                                descriptor.djangoModel()));
            }
        }
        return Map.copyOf(models);
    }

    private Map<String, ComputedField> computed(HandlerDescriptor descriptor) {
        Map<String, ComputedField> computed = new HashMap<>();
        descriptor
                .computed()
                .forEach((field, method) ->
                        computed.put(field, instance -> invoke(method, instance(descriptor), instance)));
        return computed;
    }

    /** Ids and versions belong to the server: clients may read them but never bind them. */
    private static void keepIdentityReadOnly(Class<?> model, ObjectMapper mapper) {
        BeanDescription description = mapper.getDeserializationConfig().introspect(mapper.constructType(model));
        List<String> managed = new ArrayList<>();
        for (BeanPropertyDefinition property : description.findProperties()) {
            if (isIdentity(property.getField()) || isIdentity(property.getGetter())) {
                managed.add(property.getName());
            }
        }
        mapper.configOverride(model)
                .setIgnorals(JsonIgnoreProperties.Value.forIgnoredProperties(managed.toArray(String[]::new))
                        .withAllowGetters());
    }

    private static boolean isIdentity(AnnotatedMember member) {
        return member != null
                && (member.hasAnnotation(Id.class)
                        || member.hasAnnotation(EmbeddedId.class)
                        || member.hasAnnotation(Version.class));
    }

    /** A model handler's field specs may name only model properties, computed fields and resource_uri. */
    static void checkFields(HandlerDescriptor descriptor, Shaper shaper) {
        if (!descriptor.isModelHandler()) {
            return;
        }
        List<String> known = new ArrayList<>(shaper.properties(descriptor.model()));
        known.addAll(descriptor.computed().keySet());
        known.add("resource_uri");
        for (var spec : List.of(descriptor.fields(), descriptor.listFields())) {
            for (String field : spec.names()) {
                if (!known.contains(field)) {
                    throw new IllegalStateException("@Handler(\"" + descriptor.name() + "\") on "
                            + descriptor.handlerClass().getName() + ": field '" + field + "' is neither a property of "
                            + descriptor.model().getSimpleName() + " nor a public method " + field + "("
                            + descriptor.model().getSimpleName() + ") of the handler");
                }
            }
        }
    }

    private static Object invoke(Method method, Object handler, Object instance) {
        try {
            return method.invoke(handler, instance);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encodeSegment(String segment) {
        if (isUnreserved(segment)) {
            return segment; // ids are mostly digits: nothing to encode, no URI to parse for every row
        }
        try {
            return new URI(null, null, segment, null).getRawPath().replace("/", "%2F");
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Whether a segment is only RFC 3986 unreserved characters, which a path never encodes. */
    private static boolean isUnreserved(String segment) {
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            boolean unreserved = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '.'
                    || c == '_'
                    || c == '~';
            if (!unreserved) {
                return false;
            }
        }
        return !segment.isEmpty();
    }
}
