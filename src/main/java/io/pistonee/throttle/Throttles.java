package io.pistonee.throttle;

import io.pistonee.cluster.SharedState;
import io.pistonee.config.PistonConfig;
import io.pistonee.handler.HandlerDescriptor;
import io.pistonee.handler.Handlers;
import io.pistonee.handler.Operation;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.lang.reflect.Method;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.logging.Logger;

/**
 * The throttle policy of every handler operation, read once at start-up from {@link Throttle}
 * annotations and {@code piston.throttle.*}, and the {@link Throttler} that applies them with the
 * application's shared state ({@link SharedState}) and its {@code java.time.Clock} bean if it has one
 * (else the system clock).
 */
@ApplicationScoped
public class Throttles {

    private static final Logger LOG = Logger.getLogger(Throttles.class.getName());

    @Inject
    Handlers handlers;

    @Inject
    PistonConfig config;

    @Inject
    SharedState state;

    @Inject
    Instance<Clock> clocks;

    private Map<String, ThrottlePolicy> policies;
    private Throttler throttler;

    @PostConstruct
    void init() {
        Map<String, ThrottlePolicy> found = new HashMap<>();
        for (HandlerDescriptor handler : handlers.all()) {
            for (Operation operation : handler.operations()) {
                policyOf(handler.handlerClass(), handler.name(), operation, this::setting)
                        .ifPresent(policy -> found.put(key(handler, operation), policy));
            }
        }
        policies = Map.copyOf(found);
        throttler = new Throttler(state.maps(), clocks.isResolvable() ? clocks.get() : Clock.systemUTC());
        if (!policies.isEmpty()) {
            LOG.info("Throttles on " + policies.keySet() + "; counters in " + throttler.describe());
        }
    }

    /** The policy of an operation, if it is throttled. */
    public Optional<ThrottlePolicy> policy(HandlerDescriptor handler, Operation operation) {
        return config.throttleEnabled() ? Optional.ofNullable(policies.get(key(handler, operation))) : Optional.empty();
    }

    public Decision check(ThrottlePolicy policy, String caller) {
        return throttler.check(policy, caller);
    }

    /**
     * The policy of one operation: {@code @Throttle} on the method implementing it, else on the class
     * (for all operations or the listed ones), else the configured default; a scope's configured
     * numbers win over the annotation's; 0 requests means not throttled.
     *
     * @param settings reads {@code piston.throttle.<scope>.<setting>}; scope {@code ""} is the default
     */
    static Optional<ThrottlePolicy> policyOf(
            Class<?> handlerClass,
            String handlerName,
            Operation operation,
            BiFunction<String, String, Optional<Long>> settings) {
        Throttle annotation = onMethod(handlerClass, operation);
        if (annotation == null) {
            annotation = onClass(handlerClass, operation);
        }
        String scope = annotation == null || annotation.scope().isBlank() ? handlerName : annotation.scope();
        long requests = annotation != null
                ? annotation.requests()
                : settings.apply("", "requests").orElse(0L);
        long per = annotation != null
                ? annotation.per()
                : settings.apply("", "per").orElse(60L);
        requests = settings.apply(scope, "requests").orElse(requests);
        per = settings.apply(scope, "per").orElse(per);
        if (requests <= 0) {
            return Optional.empty();
        }
        return Optional.of(
                new ThrottlePolicy(scope, (int) Math.min(Integer.MAX_VALUE, requests), Duration.ofSeconds(per)));
    }

    private Optional<Long> setting(String scope, String setting) {
        if (scope.isEmpty()) {
            return Optional.of(
                    setting.equals("requests") ? (long) config.throttleRequests() : config.throttlePerSeconds());
        }
        return config.throttleOverride(scope, setting);
    }

    private static Throttle onMethod(Class<?> handlerClass, Operation operation) {
        String name = operation == Operation.PATCH ? "update" : operation.name().toLowerCase(java.util.Locale.ROOT);
        for (Method method : handlerClass.getMethods()) {
            Throttle throttle = method.getAnnotation(Throttle.class);
            if (method.getName().equals(name) && throttle != null) {
                return throttle;
            }
        }
        return null;
    }

    private static Throttle onClass(Class<?> handlerClass, Operation operation) {
        Throttle throttle = handlerClass.getAnnotation(Throttle.class);
        if (throttle == null) {
            return null;
        }
        List<Operation> listed = List.of(throttle.operations());
        boolean applies = listed.isEmpty()
                || listed.contains(operation)
                || (operation == Operation.PATCH && listed.contains(Operation.UPDATE));
        return applies ? throttle : null;
    }

    private static String key(HandlerDescriptor handler, Operation operation) {
        return handler.name() + ' ' + operation.name().toLowerCase(java.util.Locale.ROOT);
    }
}
