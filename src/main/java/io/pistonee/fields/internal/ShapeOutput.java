package io.pistonee.fields.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Where a shaping run puts what it makes: a tree ({@link Tree}), or a Jackson generator that writes
 * it at once ({@link Generator}), so a streamed collection's rows go out without a tree per row. Both
 * receive the same calls in the same order; a name is always followed by its value.
 */
interface ShapeOutput {

    void startObject();

    /** The name of the next value in the current object. */
    void name(String name);

    void endObject();

    void startArray();

    void endArray();

    void text(String text);

    void number(long number);

    void number(int number);

    void bool(boolean bool);

    void nothing();

    /** A value that already is a tree (a {@code JsonNode} result, what the mapper made of a value). */
    void tree(JsonNode node);

    /** Builds the tree that {@link Shaper#shape} returns. */
    final class Tree implements ShapeOutput {
        private final JsonNodeFactory nodes = JsonNodeFactory.instance;
        private final Deque<ContainerNode<?>> open = new ArrayDeque<>();
        private String name;
        private JsonNode result;

        JsonNode result() {
            return result;
        }

        @Override
        public void startObject() {
            ObjectNode object = nodes.objectNode();
            add(object);
            open.push(object);
        }

        @Override
        public void name(String name) {
            this.name = name;
        }

        @Override
        public void endObject() {
            open.pop();
        }

        @Override
        public void startArray() {
            ArrayNode array = nodes.arrayNode();
            add(array);
            open.push(array);
        }

        @Override
        public void endArray() {
            open.pop();
        }

        @Override
        public void text(String text) {
            add(nodes.textNode(text));
        }

        @Override
        public void number(long number) {
            add(nodes.numberNode(number));
        }

        @Override
        public void number(int number) {
            add(nodes.numberNode(number));
        }

        @Override
        public void bool(boolean bool) {
            add(nodes.booleanNode(bool));
        }

        @Override
        public void nothing() {
            add(nodes.nullNode());
        }

        @Override
        public void tree(JsonNode node) {
            add(node);
        }

        private void add(JsonNode node) {
            ContainerNode<?> parent = open.peek();
            if (parent == null) {
                result = node;
            } else if (parent instanceof ObjectNode object) {
                object.set(name, node);
            } else {
                ((ArrayNode) parent).add(node);
            }
        }
    }

    /**
     * Writes straight to a generator. Its {@code IOException}s leave a shaping run as
     * {@link UncheckedIOException}s, which {@link Shaper#write} turns back.
     */
    final class Generator implements ShapeOutput {
        private final JsonGenerator generator;

        Generator(JsonGenerator generator) {
            this.generator = generator;
        }

        @Override
        public void startObject() {
            try {
                generator.writeStartObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void name(String name) {
            try {
                generator.writeFieldName(name);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void endObject() {
            try {
                generator.writeEndObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void startArray() {
            try {
                generator.writeStartArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void endArray() {
            try {
                generator.writeEndArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void text(String text) {
            try {
                generator.writeString(text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void number(long number) {
            try {
                generator.writeNumber(number);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void number(int number) {
            try {
                generator.writeNumber(number);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void bool(boolean bool) {
            try {
                generator.writeBoolean(bool);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void nothing() {
            try {
                generator.writeNull();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void tree(JsonNode node) {
            try {
                generator.writeTree(node);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
