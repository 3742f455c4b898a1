package io.pistonee.handler;

import com.fasterxml.jackson.databind.type.TypeFactory;
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
 * names the classes, when two handlers share a name or a handler is not usable.
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

    /** What is wrong with a set of handler classes: shared names, and classes that are no usable handler. */
    static List<String> problems(List<Class<?>> handlerClasses) {
        List<String> problems = new ArrayList<>();
        Map<String, Class<?>> names = new HashMap<>();
        for (Class<?> type : handlerClasses) {
            try {
                HandlerDescriptor.of(type, TypeFactory.defaultInstance());
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
            String name = type.getAnnotation(Handler.class).value();
            Class<?> other = names.putIfAbsent(name, type);
            if (other != null) {
                problems.add("Two handlers are named \"" + name + "\": " + other.getName() + " and " + type.getName());
            }
        }
        return problems;
    }

    /** The handler beans found at deployment. */
    public List<Bean<?>> handlers() {
        return List.copyOf(handlers);
    }
}
