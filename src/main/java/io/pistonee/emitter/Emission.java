package io.pistonee.emitter;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.pistonee.fields.ModelItem;
import io.pistonee.fields.internal.Shaper;
import java.io.IOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
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
 * @param release called with each item of a sequence once the emitter has moved past it (the
 *     framework detaches written entities, so a streamed result never fills the persistence context);
 *     {@code null} for none
 * @param rows writes one item of a sequence shaped, straight to a generator (the same as writing its
 *     {@code shape}); {@code null} to write each item's tree
 */
public record Emission(
        Object value,
        Function<Object, JsonNode> shape,
        Function<Object, ModelItem> stored,
        Consumer<Object> release,
        RowWriter rows) {

    /**
     * Writes one item of a sequence, shaped, straight to a generator: what {@link #shape} makes of it,
     * without the tree.
     */
    @FunctionalInterface
    public interface RowWriter {
        void write(Object item, JsonGenerator generator) throws IOException;
    }

    /** An emission whose rows are written through their trees. */
    public Emission(
            Object value,
            Function<Object, JsonNode> shape,
            Function<Object, ModelItem> stored,
            Consumer<Object> release) {
        this(value, shape, stored, release, null);
    }

    /** An emission with no stored form (problems, values from no handler). */
    public Emission(Object value, Function<Object, JsonNode> shape) {
        this(value, shape, null, null, null);
    }

    /** Whether the value is written as an array, item by item. */
    public boolean isSequence() {
        return Shaper.isSequence(value);
    }

    /** The items of a sequence, each released once the next is asked for (or the end is reached). */
    public Iterator<?> items() {
        Iterator<?> items = Shaper.items(value);
        return release == null ? items : new Releasing(items, release);
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
     * array, item by item (each written as it is shaped, with {@link #rows}), anything else as one
     * tree. Leaves the underlying stream open.
     */
    public void write(JsonGenerator generator) throws IOException {
        generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        // Closing the generator writes what it buffered but does not flush the container's stream: a
        // flush commits the response as it stands, so a small body went out chunked in two writes to
        // the socket instead of one with its Content-Length (7 % of a GET's CPU on WildFly).
        generator.disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
        try (generator) {
            if (isSequence()) {
                generator.writeStartArray();
                for (Iterator<?> items = items(); items.hasNext(); ) {
                    writeItem(items.next(), generator);
                }
                generator.writeEndArray();
            } else {
                generator.writeTree(tree(value));
            }
        }
    }

    /**
     * Writes one item of a sequence (or the whole value), shaped, to a generator: with {@link #rows}
     * where there is one, else as its tree. For emitters that read the shape as generator calls.
     */
    public void writeItem(Object item, JsonGenerator generator) throws IOException {
        if (rows != null && item != value) {
            rows.write(item, generator);
        } else {
            generator.writeTree(tree(item));
        }
    }

    /** Releases each item when the emitter moves on. */
    private static final class Releasing implements Iterator<Object> {
        private final Iterator<?> items;
        private final Consumer<Object> release;
        private Object current;
        private boolean holding;

        Releasing(Iterator<?> items, Consumer<Object> release) {
            this.items = items;
            this.release = release;
        }

        @Override
        public boolean hasNext() {
            boolean more = items.hasNext();
            if (!more) {
                releaseCurrent();
            }
            return more;
        }

        @Override
        public Object next() {
            releaseCurrent();
            if (!items.hasNext()) {
                throw new NoSuchElementException();
            }
            current = items.next();
            holding = true;
            return current;
        }

        private void releaseCurrent() {
            if (holding) {
                holding = false;
                release.accept(current);
                current = null;
            }
        }
    }
}
