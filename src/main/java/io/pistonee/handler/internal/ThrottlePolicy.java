package io.pistonee.handler.internal;

import io.pistonee.handler.Operation;
import io.pistonee.handler.Throttle;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One budget: {@code requests} per {@code window}, under a scope name. A handler's descriptor holds
 * the policy of each throttled operation, read once at start-up ({@link #of}).
 *
 * @param scope the budget's name; operations with one scope share a budget
 * @param requests how many pass per window (at least 1)
 * @param window the window (at least one second)
 */
public record ThrottlePolicy(String scope, int requests, Duration window) {

    /** The configured numbers: {@code piston.throttle.<scope>.<setting>}; scope {@code ""} is the default. */
    @FunctionalInterface
    public interface Settings {

        /** No configured numbers: only annotations throttle. */
        Settings NONE = (scope, setting) -> Optional.empty();

        Optional<Long> get(String scope, String setting);
    }

    public ThrottlePolicy {
        if (requests < 1 || window.getSeconds() < 1) {
            throw new IllegalArgumentException("A throttle needs at least 1 request per at least 1 second; scope "
                    + scope + " has " + requests + " per " + window.getSeconds() + " s");
        }
    }

    /**
     * The policy of one operation: {@code @Throttle} on the method implementing it, else on the class
     * (for all operations or the listed ones), else the configured default; a scope's configured
     * numbers win over the annotation's; 0 requests means not throttled.
     */
    public static Optional<ThrottlePolicy> of(
            Class<?> handlerClass, String handlerName, Operation operation, Settings settings) {
        Throttle annotation = onMethod(handlerClass, operation);
        if (annotation == null) {
            annotation = onClass(handlerClass, operation);
        }
        String scope = annotation == null || annotation.scope().isBlank() ? handlerName : annotation.scope();
        long requests = annotation != null
                ? annotation.requests()
                : settings.get("", "requests").orElse(0L);
        long per =
                annotation != null ? annotation.per() : settings.get("", "per").orElse(60L);
        requests = settings.get(scope, "requests").orElse(requests);
        per = settings.get(scope, "per").orElse(per);
        if (requests <= 0) {
            return Optional.empty();
        }
        return Optional.of(
                new ThrottlePolicy(scope, (int) Math.min(Integer.MAX_VALUE, requests), Duration.ofSeconds(per)));
    }

    private static Throttle onMethod(Class<?> handlerClass, Operation operation) {
        String name = operation.javaMethod();
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
        Operation single = operation.single();
        boolean applies = listed.isEmpty()
                || listed.contains(operation)
                || listed.contains(single)
                || (single == Operation.PATCH && listed.contains(Operation.UPDATE));
        return applies ? throttle : null;
    }
}
