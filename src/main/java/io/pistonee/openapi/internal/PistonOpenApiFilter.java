package io.pistonee.openapi.internal;

import io.pistonee.config.OAuthConfig;
import io.pistonee.config.PistonConfig;
import io.pistonee.handler.internal.ApiPaths;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.security.OAuthFlow;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.eclipse.microprofile.openapi.models.servers.Server;

/**
 * Finishes the document once the server has merged everything into it. Registered with
 * {@code mp.openapi.filter} (see {@link OpenApiDefaults}).
 * <ul>
 *   <li>The generic JAX-RS resource never appears as {@code /api/{resource}}: each handler is
 *       documented at its own path by the {@link PistonModelReader}. The framework also excludes the
 *       resource from scanning ({@code mp.openapi.scan.exclude.classes}); this holds even where an
 *       application replaced that setting.</li>
 *   <li>While the authorization server is off, its endpoints, which the server's scanner documents
 *       anyway, are dropped.</li>
 *   <li>The OAuth token URL points where the token endpoint really is: servers that name a server
 *       URL (Payara) get it as an absolute URL, which clients such as Swagger UI need; servers that
 *       put the context root into the paths get it there too, through the
 *       {@link ContextRoot} where they do so only after this filter (WildFly).</li>
 *   <li>With {@code piston.public-base-url}, the document's one server URL is that URL, and the token
 *       URL is under it. WildFly still puts the context root into the paths, after every filter of
 *       the application, so there the public URL is right when the context root is the public path's
 *       (in production usually {@code /}).</li>
 *   <li>Payara's own {@code endpoints} listing, which no OpenAPI parser accepts, is dropped.</li>
 * </ul>
 */
public class PistonOpenApiFilter implements OASFilter {

    private static final Logger LOG = Logger.getLogger(PistonOpenApiFilter.class.getName());

    private static final String RESOURCE = "/{" + ApiPaths.RESOURCE + "}";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        List<String> generic = openAPI.getPaths().getPathItems().keySet().stream()
                .filter(PistonOpenApiFilter::isGeneric)
                .toList();
        generic.forEach(openAPI.getPaths()::removePathItem);
        dropOAuthWhileOff(openAPI);
        publish(openAPI);
        locateTokenEndpoint(openAPI);
        dropEndpointsListing(openAPI);
    }

    /**
     * Payara adds a top-level {@code endpoints} member, which OpenAPI does not allow (only {@code x-}
     * extensions may be added), so parsers reject the document. Its model has a setter for it (an empty map is left out; {@code null} breaks its copies); no
     * other server's has, and there this does nothing.
     */
    private static void dropEndpointsListing(OpenAPI openAPI) {
        try {
            openAPI.getClass().getMethod("setEndpoints", Map.class).invoke(openAPI, new TreeMap<>());
        } catch (NoSuchMethodException e) {
            // not Payara's model: nothing to drop
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.FINE, "Could not drop the server's endpoints listing", e);
        }
    }

    /**
     * The server's scanner documents the authorization server's resource even while it is off (and
     * answers 404): its paths are dropped then.
     */
    private static void dropOAuthWhileOff(OpenAPI openAPI) {
        if (PistonModelReader.inApplication(
                        cdi -> cdi.select(OAuthConfig.class).get().enabled())
                .orElse(true)) {
            return;
        }
        String root = ApiDocument.oauthPath();
        openAPI.getPaths().getPathItems().keySet().stream()
                .filter(path -> path.endsWith(root) || path.contains(root + "/"))
                .toList()
                .forEach(openAPI.getPaths()::removePathItem);
    }

    /** Under {@code piston.public-base-url}, the public URL is the document's one server. */
    private static void publish(OpenAPI openAPI) {
        Optional<URI> base = PistonModelReader.inApplication(
                        cdi -> cdi.select(PistonConfig.class).get().publicBaseUrl())
                .flatMap(url -> url);
        if (base.isEmpty()) {
            return;
        }
        openAPI.setServers(new ArrayList<>(
                List.of(OASFactory.createServer().url(base.get().toString().replaceAll("/+$", "")))));
    }

    static boolean isGeneric(String path) {
        // the generic resource's own paths: its collection, its items and the nested paths under them
        return path.endsWith(RESOURCE) || path.contains(RESOURCE + "/");
    }

    private static void locateTokenEndpoint(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSecuritySchemes() == null) {
            return;
        }
        SecurityScheme oauth = openAPI.getComponents().getSecuritySchemes().get(SecurityDocs.OAUTH);
        if (oauth == null || oauth.getFlows() == null) {
            return;
        }
        for (OAuthFlow flow :
                List.of(oauth.getFlows().getPassword(), oauth.getFlows().getClientCredentials())) {
            if (flow != null && flow.getTokenUrl() != null && flow.getTokenUrl().startsWith("/")) {
                flow.setTokenUrl(server(openAPI) + served(openAPI.getPaths().getPathItems(), flow.getTokenUrl()));
                if (flow.getTokenUrl().startsWith("/")) {
                    completeLater(flow);
                }
            }
        }
    }

    /**
     * Neither a server URL nor the paths name the context root yet (WildFly adds it to the paths after
     * this filter): the {@link ContextRoot} puts it in once the servlet context is up.
     */
    private static void completeLater(OAuthFlow flow) {
        boolean handed = PistonModelReader.inApplication(cdi -> {
                    cdi.select(ContextRoot.class)
                            .get()
                            .whenLocated(
                                    root -> flow.setTokenUrl(ContextRoot.withContextRoot(root, flow.getTokenUrl())));
                    return true;
                })
                .orElse(false);
        if (!handed) {
            LOG.fine(() -> "The OAuth token URL " + flow.getTokenUrl() + " is left without the context root");
        }
    }

    /** The path as the server lists it: with the context root where the server put it into paths. */
    private static String served(Map<String, ?> paths, String path) {
        return paths.keySet().stream()
                .filter(key -> key.endsWith(path))
                .findFirst()
                .orElse(path);
    }

    /** The one absolute server URL, without its trailing slash, or nothing. */
    private static String server(OpenAPI openAPI) {
        List<Server> servers = openAPI.getServers();
        if (servers == null || servers.size() != 1 || servers.get(0).getUrl() == null) {
            return "";
        }
        String url = servers.get(0).getUrl();
        return url.contains("://") ? url.replaceAll("/+$", "") : "";
    }
}
