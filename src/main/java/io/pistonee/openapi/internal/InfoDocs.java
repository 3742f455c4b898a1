package io.pistonee.openapi.internal;

import java.lang.reflect.AnnotatedElement;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.models.info.Info;

/**
 * The document's {@code info}: what the application calls its API. Each of the title, the version and
 * the description comes from the first of:
 * <ol>
 *   <li>the application's {@code @OpenAPIDefinition(info = @Info(...))}, on a CDI bean class or its
 *       package (a {@code package-info.java});</li>
 *   <li>the configuration: {@code piston.openapi.title}, {@code piston.openapi.version},
 *       {@code piston.openapi.description};</li>
 *   <li>the defaults: the context root's name as the title ({@code piston-ee}; {@value #UNNAMED} at
 *       the server's root), {@value #DEFAULT_VERSION} as the version, no description.</li>
 * </ol>
 * The reader reads the annotation itself rather than leaving it to the server's scan, which differs
 * between servers (Payara does not scan the handler classes the framework excludes from it); a server
 * that scans it too merges the same values.
 */
final class InfoDocs {

    /** The title until the context root is known, and at the server's root. */
    static final String UNNAMED = "API";

    static final String DEFAULT_VERSION = "1.0.0";

    private static final Logger LOG = Logger.getLogger(InfoDocs.class.getName());

    /** The {@code piston.openapi.*} settings, each empty when not set. */
    record Configured(Optional<String> title, Optional<String> version, Optional<String> description) {}

    private final Optional<String> title;
    private final Optional<String> version;
    private final Optional<String> description;

    InfoDocs(Optional<OpenAPIDefinition> declared, Configured configured) {
        this.title = pick(declared.map(definition -> definition.info().title()), configured.title());
        this.version = pick(declared.map(definition -> definition.info().version()), configured.version());
        this.description = pick(declared.map(definition -> definition.info().description()), configured.description());
    }

    /** The declared value if the annotation gives one, else the configured one. */
    private static Optional<String> pick(Optional<String> declared, Optional<String> configured) {
        return declared.filter(value -> !value.isBlank()).or(() -> configured.filter(value -> !value.isBlank()));
    }

    /** The title, {@value #UNNAMED} when the context root is to name it (see {@link #named}). */
    String title() {
        return title.orElse(UNNAMED);
    }

    String version() {
        return version.orElse(DEFAULT_VERSION);
    }

    Optional<String> description() {
        return description;
    }

    /** Whether neither the application nor the configuration names the API, so the context root does. */
    boolean untitled() {
        return title.isEmpty();
    }

    /** The info of the model. */
    Info info() {
        Info info = OASFactory.createInfo().title(title()).version(version());
        description.ifPresent(info::description);
        return info;
    }

    /**
     * The title of an untitled info once the context root is known ({@code /piston-ee}:
     * {@code piston-ee}), unless something (a server's own scan) has titled it since.
     */
    static String named(String current, String contextPath) {
        return UNNAMED.equals(current) ? title(contextPath) : current;
    }

    /** The default title: the context root without its slashes, or {@value #UNNAMED} at the server's root. */
    static String title(String contextPath) {
        String name = contextPath.replaceAll("^/+|/+$", "");
        return name.isEmpty() ? UNNAMED : name;
    }

    /**
     * The application's {@code @OpenAPIDefinition} on one of these classes or their packages. Several
     * are not merged: the one on the first class or package by name wins, and a warning names them all.
     */
    static Optional<OpenAPIDefinition> declared(Collection<Class<?>> classes) {
        Map<String, OpenAPIDefinition> found = new TreeMap<>();
        for (Class<?> type : classes) {
            add(found, type.getName(), type);
            if (type.getPackage() != null) {
                add(found, type.getPackageName(), type.getPackage());
            }
        }
        if (found.values().stream().distinct().count() > 1) {
            LOG.warning(() -> "@OpenAPIDefinition is declared on " + found.keySet() + ": the document's info is "
                    + found.keySet().iterator().next() + "'s");
        }
        return found.values().stream().findFirst();
    }

    private static void add(Map<String, OpenAPIDefinition> found, String name, AnnotatedElement element) {
        OpenAPIDefinition definition = element.getAnnotation(OpenAPIDefinition.class);
        if (definition != null) {
            found.put(name, definition);
        }
    }
}
