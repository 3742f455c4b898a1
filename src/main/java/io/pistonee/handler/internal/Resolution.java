package io.pistonee.handler.internal;

import io.pistonee.collection.ListQuery;
import io.pistonee.fields.internal.FieldSpec;
import io.pistonee.handler.ModelHandler;
import io.pistonee.handler.Operation;
import io.pistonee.handler.Route;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the pipeline decided for the current request, decided once and read by every later step:
 * the handler named in the path, the one that serves this caller (its anonymous twin for an
 * unauthenticated caller, when the twin provides the operation) and the operation (routing); the
 * client's {@code ?fields=} and a model handler's collection query (parsed before the handler runs).
 * Authorization, throttling, binding, invocation and shaping read it; {@link ModelHandler#listQuery()}
 * reads the query. Request-scoped: one instance per request, made by the resource's request state.
 */
public class Resolution {

    private HandlerDescriptor requested;
    private HandlerDescriptor serving;
    private Operation operation;
    private FieldSpec narrowing;
    private static final Route NONE = new Route(Map.of(), List.of());

    private ListQuery query;
    private Routes.Routed routed;
    private Route route;

    /** Routing's decision; called once per request, before authorization. */
    public void resolve(HandlerDescriptor requested, HandlerDescriptor serving, Operation operation) {
        this.requested = requested;
        this.serving = serving;
        this.operation = operation;
    }

    /** The route of the request's path: its handler, target and template values. */
    public void routed(Routes.Routed routed) {
        this.routed = routed;
    }

    /** The route of the request's path, or {@code null} before routing. */
    public Routes.Routed routed() {
        return routed;
    }

    /** Sets the template's values, converted, and the parents read. */
    public void route(Route route) {
        this.route = route;
    }

    /** The template's values and parents: empty until they are read, and for a path without parameters. */
    public Route route() {
        return route == null ? NONE : route;
    }

    /** Whether routing has run for this request (it does not for OPTIONS). */
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

    /** Sets the client's {@code ?fields=}, parsed once; {@code null} when it sent none. */
    public void narrow(FieldSpec narrowing) {
        this.narrowing = narrowing;
    }

    /** The client's {@code ?fields=}: it narrows the handler's spec, never widens it; {@code null} when absent. */
    public FieldSpec narrowing() {
        return narrowing;
    }

    /** Sets the collection query of a model handler's list. */
    public void query(ListQuery query) {
        this.query = query;
    }

    /** The collection query, or empty when the list is not being served over HTTP. */
    public Optional<ListQuery> query() {
        return Optional.ofNullable(query);
    }
}
