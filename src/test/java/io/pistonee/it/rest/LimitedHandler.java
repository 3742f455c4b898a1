package io.pistonee.it.rest;

import io.pistonee.handler.Handler;
import io.pistonee.handler.ListOperation;
import io.pistonee.handler.Throttle;
import java.util.Map;

/** Ten reads per caller per hour. */
@Handler("limited")
@Throttle(requests = 10, per = 3600)
public class LimitedHandler implements ListOperation {

    @Override
    public Map<String, Object> list() {
        return Map.of("ok", true);
    }
}
