package io.pistonee.openapi;

import io.pistonee.resource.PistonResource;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The MicroProfile OpenAPI settings that put the handlers in the document, shipped with the framework
 * (a {@code ConfigSource} found through {@code META-INF/services}), so a WAR built on the framework jar
 * needs no configuration of its own:
 * <pre>
 * mp.openapi.model.reader=io.pistonee.openapi.PistonModelReader
 * mp.openapi.filter=io.pistonee.openapi.PistonOpenApiFilter
 * mp.openapi.scan.exclude.classes=io.pistonee.resource.PistonResource
 * </pre>
 * Its ordinal (50) is below {@code microprofile-config.properties} (100): an application's own value
 * for a key replaces the framework's.
 */
public class OpenApiDefaults implements ConfigSource {

    /** Below every source MicroProfile Config defines, so anything an application sets wins. */
    public static final int ORDINAL = 50;

    private static final Map<String, String> PROPERTIES = Map.of(
            "mp.openapi.model.reader", PistonModelReader.class.getName(),
            "mp.openapi.filter", PistonOpenApiFilter.class.getName(),
            "mp.openapi.scan.exclude.classes", PistonResource.class.getName());

    @Override
    public Map<String, String> getProperties() {
        return PROPERTIES;
    }

    @Override
    public Set<String> getPropertyNames() {
        return PROPERTIES.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return PROPERTIES.get(propertyName);
    }

    @Override
    public String getName() {
        return "Piston EE OpenAPI defaults";
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }
}
