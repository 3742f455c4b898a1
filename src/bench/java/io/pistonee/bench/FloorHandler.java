package io.pistonee.bench;

import io.pistonee.handler.Handler;
import io.pistonee.handler.ListOperation;
import java.util.Map;

/**
 * The framework's floor, at {@code /api/floor}: the same constant object as {@link FloorResource},
 * through the whole pipeline (negotiation, routing, authorization, throttling, shaping, the JSON
 * emitter, ETag and Vary), so the difference between the two is what the framework adds to any
 * request before a handler does any work.
 */
@Handler("floor")
public class FloorHandler implements ListOperation {

    private static final Map<String, String> BODY = Map.of("status", "ok");

    @Override
    public Map<String, String> list() {
        return BODY;
    }
}
