package io.pistonee.it.rest;

import io.pistonee.handler.CreateOperation;
import io.pistonee.handler.Handler;
import io.pistonee.handler.ListOperation;
import io.pistonee.handler.Throttle;
import java.util.Map;

/** Reading and creating share the budget "quota" with {@link QuotaTwinHandler}. */
@Handler("quota")
@Throttle(requests = 3, per = 3600, scope = "quota")
public class QuotaHandler implements ListOperation, CreateOperation<Map<String, Object>> {

    @Override
    public Map<String, Object> list() {
        return Map.of("ok", true);
    }

    @Override
    public Map<String, Object> create(Map<String, Object> input) {
        return input;
    }
}
