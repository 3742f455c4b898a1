package io.pistonee.it.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import io.pistonee.handler.CreateOperation;
import io.pistonee.handler.Handler;
import io.pistonee.handler.UpdateOperation;
import java.util.LinkedHashMap;
import java.util.Map;

/** Takes data as it came: a map on create, a tree on update; string ids. */
@Handler("echo")
public class EchoHandler implements CreateOperation<Map<String, Object>>, UpdateOperation<String, JsonNode> {

    @Override
    public Map<String, Object> create(Map<String, Object> input) {
        Map<String, Object> echoed = new LinkedHashMap<>(input);
        echoed.put("echoed", true);
        return echoed;
    }

    @Override
    public Map<String, Object> update(String id, JsonNode input) {
        return Map.of("id", id, "body", input);
    }
}
