package io.pistonee.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What of a served OpenAPI document the golden file pins: everything the application defines, not
 * what each server adds or spells its own way. {@link #normalize} drops the server-made members
 * ({@code servers}, {@code externalDocs}, Payara's {@code endpoints}, and of
 * {@code info} all but the application's title, version and description), names one {@code openapi}
 * version ({@link #VERSION}) whichever the server wrote,
 * takes the context root out of paths and URLs (WildFly puts it into the paths, Payara into the server
 * URL), drops component schemas nothing refers to (Payara adds one for every class with Bean
 * Validation constraints) and paths that document no handler, and sorts arrays of names (Payara sorts
 * {@code required}, WildFly keeps it in declaration order).
 */
final class OpenApiDocuments {

    private static final Set<String> SERVER_MEMBERS = Set.of("openapi", "servers", "externalDocs", "endpoints");
    private static final Set<String> APPLICATION_INFO = Set.of("title", "version", "description");

    /**
     * The version the golden file names, so that it is a document generators read (the build generates
     * the Java and TypeScript clients from it): Payara Micro 6's. WildFly and Payara Micro 7 write 3.1.0
     * with the same members, which the comparison proves.
     */
    static final String VERSION = "3.0.3";

    private OpenApiDocuments() {}

    /** The document without what the server adds; {@code contextRoot} is {@code /piston-ee} or empty. */
    static ObjectNode normalize(JsonNode served, String contextRoot) {
        ObjectNode document = served.deepCopy();
        SERVER_MEMBERS.forEach(document::remove);
        document.put("openapi", VERSION);
        if (document.path("info").isObject()) {
            ((ObjectNode) document.get("info")).retain(APPLICATION_INFO);
        }
        ObjectNode paths = (ObjectNode) document.path("paths");
        List<String> names = new ArrayList<>();
        paths.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            JsonNode item = paths.remove(name);
            String local = !contextRoot.isEmpty() && name.startsWith(contextRoot + "/")
                    ? name.substring(contextRoot.length())
                    : name;
            paths.set(local, item);
        }
        names.stream()
                .map(name -> !contextRoot.isEmpty() && name.startsWith(contextRoot + "/")
                        ? name.substring(contextRoot.length())
                        : name)
                .filter(name -> !documentsAHandler(paths.path(name)))
                .forEach(paths::remove);
        localizeTokenUrls(document, contextRoot);
        dropUnreferencedSchemas(document);
        return sorted(document);
    }

    /**
     * Whether a path item comes from a handler (its operations carry the handler's tag). Other JAX-RS
     * resources, such as the OAuth endpoints, are documented by each server's own scanner, each its own
     * way (operation ids, default responses), so the golden file leaves them out.
     */
    private static boolean documentsAHandler(JsonNode item) {
        for (JsonNode operation : item) {
            if (operation.path("tags").size() > 0) {
                return true;
            }
        }
        return false;
    }

    /** Token URLs as paths under the context root: {@code /api/oauth/token}. */
    private static void localizeTokenUrls(ObjectNode document, String contextRoot) {
        for (JsonNode flow : document.path("components")
                .path("securitySchemes")
                .path("oauth2")
                .path("flows")) {
            String url = flow.path("tokenUrl").asText();
            int at = url.indexOf(contextRoot + "/api/");
            if (at >= 0) {
                ((ObjectNode) flow).put("tokenUrl", url.substring(at + contextRoot.length()));
            }
        }
    }

    private static void dropUnreferencedSchemas(ObjectNode document) {
        JsonNode schemas = document.path("components").path("schemas");
        if (!schemas.isObject()) {
            return;
        }
        Set<String> referenced = new TreeSet<>();
        document.findValues("$ref").forEach(ref -> referenced.add(ref.asText()));
        List<String> unused = new ArrayList<>();
        schemas.fieldNames().forEachRemaining(name -> {
            if (!referenced.contains("#/components/schemas/" + name)) {
                unused.add(name);
            }
        });
        unused.forEach(((ObjectNode) schemas)::remove);
    }

    /** Members in name order, so the file diffs well; arrays keep their order. */
    static ObjectNode sorted(JsonNode node) {
        ObjectNode sorted = node.deepCopy();
        sorted.removeAll();
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        names.sort(null);
        for (String name : names) {
            sorted.set(name, sortedValue(node.get(name)));
        }
        return sorted;
    }

    private static JsonNode sortedValue(JsonNode value) {
        if (value.isObject()) {
            return sorted(value);
        }
        if (value.isArray() && name(value)) {
            List<String> names = new ArrayList<>();
            value.forEach(item -> names.add(item.asText()));
            names.sort(null);
            var array = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
            names.forEach(array::add);
            return array;
        }
        if (value.isArray()) {
            var array = value.deepCopy();
            var copy = (com.fasterxml.jackson.databind.node.ArrayNode) array;
            copy.removeAll();
            for (Iterator<JsonNode> items = value.elements(); items.hasNext(); ) {
                copy.add(sortedValue(items.next()));
            }
            return copy;
        }
        return value;
    }

    /** Whether an array lists names only (such as a schema's {@code required}): servers order those differently. */
    private static boolean name(JsonNode array) {
        if (array.isEmpty()) {
            return false;
        }
        for (JsonNode item : array) {
            if (!item.isTextual()) {
                return false;
            }
        }
        return true;
    }

    /** The paths of a document, for messages. */
    static List<String> paths(JsonNode document) {
        List<String> paths = new ArrayList<>();
        document.path("paths").fieldNames().forEachRemaining(paths::add);
        return paths;
    }

    /** The path item whose path ends with {@code suffix} ({@code /api/posts/{id}}, whatever the context root). */
    static JsonNode pathItem(JsonNode document, String suffix) {
        for (String path : paths(document)) {
            if (path.endsWith(suffix)) {
                return document.path("paths").path(path);
            }
        }
        throw new AssertionError("no path ends with " + suffix + ": " + paths(document));
    }

    /** The operation of a method ({@code get}) on the path that ends with {@code suffix}. */
    static JsonNode operation(JsonNode document, String suffix, String method) {
        return pathItem(document, suffix).path(method);
    }

    /** The names of an operation's parameters, in order. */
    static List<String> parameterNames(JsonNode operation) {
        List<String> names = new ArrayList<>();
        operation
                .path("parameters")
                .forEach(parameter -> names.add(parameter.path("name").asText()));
        return names;
    }

    /**
     * The filters a list operation documents: the properties of its {@code filter} parameter's schema
     * ({@code deepObject}: {@code filter[title__icontains]}).
     */
    static List<String> filterNames(JsonNode document, JsonNode operation) {
        JsonNode schema = schema(document, parameter(operation, "filter").path("schema"));
        List<String> names = new ArrayList<>();
        schema.path("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** A schema, or the component it refers to. */
    static JsonNode schema(JsonNode document, JsonNode schema) {
        String ref = schema.path("$ref").asText();
        return ref.isEmpty()
                ? schema
                : document.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
    }

    /** An operation's parameter. */
    static JsonNode parameter(JsonNode operation, String name) {
        for (JsonNode parameter : operation.path("parameters")) {
            if (parameter.path("name").asText().equals(name)) {
                return parameter;
            }
        }
        throw new AssertionError("no parameter " + name + " in " + parameterNames(operation));
    }
}
