package io.pistonee.it.rest;

import io.pistonee.handler.Handler;
import io.pistonee.handler.ListOperation;
import io.pistonee.handler.Throttle;
import java.util.Map;

/** Another handler in the scope "quota". */
@Handler("quota-twin")
@Throttle(requests = 3, per = 3600, scope = "quota")
public class QuotaTwinHandler implements ListOperation {

    @Override
    public Map<String, Object> list() {
        return Map.of("twin", true);
    }
}
