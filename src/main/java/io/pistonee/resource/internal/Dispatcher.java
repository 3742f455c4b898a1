package io.pistonee.resource.internal;

import io.pistonee.conditional.internal.Precondition;
import io.pistonee.config.PistonConfig;
import io.pistonee.handler.CreateOperation;
import io.pistonee.handler.DeleteOperation;
import io.pistonee.handler.Lifecycle;
import io.pistonee.handler.ListOperation;
import io.pistonee.handler.ModelHandler;
import io.pistonee.handler.Operation;
import io.pistonee.handler.ReadOperation;
import io.pistonee.handler.ResourceEvent;
import io.pistonee.handler.UpdateOperation;
import io.pistonee.handler.internal.HandlerDescriptor;
import io.pistonee.handler.internal.Handlers;
import io.pistonee.problem.ProblemException;
import io.pistonee.problem.Rc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Pipeline step "invocation": calls a handler's operation. Writes run in a transaction (JTA, opened
 * here so every handler gets one without asking); any exception rolls it back, so a failed write
 * leaves nothing behind. Inside that transaction, in this order: the precondition is checked against
 * the item as read now, the {@code BEFORE_*} {@link ResourceEvent} is fired, the handler runs, the
 * {@code AFTER_*} event is fired. An item is read before it is deleted only when a precondition or
 * an observer of delete events needs it.
 */
@ApplicationScoped
public class Dispatcher {

    @Inject
    Handlers handlers;

    @Inject
    @Any
    Event<ResourceEvent> events;

    @Inject
    BeanManager beans;

    @Inject
    PistonConfig config;

    private volatile Boolean deletesObserved;

    /**
     * Lets go of an emitted item: an entity is detached from the persistence context by the model
     * handler of its class ({@link io.pistonee.handler.ModelHandler#detach}), whichever handler (or
     * anonymous twin) returned it, so a streamed result never fills the persistence context.
     */
    public void release(Object item) {
        releaser().accept(item);
    }

    /**
     * {@link #release} for the items of one response: each class's model handler, and its
     * {@link ModelHandler#detacher()}, are looked up once, not per row.
     */
    public Consumer<Object> releaser() {
        return new Consumer<>() {
            private Class<?> type;
            private Consumer<Object> detach;

            @Override
            public void accept(Object item) {
                if (item == null) {
                    return;
                }
                if (item.getClass() != type) {
                    HandlerDescriptor model = handlers.modelHandlerOf(item.getClass());
                    detach = model == null ? ignored -> {} : ((ModelHandler<?, ?>) model.instance()).detacher();
                    type = item.getClass();
                }
                detach.accept(item);
            }
        };
    }

    /** The path id converted to the handler's id type; an id that does not convert names nothing: 404. */
    public Object id(HandlerDescriptor handler, String id) {
        try {
            return handler.convertId(id, config.mapper());
        } catch (IllegalArgumentException e) {
            throw notFound(handler, id);
        }
    }

    static ProblemException notFound(HandlerDescriptor handler, String id) {
        String shown = id.length() <= 100 ? id : id.substring(0, 100) + "...";
        return Rc.NOT_FOUND.error("There is no '" + handler.name() + "' with id '" + shown + "'.");
    }

    public Object list(HandlerDescriptor handler) {
        return ((ListOperation) handler.instance()).list();
    }

    @SuppressWarnings("unchecked")
    public Object read(HandlerDescriptor handler, Object id) {
        return ((ReadOperation<Object>) handler.instance()).read(id);
    }

    @Transactional(rollbackOn = Exception.class)
    public Object create(HandlerDescriptor handler, Object input) {
        return createOne(handler, input);
    }

    /** Creates every input, or none: one transaction for all. */
    @Transactional(rollbackOn = Exception.class)
    public List<Object> createAll(HandlerDescriptor handler, List<?> inputs) {
        List<Object> created = new ArrayList<>(inputs.size());
        for (Object input : inputs) {
            created.add(createOne(handler, input));
        }
        return created;
    }

    @Transactional(rollbackOn = Exception.class)
    public Object update(HandlerDescriptor handler, Object id, Object input, Precondition precondition) {
        if (precondition != Precondition.NONE) {
            precondition.check(handler.provides(Operation.READ) ? current(handler, id) : null);
        }
        return updateOne(handler, id, input);
    }

    /**
     * Reads the item, checks the precondition, turns the item into the update input with
     * {@code patch} (which applies the patch document, binds and validates) and updates.
     */
    @Transactional(rollbackOn = Exception.class)
    public Object patch(HandlerDescriptor handler, Object id, UnaryOperator<Object> patch, Precondition precondition) {
        Object current = current(handler, id);
        precondition.check(current);
        if (current == null) {
            throw notFound(handler, String.valueOf(id));
        }
        return updateOne(handler, id, patch.apply(current));
    }

    @Transactional(rollbackOn = Exception.class)
    @SuppressWarnings("unchecked")
    public void delete(HandlerDescriptor handler, Object id, Precondition precondition) {
        Object current = null;
        if (handler.provides(Operation.READ) && (precondition != Precondition.NONE || deletesObserved())) {
            try {
                current = current(handler, id);
            } catch (ProblemException e) {
                if (precondition != Precondition.NONE) {
                    throw e;
                }
                // Read only for the events: the delete itself says whether the item exists.
            }
        }
        precondition.check(current);
        fire(Lifecycle.Phase.BEFORE_DELETE, handler, id, current);
        ((DeleteOperation<Object>) handler.instance()).delete(id);
        fire(Lifecycle.Phase.AFTER_DELETE, handler, id, current);
    }

    /**
     * One item of a bulk patch, in the bulk write's transaction (its caller's): read, checked by
     * {@code check} (a stale version), patched and updated between its events, as {@link #patch} does.
     */
    public Object patchItem(HandlerDescriptor handler, Object id, Consumer<Object> check, UnaryOperator<Object> patch) {
        Object current = current(handler, id);
        if (current == null) {
            throw notFound(handler, String.valueOf(id));
        }
        check.accept(current);
        return updateOne(handler, id, patch.apply(current));
    }

    /** One item of a bulk delete, in the bulk write's transaction: deleted between its events. */
    @SuppressWarnings("unchecked")
    public void deleteItem(HandlerDescriptor handler, Object id, Object item) {
        fire(Lifecycle.Phase.BEFORE_DELETE, handler, id, item);
        ((DeleteOperation<Object>) handler.instance()).delete(id);
        fire(Lifecycle.Phase.AFTER_DELETE, handler, id, item);
    }

    @SuppressWarnings("unchecked")
    private Object createOne(HandlerDescriptor handler, Object input) {
        fire(Lifecycle.Phase.BEFORE_CREATE, handler, null, input);
        Object created = ((CreateOperation<Object>) handler.instance()).create(input);
        fire(Lifecycle.Phase.AFTER_CREATE, handler, handlers.shaper().idOf(created), created);
        return created;
    }

    @SuppressWarnings("unchecked")
    private Object updateOne(HandlerDescriptor handler, Object id, Object input) {
        fire(Lifecycle.Phase.BEFORE_UPDATE, handler, id, input);
        Object updated = ((UpdateOperation<Object, Object>) handler.instance()).update(id, input);
        fire(Lifecycle.Phase.AFTER_UPDATE, handler, id, updated);
        return updated;
    }

    /** The item as the handler reads it now, or {@code null} when there is none. */
    private Object current(HandlerDescriptor handler, Object id) {
        Object current = read(handler, id);
        return current instanceof Optional<?> optional ? optional.orElse(null) : current;
    }

    /** Whether any observer wants delete events: only then is an item read before it is deleted. */
    private boolean deletesObserved() {
        Boolean observed = deletesObserved;
        if (observed == null) {
            observed = false;
            for (Lifecycle.Phase phase : List.of(Lifecycle.Phase.BEFORE_DELETE, Lifecycle.Phase.AFTER_DELETE)) {
                observed |= !beans.resolveObserverMethods(
                                new ResourceEvent(phase, "", null, null), Lifecycle.Literal.of(phase))
                        .isEmpty();
            }
            deletesObserved = observed;
        }
        return observed;
    }

    private void fire(Lifecycle.Phase phase, HandlerDescriptor handler, Object id, Object item) {
        events.select(Lifecycle.Literal.of(phase)).fire(new ResourceEvent(phase, handler.name(), id, item));
    }
}
