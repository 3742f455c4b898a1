package io.pistonee.parser;

import com.fasterxml.jackson.databind.JsonNode;
import io.pistonee.problem.Rc;
import java.util.Objects;

/** A parsed request body: the data as a format-neutral tree, before it is bound to a type. */
public record RequestData(JsonNode tree) {

    public RequestData {
        Objects.requireNonNull(tree, "tree");
    }

    /** The body of a request that needs one; 400 when there is none. */
    public static RequestData required(RequestData body) {
        if (body == null) {
            throw Rc.BAD_REQUEST.error("The request body is empty: a document is required.");
        }
        return body;
    }
}
