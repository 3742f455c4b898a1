package io.pistonee.resource;

import io.pistonee.handler.internal.ApiPaths;
import jakarta.enterprise.context.Dependent;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * The JAX-RS application: every handler under {@code /api}. Its resources and providers are found by
 * scanning, so an application's own emitters and parsers join by being {@code @Provider} beans.
 *
 * <p>To serve the API elsewhere, map this class in {@code web.xml}: a {@code servlet-mapping} for
 * {@code io.pistonee.resource.PistonApplication} overrides the path.
 *
 * <p>{@code @LoginConfig(authMethod = "MP-JWT")} turns on the server's MicroProfile JWT support, to
 * which {@code PistonAuthenticationMechanism} hands bearer tokens; the
 * application must therefore configure {@code mp.jwt.verify.issuer} and a public key (the deployment
 * logs a warning when it does not: {@code security.internal.BearerKeys}). The
 * class is a CDI bean ({@code @Dependent}) because Payara looks for the annotation on beans only.
 *
 * <p>Jersey (Payara) would also serve a WADL of the one generic resource at
 * {@code /api/application.wadl}, naming its own version; the application's description is the
 * OpenAPI document, so the WADL is switched off (RESTEasy ignores the property).
 */
@ApplicationPath(ApiPaths.ROOT)
@Dependent
@LoginConfig(authMethod = "MP-JWT", realmName = "piston")
public class PistonApplication extends Application {

    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
