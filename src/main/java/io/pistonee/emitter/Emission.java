package io.pistonee.emitter;

import com.fasterxml.jackson.databind.JsonNode;
import io.pistonee.fields.Shaper;
import java.util.Iterator;
import java.util.function.Function;

/**
 * What an emitter writes: a handler's result and how to shape each part of it.
 *
 * <p>A result that is a sequence (a list, a stream...) is shaped item by item as it is written, so a
 * large collection is never held twice in memory.
 *
 * @param value the handler's result
 * @param shape turns one item, or the whole value, into a tree
 */
public record Emission(Object value, Function<Object, JsonNode> shape) {

    /** Whether the value is written as an array, item by item. */
    public boolean isSequence() {
        return Shaper.isSequence(value);
    }

    /** The items of a sequence. */
    public Iterator<?> items() {
        return Shaper.items(value);
    }

    /** The whole value (or one item, for sequences) as a tree. */
    public JsonNode tree(Object item) {
        return shape.apply(item);
    }
}
