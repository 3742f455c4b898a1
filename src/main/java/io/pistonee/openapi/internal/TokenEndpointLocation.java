package io.pistonee.openapi.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.servlet.ServletContext;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.models.security.OAuthFlow;

/**
 * Puts the application's context root into the OAuth token URL where the server could not.
 *
 * <p>WildFly builds the document while deploying, runs the application's {@code OASFilter}, and only
 * then puts the context root ({@code /piston-ee}) in front of every path, with a filter of its own
 * that leaves the token URL alone. At the time the application's filter runs, nothing names the
 * context root: the servlet context does not exist yet. So the filter hands the flows whose token URL
 * is still a bare path to this bean, and the bean completes them once the servlet context is up (CDI
 * announces it with the {@code ServletContext} as the event). The document is one object the server
 * writes out on every request, so the next request to {@code /openapi} shows the full URL. Whichever
 * comes second, the flows or the context root, completes the URL. Payara names an absolute server
 * URL and gets an absolute token URL from the filter; nothing reaches this bean there.
 */
@ApplicationScoped
public class TokenEndpointLocation {

    private final List<OAuthFlow> pending = new ArrayList<>();
    private String contextPath;

    void started(@Observes @Initialized(ApplicationScoped.class) ServletContext context) {
        located(context.getContextPath());
    }

    /** The context root of the application, known: completes every flow handed in so far. */
    synchronized void located(String contextPath) {
        this.contextPath = contextPath;
        complete();
    }

    /** A flow whose token URL is a path on this server without the context root. */
    synchronized void relative(OAuthFlow flow) {
        pending.add(flow);
        complete();
    }

    private void complete() {
        if (contextPath == null) {
            return;
        }
        for (OAuthFlow flow : pending) {
            flow.setTokenUrl(withContextRoot(contextPath, flow.getTokenUrl()));
        }
        pending.clear();
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
