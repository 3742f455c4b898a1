package io.pistonee.openapi.internal;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import io.pistonee.handler.internal.HandlerDescriptor;
import io.pistonee.handler.internal.HandlerExtension;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.CDI;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The MicroProfile OpenAPI settings that put the handlers in the document, shipped with the framework
 * (a {@code ConfigSource} found through {@code META-INF/services}), so a WAR built on the framework jar
 * needs no configuration of its own:
 * <pre>
 * mp.openapi.model.reader=io.pistonee.openapi.internal.PistonModelReader
 * mp.openapi.filter=io.pistonee.openapi.internal.PistonOpenApiFilter
 * mp.openapi.scan.exclude.classes=io.pistonee.resource.internal.PistonResource,&lt;every handler class&gt;
 * </pre>
 * Handler classes are no JAX-RS resources: their MicroProfile OpenAPI annotations are read by the
 * {@link PistonModelReader}, and a server scanning them as resources would fail (Payara answers
 * {@code /openapi} with 500 for an {@code @Operation} outside a resource). The application classes
 * handlers read and return (models, inputs) are documented by the reader too, and left out of the
 * scan as well: Payara's scanner adds a duplicate schema for each, and fails on a record with Bean
 * Validation constraints. They are known once CDI
 * has found them; a server that reads the setting earlier (WildFly, while deploying) gets the
 * resource alone. Its ordinal (50) is below {@code microprofile-config.properties} (100): an
 * application's own value for a key replaces the framework's.
 */
public class OpenApiDefaults implements ConfigSource {

    /** Below every source MicroProfile Config defines, so anything an application sets wins. */
    public static final int ORDINAL = 50;

    static final String READER = "mp.openapi.model.reader";
    static final String FILTER = "mp.openapi.filter";
    static final String EXCLUDE = "mp.openapi.scan.exclude.classes";

    /**
     * The generic JAX-RS resource, named rather than imported: it is the one class above this package
     * (it calls the concepts; they never call it). A unit test keeps the name true.
     */
    static final String GENERIC_RESOURCE = "io.pistonee.resource.internal.PistonResource";

    private static final Map<String, String> FIXED =
            Map.of(READER, PistonModelReader.class.getName(), FILTER, PistonOpenApiFilter.class.getName());

    private volatile String excluded;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(FIXED);
        properties.put(EXCLUDE, excluded());
        return properties;
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(READER, FILTER, EXCLUDE);
    }

    @Override
    public String getValue(String propertyName) {
        return EXCLUDE.equals(propertyName) ? excluded() : FIXED.get(propertyName);
    }

    /** The generic resource and, once CDI has found them, every handler class. */
    private String excluded() {
        String known = excluded;
        if (known != null) {
            return known;
        }
        Optional<List<Class<?>>> handlers = PistonModelReader.inApplication(OpenApiDefaults::handlerClasses);
        String value = Stream.concat(
                        Stream.of(GENERIC_RESOURCE),
                        handlers.orElse(List.of()).stream().map(Class::getName))
                .collect(Collectors.joining(","));
        if (handlers.isPresent()) {
            excluded = value;
        }
        return value;
    }

    /**
     * The handler classes and the application classes they read and return: models, inputs, and the
     * classes those reach through their fields (a nested record of an input, the element type of a
     * list).
     */
    private static List<Class<?>> handlerClasses(CDI<Object> cdi) {
        Set<Class<?>> classes = new LinkedHashSet<>();
        for (Bean<?> bean : cdi.select(HandlerExtension.class).get().handlers()) {
            classes.add(bean.getBeanClass());
            HandlerDescriptor descriptor =
                    HandlerDescriptor.of(bean.getBeanClass(), "_", TypeFactory.defaultInstance());
            Stream.of(descriptor.model(), raw(descriptor.createInput()), raw(descriptor.updateInput()))
                    .filter(Objects::nonNull)
                    .forEach(type -> reach(type, bean.getBeanClass().getClassLoader(), classes));
        }
        return List.copyOf(classes);
    }

    /** Adds the application classes (those of {@code loader}) a type is or reaches through its fields. */
    static void reach(Type type, ClassLoader loader, Set<Class<?>> found) {
        if (type instanceof ParameterizedType parameterized) {
            reach(parameterized.getRawType(), loader, found);
            for (Type argument : parameterized.getActualTypeArguments()) {
                reach(argument, loader, found);
            }
        } else if (type instanceof WildcardType wildcard) {
            for (Type bound : wildcard.getUpperBounds()) {
                reach(bound, loader, found);
            }
        } else if (type instanceof GenericArrayType array) {
            reach(array.getGenericComponentType(), loader, found);
        } else if (type instanceof Class<?> raw && raw.isArray()) {
            reach(raw.getComponentType(), loader, found);
        } else if (type instanceof Class<?> raw && raw.getClassLoader() == loader && found.add(raw)) {
            for (Class<?> c = raw; c != null && c.getClassLoader() == loader; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    if (!Modifier.isStatic(field.getModifiers())) {
                        reach(field.getGenericType(), loader, found);
                    }
                }
            }
        }
    }

    private static Class<?> raw(JavaType type) {
        return type == null ? null : type.getRawClass();
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
