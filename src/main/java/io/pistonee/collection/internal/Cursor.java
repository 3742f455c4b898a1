package io.pistonee.collection.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pistonee.problem.Rc;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The opaque {@code ?cursor=} token: the sort keys of the last item served (keyset paging, which
 * stays fast and stable on large tables), or an offset when a key was null. Base64url of a small
 * JSON document that also names the order it belongs to, so a cursor used with another sort answers
 * 400 rather than a wrong page.
 *
 * @param keys the last item's sort key values, or {@code null}
 * @param offset where the next page starts when there are no keys
 */
record Cursor(List<JsonNode> keys, int offset) {

    static String encode(String order, List<Object> keys, int offset, ObjectMapper mapper) {
        ObjectNode cursor = mapper.createObjectNode().put("s", order);
        if (keys != null && keys.stream().allMatch(java.util.Objects::nonNull)) {
            ArrayNode values = cursor.putArray("k");
            keys.forEach(key -> values.add(mapper.valueToTree(key)));
        } else {
            cursor.put("o", offset);
        }
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(cursor.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The first page's cursor is empty; anything else must be one this collection issued for this order. */
    static Cursor decode(String token, String order, int keyCount, ObjectMapper mapper) {
        if (token.isEmpty()) {
            return new Cursor(null, 0);
        }
        try {
            JsonNode cursor = mapper.readTree(Base64.getUrlDecoder().decode(token));
            if (cursor != null && cursor.path("s").asText("").equals(order)) {
                JsonNode keys = cursor.get("k");
                // Issued cursors never hold a null key (a null key is issued as an offset instead).
                if (keys != null && keys.isArray() && keys.size() == keyCount && noNulls(keys)) {
                    return new Cursor(toList(keys), 0);
                }
                JsonNode offset = cursor.get("o");
                if (keys == null && offset != null && offset.canConvertToInt() && offset.asInt() >= 0) {
                    return new Cursor(null, offset.asInt());
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // falls through to the 400 below
        }
        throw Rc.BAD_REQUEST.error(
                "The cursor is not one this collection issued for this order: start again" + " from the first page.");
    }

    private static boolean noNulls(JsonNode keys) {
        for (JsonNode key : keys) {
            if (key.isNull()) {
                return false;
            }
        }
        return true;
    }

    private static List<JsonNode> toList(JsonNode array) {
        List<JsonNode> values = new java.util.ArrayList<>();
        array.forEach(values::add);
        return values;
    }
}
