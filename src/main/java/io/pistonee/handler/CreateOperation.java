package io.pistonee.handler;

/**
 * {@code POST /api/{name}}: creates an item from the request body.
 *
 * <p>The body is parsed, bound to {@code T} and validated with Bean Validation before this method
 * runs; declare {@code T} as {@code Map<String, Object>} or {@code JsonNode} to take the data as it
 * came. The call runs in a transaction. The answer is 201 with the returned object as the body, and
 * with {@code Location} when the returned object is an entity of the handler's model.
 *
 * @param <T> the input type
 */
public interface CreateOperation<T> {

    Object create(T input);
}
