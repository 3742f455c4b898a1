package io.pistonee.it.rest;

import io.pistonee.handler.Lifecycle;
import io.pistonee.handler.ResourceEvent;
import io.pistonee.problem.Rc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records every lifecycle event; vetoes deleting a gadget coded "keep-..." before it happens. */
@ApplicationScoped
public class GadgetEvents {

    private final List<String> seen = new CopyOnWriteArrayList<>();

    void any(@Observes ResourceEvent event) {
        seen.add(event.phase() + " " + event.resource() + " " + event.id());
    }

    void guard(@Observes @Lifecycle(Lifecycle.Phase.BEFORE_DELETE) ResourceEvent event) {
        if (event.item() instanceof Gadget gadget && gadget.getCode().startsWith("keep-")) {
            throw Rc.FORBIDDEN.error("Gadgets coded keep-... are never deleted.");
        }
    }

    public List<String> seen() {
        return List.copyOf(seen);
    }
}
