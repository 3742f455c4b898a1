package io.pistonee.handler;

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
        Map<String, Class<?>> names = new HashMap<>();
        for (Bean<?> bean : handlers) {
            Class<?> type = bean.getBeanClass();
            String name = type.getAnnotation(Handler.class).value();
            Class<?> other = names.putIfAbsent(name, type);
            if (other != null) {
                event.addDeploymentProblem(new IllegalStateException("Two handlers are named \"" + name + "\": "
                        + other.getName() + " and " + type.getName()));
            }
        }
    }

    /** The handler beans found at deployment. */
    public List<Bean<?>> handlers() {
        return List.copyOf(handlers);
    }
}
