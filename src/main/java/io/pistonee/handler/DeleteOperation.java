package io.pistonee.handler;

/**
 * {@code DELETE /api/{name}/{id}}: deletes an item. Runs in a transaction; answers 204.
 *
 * @param <ID> the id type
 */
public interface DeleteOperation<ID> {

    void delete(ID id);
}
