package io.pistonee.it.rest;

import io.pistonee.handler.Handler;
import io.pistonee.handler.ListOperation;
import io.pistonee.handler.ReadOperation;
import io.pistonee.handler.Route;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/**
 * A handler tied to no model, mounted under another handler's items: {@code /api/gadgets/{gadget}/parts}.
 * It answers with the template's value as it received it (a {@code Long}, the gadgets' id type) and the
 * parent gadget's name, so a test sees the conversion and the parent read.
 */
@Handler(value = "gadget_parts", path = "gadgets/{gadget}/parts")
public class PartsHandler implements ListOperation, ReadOperation<Integer> {

    @Inject
    Route route;

    @Override
    public List<Map<String, Object>> list() {
        return List.of(read(1), read(2));
    }

    @Override
    public Map<String, Object> read(Integer part) {
        Object gadget = route.value("gadget");
        return Map.of(
                "gadget",
                gadget,
                "type",
                gadget.getClass().getSimpleName(),
                "of",
                route.parent(Gadget.class).getName(),
                "part",
                part);
    }
}
