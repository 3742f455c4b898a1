package io.pistonee.emitter;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.pistonee.fields.ModelItem;
import io.pistonee.fields.Shaper;
import java.io.IOException;
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
 * @param stored turns one item into its stored form (model, primary key, persistent fields), for
 *     formats that describe rows of a database, such as Django's; {@code null} when there is none
 */
public record Emission(Object value, Function<Object, JsonNode> shape, Function<Object, ModelItem> stored) {

    /** An emission with no stored form (problems, values from no handler). */
    public Emission(Object value, Function<Object, JsonNode> shape) {
        this(value, shape, null);
    }

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

    /** One item in its stored form. */
    public ModelItem storedForm(Object item) {
        if (stored == null) {
            throw new IllegalStateException("This result has no stored form");
        }
        return stored.apply(item);
    }

    /**
     * Writes the value through a Jackson generator of any format (JSON, YAML...): a sequence as an
     * array, item by item, anything else as one tree. Leaves the underlying stream open.
     */
    public void write(JsonGenerator generator) throws IOException {
        generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        try (generator) {
            if (isSequence()) {
                generator.writeStartArray();
                for (Iterator<?> items = items(); items.hasNext(); ) {
                    generator.writeTree(tree(items.next()));
                }
                generator.writeEndArray();
            } else {
                generator.writeTree(tree(value));
            }
        }
    }
}
