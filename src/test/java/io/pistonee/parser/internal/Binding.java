package io.pistonee.parser.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The binder's conversion for tests of other packages: a tree to a type, or a 400 problem. */
public final class Binding {

    private Binding() {}

    public static Object convert(JsonNode tree, Class<?> type, ObjectMapper mapper) {
        return Binder.convert(tree, mapper.constructType(type), mapper);
    }
}
