package io.pistonee.it.broken;

import io.pistonee.handler.Handler;
import io.pistonee.handler.ListOperation;

/** One of two handlers that claim the same name. */
@Handler("clash")
public class FirstClashingHandler implements ListOperation {

    @Override
    public Object list() {
        return "first";
    }
}
