package io.pistonee.resource;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The JAX-RS application: every handler under {@code /api}. Its resources and providers are found by
 * scanning, so an application's own emitters and parsers join by being {@code @Provider} beans.
 *
 * <p>To serve the API elsewhere, map this class in {@code web.xml}: a {@code servlet-mapping} for
 * {@code io.pistonee.resource.PistonApplication} overrides the path.
 */
@ApplicationPath("api")
public class PistonApplication extends Application {}
