package io.pistonee.parser;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/** A parsed request body: the data as a format-neutral tree, before it is bound to a type. */
public record RequestData(JsonNode tree) {

    public RequestData {
        Objects.requireNonNull(tree, "tree");
    }
}
