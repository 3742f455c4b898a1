package io.pistonee.collection;

import java.util.Optional;

/**
 * The collection query of the current request, parsed before the handler's {@code list()} runs.
 * Request-scoped: one instance per request, made by {@code io.pistonee.resource.RequestState}.
 */
public class ListRequest {

    private ListQuery query;

    public void set(ListQuery query) {
        this.query = query;
    }

    /** The query, or empty when the list is not being served over HTTP. */
    public Optional<ListQuery> query() {
        return Optional.ofNullable(query);
    }
}
