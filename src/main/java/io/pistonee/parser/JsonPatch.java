package io.pistonee.parser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pistonee.problem.ProblemException;
import io.pistonee.problem.Rc;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON Patch (RFC 6902, {@code application/json-patch+json}): an array of {@code add},
 * {@code remove}, {@code replace}, {@code move}, {@code copy} and {@code test} operations on JSON
 * Pointers (RFC 6901), applied in order, all or nothing.
 *
 * <p>A document that is not a well-formed patch answers 400; a patch that does not apply to the item
 * as it is (a failed {@code test}, a path to nothing) answers 409, naming the operation.
 */
public final class JsonPatch {

    private JsonPatch() {}

    /** The target with every operation applied; the target is not changed. */
    public static JsonNode apply(JsonNode target, JsonNode patch) {
        if (!patch.isArray()) {
            throw Rc.BAD_REQUEST.error("A JSON Patch document is an array of operations.");
        }
        JsonNode result = target.deepCopy();
        for (int index = 0; index < patch.size(); index++) {
            result = new Step(index, patch.get(index)).apply(result);
        }
        return result;
    }

    /** One operation of the document. */
    private record Step(int index, JsonNode operation) {

        JsonNode apply(JsonNode document) {
            if (!operation.isObject()) {
                throw malformed("is not an object");
            }
            String op = text("op");
            return switch (op) {
                case "add" -> add(document, pointer("path"), value());
                case "remove" -> remove(document, pointer("path"));
                case "replace" ->
                    pointer("path").isEmpty()
                            ? value()
                            : add(remove(document, pointer("path")), pointer("path"), value());
                case "move" -> move(document);
                case "copy" ->
                    add(
                            document,
                            pointer("path"),
                            get(document, pointer("from")).deepCopy());
                case "test" -> test(document);
                default -> throw malformed("has an unknown op '" + shorten(op) + "'");
            };
        }

        private JsonNode move(JsonNode document) {
            List<String> from = pointer("from");
            List<String> path = pointer("path");
            if (path.size() > from.size() && path.subList(0, from.size()).equals(from)) {
                throw malformed("moves a value into itself");
            }
            JsonNode value = get(document, from);
            return add(remove(document, from), path, value);
        }

        private JsonNode test(JsonNode document) {
            if (!get(document, pointer("path")).equals(value())) {
                throw conflict("test failed: the value at '" + text("path") + "' differs");
            }
            return document;
        }

        private JsonNode add(JsonNode document, List<String> path, JsonNode value) {
            if (path.isEmpty()) {
                return value;
            }
            JsonNode parent = get(document, path.subList(0, path.size() - 1));
            String last = path.get(path.size() - 1);
            if (parent instanceof ObjectNode object) {
                object.set(last, value);
            } else if (parent instanceof ArrayNode array) {
                int position = last.equals("-") ? array.size() : arrayIndex(last, array.size() + 1);
                array.insert(position, value);
            } else {
                throw conflict("the parent of the path is not an object or an array");
            }
            return document;
        }

        private JsonNode remove(JsonNode document, List<String> path) {
            if (path.isEmpty()) {
                throw conflict("the whole document cannot be removed");
            }
            JsonNode parent = get(document, path.subList(0, path.size() - 1));
            String last = path.get(path.size() - 1);
            if (parent instanceof ObjectNode object && object.has(last)) {
                object.remove(last);
            } else if (parent instanceof ArrayNode array) {
                array.remove(arrayIndex(last, array.size()));
            } else {
                throw conflict("there is no value at the path");
            }
            return document;
        }

        private JsonNode get(JsonNode document, List<String> path) {
            JsonNode node = document;
            for (String token : path) {
                if (node.isObject() && node.has(token)) {
                    node = node.get(token);
                } else if (node.isArray()) {
                    node = node.get(arrayIndex(token, node.size()));
                } else {
                    throw conflict("there is no value at '" + shorten(String.join("/", path)) + "'");
                }
            }
            return node;
        }

        private int arrayIndex(String token, int bound) {
            if (!token.matches("0|[1-9][0-9]{0,8}") || Integer.parseInt(token) >= bound) {
                throw conflict("'" + shorten(token) + "' is not an index of the array");
            }
            return Integer.parseInt(token);
        }

        private List<String> pointer(String member) {
            String pointer = text(member);
            if (!pointer.isEmpty() && !pointer.startsWith("/")) {
                throw malformed("has a " + member + " that is not a JSON Pointer");
            }
            List<String> tokens = new ArrayList<>();
            if (pointer.isEmpty()) {
                return tokens;
            }
            for (String token : pointer.substring(1).split("/", -1)) {
                if (token.matches(".*~([^01]|$).*")) {
                    throw malformed("has a " + member + " with a bad escape");
                }
                tokens.add(token.replace("~1", "/").replace("~0", "~"));
            }
            return tokens;
        }

        private String text(String member) {
            JsonNode value = operation.get(member);
            if (value == null || !value.isTextual()) {
                throw malformed("needs '" + member + "' as a string");
            }
            return value.asText();
        }

        private JsonNode value() {
            if (!operation.has("value")) {
                throw malformed("needs a 'value'");
            }
            return operation.get("value");
        }

        private ProblemException malformed(String what) {
            return Rc.BAD_REQUEST.error("JSON Patch operation " + index + " " + what + ".");
        }

        private ProblemException conflict(String what) {
            return Rc.DUPLICATE_ENTRY.error("JSON Patch operation " + index + " does not apply: " + what + ".");
        }

        private static String shorten(String text) {
            return text.length() <= 60 ? text : text.substring(0, 60) + "...";
        }
    }
}
