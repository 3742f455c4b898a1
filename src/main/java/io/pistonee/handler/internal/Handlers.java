package io.pistonee.handler.internal;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.pistonee.collection.ListQuery;
import io.pistonee.collection.internal.OrderIndexes;
import io.pistonee.config.PistonConfig;
import io.pistonee.fields.internal.ComputedField;
import io.pistonee.fields.internal.ModelShape;
import io.pistonee.fields.internal.Shaper;
import io.pistonee.handler.Handler;
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
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The handlers of this application: resource name to {@link HandlerDescriptor}, built at start-up
 * (a handler whose field spec, listing or throttle does not fit fails the deployment), and the
 * {@link Shaper} that knows every model's shape.
 */
@ApplicationScoped
public class Handlers {

    private static final Logger LOG = Logger.getLogger(Handlers.class.getName());

    @Inject
    HandlerExtension extension;

    @Inject
    BeanManager beans;

    @Inject
    PistonConfig config;

    private Map<String, HandlerDescriptor> byName;
    private Map<Class<?>, HandlerDescriptor> byModel;
    private Shaper shaper;
    private Routes routes;

    @PostConstruct
    void init() {
        Map<Class<?>, Object> instances = instances();
        Map<String, HandlerDescriptor> named = new TreeMap<>();
        Map<Class<?>, HandlerDescriptor> models = new HashMap<>();
        for (Class<?> type : instances.keySet()) {
            String name = type.getAnnotation(Handler.class).value();
            if (!name.isEmpty()) {
                HandlerDescriptor handler = read(type, name);
                HandlerDescriptor twin = handler.anonymous() == null
                        ? null
                        : read(handler.anonymous(), name).bind(instances.get(handler.anonymous()), null, null);
                named.put(name, handler.bind(instances.get(type), twin, null));
            }
        }
        // A model's canonical handler, whose items' paths are its resource_uri and Location: the first
        // by name mounted at a path without parameters, else the first by name.
        List<HandlerDescriptor> canonicalFirst = named.values().stream()
                .sorted(Comparator.comparing(handler -> handler.mount().templated()))
                .toList();
        for (HandlerDescriptor handler : canonicalFirst) {
            if (handler.isModelHandler() && !models.containsKey(handler.model())) {
                keepIdentityReadOnly(handler.model());
                HandlerDescriptor shaped = handler.bind(handler.instance(), handler.twin(), shape(handler));
                models.put(handler.model(), shaped);
                named.put(handler.name(), shaped);
            }
        }
        byName = Collections.unmodifiableMap(named);
        byModel = Map.copyOf(models);
        routes = Routes.of(named.values()); // collisions and parents are checked at discovery (HandlerExtension)
        shaper = new Shaper(config.mapper(), this::shapeOf);
        for (HandlerDescriptor handler : named.values()) {
            checkFields(handler, shaper);
            handler.anonymousTwin().ifPresent(twin -> checkFields(twin, shaper));
            checkListing(handler, shaper, config.mapper());
        }
        logThrottles();
        warnOfUnindexedOrders();
    }

    /** Builds everything at deployment, so a broken handler fails the deployment, not a request. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
        byName.size();
    }

    /** The handler of a resource name, if there is one. */
    public Optional<HandlerDescriptor> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The routing table: which handler serves a path under the API root. */
    public Routes routes() {
        return routes;
    }

    /**
     * The path under the API root of an item of a model ({@code posts/42}): its canonical handler's
     * (see {@link #modelHandlerOf}), or {@code null} when it has none or the item no id.
     */
    public String itemPath(Object item) {
        HandlerDescriptor handler = item == null ? null : modelHandlerOf(item.getClass());
        return handler == null || handler.shape() == null
                ? null
                : handler.shape().path().apply(item);
    }

    /** The handler of a resource name; 404 when there is none. */
    public HandlerDescriptor require(String name) {
        return find(name).orElseThrow(() -> Rc.NOT_FOUND.error("There is no resource named '" + name + "'."));
    }

    /** Every handler, ordered by name (discovery order differs between servers). */
    public Collection<HandlerDescriptor> all() {
        return byName.values();
    }

    /**
     * The model handler of a class or its nearest model superclass: the one that defines its shape
     * (when several handlers serve a model, the first by name); {@code null} for no model. Shaping and
     * releasing ask once per emitted item, so this runs for every row of a streamed export.
     */
    public HandlerDescriptor modelHandlerOf(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            HandlerDescriptor handler = byModel.get(c);
            if (handler != null) {
                return handler;
            }
        }
        return null;
    }

    private ModelShape shapeOf(Class<?> type) {
        HandlerDescriptor handler = modelHandlerOf(type);
        return handler == null ? null : handler.shape();
    }

    /** The shaper that knows every handler's model. */
    public Shaper shaper() {
        return shaper;
    }

    private Map<Class<?>, Object> instances() {
        Map<Class<?>, Object> references = new HashMap<>();
        for (Bean<?> bean : extension.handlers()) {
            references.put(
                    bean.getBeanClass(),
                    beans.getReference(bean, bean.getBeanClass(), beans.createCreationalContext(bean)));
        }
        return references;
    }

    private HandlerDescriptor read(Class<?> type, String name) {
        return HandlerDescriptor.of(type, name, config.mapper(), this::throttleSetting);
    }

    private Optional<Long> throttleSetting(String scope, String setting) {
        if (scope.isEmpty()) {
            return Optional.of(
                    setting.equals("requests") ? (long) config.throttleRequests() : config.throttlePerSeconds());
        }
        return config.throttleOverride(scope, setting);
    }

    private void logThrottles() {
        List<String> throttled = new ArrayList<>();
        for (HandlerDescriptor handler : byName.values()) {
            handler.plans()
                    .forEach((operation, plan) -> plan.throttle()
                            .ifPresent(policy -> throttled.add(
                                    handler.name() + ' ' + operation.name().toLowerCase(Locale.ROOT))));
        }
        if (!throttled.isEmpty()) {
            LOG.info("Throttles on " + throttled + (config.throttleEnabled() ? "" : ", switched off"));
        }
    }

    /**
     * A default order no declared index serves makes every page sort the whole table: fine at a
     * thousand rows, a page costs ten times more at a hundred thousand. Said once, at deployment.
     */
    private void warnOfUnindexedOrders() {
        for (HandlerDescriptor handler : byName.values()) {
            if (!handler.isModelHandler()) {
                continue;
            }
            List<ListQuery.Order> order = handler.listing().defaultOrder();
            OrderIndexes.missing(handler.model(), order)
                    .ifPresent(columns -> LOG.warning(() -> "Handler '"
                            + handler.name() + "' (" + handler.handlerClass().getSimpleName() + "): the default order "
                            + order.stream()
                                    .map(key -> (key.descending() ? "-" : "") + key.field())
                                    .collect(Collectors.joining(", "))
                            + (columns.contains(".")
                                    ? " sorts through a relation, which no index of "
                                            + handler.model().getSimpleName()
                                            + " can serve: every page sorts every row; order by the model's own columns"
                                    : " has no index of " + handler.model().getSimpleName()
                                            + " to serve it, so every page sorts every row: declare @Table(indexes ="
                                            + " @Index(columnList = \"" + columns + "\")) on the entity")));
        }
    }

    /** How instances of a handler's model are shaped wherever they appear. */
    private ModelShape shape(HandlerDescriptor handler) {
        Map<String, ComputedField> computed = new HashMap<>();
        handler.computed()
                .forEach((field, method) ->
                        computed.put(field, instance -> invoke(method, handler.instance(), instance)));
        return new ModelShape(
                handler.fields(),
                computed,
                instance -> handler.pathOf(keyOf(handler, instance)),
                handler.djangoModel());
    }

    /** What an item's path names it by: its natural key, or its id. */
    private Object keyOf(HandlerDescriptor handler, Object instance) {
        String key = handler.mount().key();
        return key == null ? shaper.idOf(instance) : Attributes.read(instance, key);
    }

    /** Ids and versions belong to the server: clients may read them but never bind them. */
    private void keepIdentityReadOnly(Class<?> model) {
        ObjectMapper mapper = config.mapper();
        BeanDescription description = mapper.getDeserializationConfig().introspect(mapper.constructType(model));
        List<String> managed = new ArrayList<>();
        for (BeanPropertyDefinition property : description.findProperties()) {
            if (isIdentity(property.getField()) || isIdentity(property.getGetter())) {
                managed.add(property.getName());
            }
        }
        config.readOnlyOnInput(model, managed);
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

    /**
     * A model handler's {@code @Listing} may name only what its own list fields show: a filter or sort
     * on anything else would always answer 400 (no caller filters by what it cannot see).
     */
    static void checkListing(HandlerDescriptor descriptor, Shaper shaper, ObjectMapper mapper) {
        if (!descriptor.isModelHandler()) {
            return;
        }
        Set<String> defaults = shaper.defaultProperties(descriptor.model());
        Set<String> hidden = descriptor
                .listing()
                .hiddenFrom(path -> descriptor.listFields().shows(path, defaults), descriptor.model(), mapper);
        if (!hidden.isEmpty()) {
            throw new IllegalStateException(
                    "@Listing on " + descriptor.handlerClass().getName() + ": "
                            + String.join(", ", hidden) + " may not be filtered or sorted by, since the handler's"
                            + " list fields (" + descriptor.listFields() + ") do not show "
                            + (hidden.size() == 1 ? "it" : "them") + "; show it or take it out of @Listing");
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
}
