package io.pistonee.openapi.internal;

import jakarta.enterprise.inject.spi.CDI;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASModelReader;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * Contributes every handler to the application's OpenAPI document ({@code /openapi}) through
 * MicroProfile OpenAPI's model reader: the framework registers it with {@code mp.openapi.model.reader}
 * (see {@link OpenApiDefaults}). A static {@code META-INF/openapi.yaml}, annotated JAX-RS resources
 * and filters are applied after it, as the specification orders.
 *
 * <p>The model names the API ({@code info}) as {@link InfoDocs} decides. An application that needs a
 * reader of its own extends this one and registers it:
 * <pre>{@code
 * public class MyReader extends PistonModelReader {
 *     public OpenAPI buildModel() {
 *         return super.buildModel()
 *                 .externalDocs(OASFactory.createExternalDocumentation().url("https://example.com/guide"));
 *     }
 * }
 * }</pre>
 */
public class PistonModelReader implements OASModelReader {

    private static final Logger LOG = Logger.getLogger(PistonModelReader.class.getName());

    /**
     * The model of the deployed handlers. Servers build the document at different times: Payara on the
     * first request for it, WildFly while deploying, on a thread whose context class loader is the
     * server's. CDI finds the application by that class loader, so it is the application's for the call.
     */
    @Override
    public OpenAPI buildModel() {
        try {
            return inApplication(cdi -> cdi.select(ApiDocument.class).get().model())
                    .orElseThrow(() -> new IllegalStateException("CDI is not available to build the document"));
        } catch (RuntimeException e) {
            // WildFly builds the document while deploying: a failure here must not take the API down.
            LOG.log(Level.SEVERE, "The handlers are left out of the OpenAPI document: it could not be built", e);
            return OASFactory.createOpenAPI();
        }
    }

    /**
     * Runs an action on this application's CDI container, with the application's class loader as the
     * context class loader; empty when CDI is not available (yet) on this thread.
     */
    static <T> Optional<T> inApplication(Function<CDI<Object>, T> action) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(PistonModelReader.class.getClassLoader());
        try {
            CDI<Object> cdi;
            try {
                cdi = CDI.current();
            } catch (IllegalStateException e) {
                return Optional.empty();
            }
            return Optional.of(action.apply(cdi));
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
