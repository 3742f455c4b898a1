package io.pistonee.openapi.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The application's context root, for the parts of the document that name it where the server could
 * not: the OAuth token URL and the default title.
 *
 * <p>WildFly builds the document while deploying, runs the application's {@code OASFilter}, and only
 * then puts the context root ({@code /piston-ee}) in front of every path, with a filter of its own
 * that leaves the token URL alone. At the time the application's reader and filter run, nothing names
 * the context root: the servlet context does not exist yet. So they hand what needs it to this bean,
 * which completes it once the servlet context is up (its {@link Listener} tells it). The document is
 * one object the server writes out on every request, so the next request to {@code /openapi} shows it
 * complete. Whichever comes second, the action or the context root, runs the action. Payara builds
 * the document on its first request, when the context root is known: actions run at once there.
 */
@ApplicationScoped
public class ContextRoot {

    private final List<Consumer<String>> pending = new ArrayList<>();
    private String contextPath;

    /**
     * Tells the bean the context root as the servlet context starts. A listener rather than an
     * observer of CDI's {@code @Initialized(ApplicationScoped.class)}: Payara does not give that event
     * the {@code ServletContext}.
     */
    @WebListener
    public static class Listener implements ServletContextListener {

        @Inject
        ContextRoot contextRoot;

        @Override
        public void contextInitialized(ServletContextEvent event) {
            contextRoot.located(event.getServletContext().getContextPath());
        }
    }

    /** The context root of the application, known: runs every action handed in so far. */
    synchronized void located(String contextPath) {
        this.contextPath = contextPath;
        pending.forEach(action -> action.accept(contextPath));
        pending.clear();
    }

    /** Runs an action with the context path ({@code /piston-ee}, or empty) now if it is known, else once it is. */
    synchronized void whenLocated(Consumer<String> action) {
        if (contextPath == null) {
            pending.add(action);
        } else {
            action.accept(contextPath);
        }
    }

    /** The path under the context root, unless it already is, or the root is the server's. */
    static String withContextRoot(String contextPath, String path) {
        String root = contextPath.replaceAll("/+$", "");
        if (root.isEmpty() || path == null || !path.startsWith("/") || path.startsWith(root + "/")) {
            return path;
        }
        return root + path;
    }
}
