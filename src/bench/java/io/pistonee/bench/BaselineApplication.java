package io.pistonee.bench;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import java.util.Set;

/**
 * The benchmark's "no framework" JAX-RS application, at {@code /bench}: only {@link BaselineResource}
 * and {@link FloorResource}, so none of Piston EE's providers (filters, emitters, parsers, exception
 * mappers) take part in their requests. Container security does: the WAR's one authentication mechanism and identity store
 * authenticate its requests exactly as they do the framework's.
 *
 * <p>Compiled into the WAR only by the Maven profile {@code bench} ({@code src/bench/run.sh}); the
 * example application as built by {@code mvn package} does not contain it.
 */
@ApplicationPath("bench")
public class BaselineApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(BaselineResource.class, FloorResource.class);
    }

    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
