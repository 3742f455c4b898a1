package io.pistonee.resource;

import io.pistonee.handler.HandlerDescriptor;
import io.pistonee.handler.Operation;

/**
 * What handler resolution decided for the current request: the handler named in the path, the one
 * that serves this caller (its anonymous twin for an unauthenticated caller, when the twin provides
 * the operation), and the operation. Read by authorization and by the resource. Request-scoped: one
 * instance per request, made by {@link RequestState}.
 */
public class Resolution {

    private HandlerDescriptor requested;
    private HandlerDescriptor serving;
    private Operation operation;

    void resolve(HandlerDescriptor requested, HandlerDescriptor serving, Operation operation) {
        this.requested = requested;
        this.serving = serving;
        this.operation = operation;
    }

    /** Whether handler resolution has run for this request (it does not for OPTIONS). */
    public boolean resolved() {
        return serving != null;
    }

    /** The handler named in the path. */
    public HandlerDescriptor requested() {
        return requested;
    }

    /** The handler that serves this caller: the requested one or its anonymous twin. */
    public HandlerDescriptor serving() {
        return serving;
    }

    public Operation operation() {
        return operation;
    }
}
