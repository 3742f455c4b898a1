package io.pistonee.resource;

import io.pistonee.handler.CreateOperation;
import io.pistonee.handler.DeleteOperation;
import io.pistonee.handler.HandlerDescriptor;
import io.pistonee.handler.Handlers;
import io.pistonee.handler.ListOperation;
import io.pistonee.handler.ReadOperation;
import io.pistonee.handler.UpdateOperation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Pipeline step "invocation": calls a handler's operation. Writes run in a transaction (JTA, opened
 * here so every handler gets one without asking); any exception rolls it back, so a failed write
 * leaves nothing behind.
 */
@ApplicationScoped
public class Dispatcher {

    @Inject
    Handlers handlers;

    public Object list(HandlerDescriptor handler) {
        return ((ListOperation) handlers.instance(handler)).list();
    }

    @SuppressWarnings("unchecked")
    public Object read(HandlerDescriptor handler, Object id) {
        return ((ReadOperation<Object>) handlers.instance(handler)).read(id);
    }

    @Transactional(rollbackOn = Exception.class)
    @SuppressWarnings("unchecked")
    public Object create(HandlerDescriptor handler, Object input) {
        return ((CreateOperation<Object>) handlers.instance(handler)).create(input);
    }

    @Transactional(rollbackOn = Exception.class)
    @SuppressWarnings("unchecked")
    public Object update(HandlerDescriptor handler, Object id, Object input) {
        return ((UpdateOperation<Object, Object>) handlers.instance(handler)).update(id, input);
    }

    @Transactional(rollbackOn = Exception.class)
    @SuppressWarnings("unchecked")
    public void delete(HandlerDescriptor handler, Object id) {
        ((DeleteOperation<Object>) handlers.instance(handler)).delete(id);
    }
}
