package io.pistonee.it.broken;

import io.pistonee.handler.Handler;
import io.pistonee.handler.ListOperation;

/** The other of two handlers that claim the same name. */
@Handler("clash")
public class SecondClashingHandler implements ListOperation {

    @Override
    public Object list() {
        return "second";
    }
}
