package io.pistonee.it.rest;

import io.pistonee.handler.Handler;
import io.pistonee.handler.ListOperation;
import jakarta.inject.Inject;
import java.util.List;

/** What {@link GadgetEvents} saw, in order. */
@Handler("events")
public class EventsHandler implements ListOperation {

    @Inject
    GadgetEvents events;

    @Override
    public List<String> list() {
        return events.seen();
    }
}
