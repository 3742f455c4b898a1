package io.pistonee.handler.internal;

import com.fasterxml.jackson.databind.type.TypeFactory;
import io.pistonee.handler.Handler;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessManagedBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Discovers every {@link Handler} bean at deployment and fails the deployment, with a message that
 * names the classes, when two handlers share a name, their paths collide or a handler is not usable.
 */
public class HandlerExtension implements Extension {

    private final List<Bean<?>> handlers = new ArrayList<>();

    void collect(@Observes ProcessManagedBean<?> event) {
        if (event.getAnnotatedBeanClass().isAnnotationPresent(Handler.class)) {
            handlers.add(event.getBean());
        }
    }

    void validate(@Observes AfterDeploymentValidation event) {
        problems(handlers.stream().map(Bean::getBeanClass).toList())
                .forEach(problem -> event.addDeploymentProblem(new IllegalStateException(problem)));
    }

    /**
     * What is wrong with a set of handler classes: shared names, classes that are no usable handler,
     * anonymous twins that are not handlers, and unnamed handlers that are no one's twin.
     */
    static List<String> problems(List<Class<?>> handlerClasses) {
        List<String> problems = new ArrayList<>();
        Map<String, Class<?>> names = new HashMap<>();
        Map<Class<?>, String> twins = twins(handlerClasses, problems);
        List<HandlerDescriptor> named = new ArrayList<>();
        for (Class<?> type : handlerClasses) {
            String name = type.getAnnotation(Handler.class).value();
            HandlerDescriptor descriptor = null;
            try {
                descriptor = HandlerDescriptor.of(
                        type, name.isEmpty() ? twins.getOrDefault(type, "") : name, TypeFactory.defaultInstance());
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
            Class<?> other = name.isEmpty() ? null : names.putIfAbsent(name, type);
            if (other != null) {
                problems.add("Two handlers are named \"" + name + "\": " + other.getName() + " and " + type.getName());
            } else if (descriptor != null && !name.isEmpty()) {
                named.add(descriptor);
            }
        }
        problems.addAll(Routes.problems(named));
        return problems;
    }

    /** Every anonymous twin and the name of the (first) handler that names it. */
    private static Map<Class<?>, String> twins(List<Class<?>> handlerClasses, List<String> problems) {
        Map<Class<?>, String> twins = new HashMap<>();
        for (Class<?> type : handlerClasses) {
            Handler handler = type.getAnnotation(Handler.class);
            Class<?> twin = handler.anonymous();
            if (twin == void.class) {
                continue;
            }
            if (!handlerClasses.contains(twin) || twin == type) {
                problems.add("@Handler(\"" + handler.value() + "\") on " + type.getName() + " names anonymous = "
                        + twin.getName() + ", which is not another @Handler bean of this application");
            } else {
                twins.putIfAbsent(twin, handler.value());
            }
        }
        return twins;
    }

    /** The handler beans found at deployment. */
    public List<Bean<?>> handlers() {
        return List.copyOf(handlers);
    }
}
