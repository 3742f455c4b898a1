package io.pistonee.fields;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One item as a database row describes it: the model's label ({@code blog.blogpost}), its primary key
 * and its stored fields, related entities as their keys. What Django's serialization format carries.
 *
 * @param model the model label, {@code app_label.model_name}
 * @param pk the primary key, or a null node
 * @param fields the item's persistent fields within its field spec, without the key
 */
public record ModelItem(String model, JsonNode pk, ObjectNode fields) {}
