package io.pistonee.handler;

/**
 * {@code GET /api/{name}/{id}}: reads one item.
 *
 * <p>The id is converted from the URL to {@code ID} ({@code Long}, {@code Integer}, {@code UUID},
 * {@code String}...); an id that does not convert answers 404. Returning {@code null} or an empty
 * {@code Optional} answers 404 too.
 *
 * @param <ID> the id type
 */
public interface ReadOperation<ID> {

    Object read(ID id);
}
