package io.pistonee.handler;

/**
 * {@code PUT /api/{name}/{id}}: replaces an item with the request body.
 *
 * <p>Parsed, bound and validated like {@link CreateOperation}; runs in a transaction; answers 200
 * with the returned object.
 *
 * @param <ID> the id type
 * @param <T> the input type
 */
public interface UpdateOperation<ID, T> {

    Object update(ID id, T input);
}
