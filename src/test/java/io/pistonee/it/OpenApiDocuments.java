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
 * ({@code openapi}, {@code info}, {@code servers}, {@code externalDocs}, Payara's {@code endpoints}),
 * takes the context root out of paths and URLs (WildFly puts it into the paths, Payara into the server
 * URL), and drops component schemas nothing refers to (Payara adds one for every class with Bean
 * Validation constraints).
 */
final class OpenApiDocuments {

    private static final Set<String> SERVER_MEMBERS = Set.of("openapi", "info", "servers", "externalDocs", "endpoints");

    private OpenApiDocuments() {}

    /** The document without what the server adds; {@code contextRoot} is {@code /piston-ee} or empty. */
    static ObjectNode normalize(JsonNode served, String contextRoot) {
        ObjectNode document = served.deepCopy();
        SERVER_MEMBERS.forEach(document::remove);
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
        localizeTokenUrls(document, contextRoot);
        dropUnreferencedSchemas(document);
        return sorted(document);
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

    /** The paths of a document, for messages. */
    static List<String> paths(JsonNode document) {
        List<String> paths = new ArrayList<>();
        document.path("paths").fieldNames().forEachRemaining(paths::add);
        return paths;
    }
}
