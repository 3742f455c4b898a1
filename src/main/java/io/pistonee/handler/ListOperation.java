package io.pistonee.handler;

/**
 * {@code GET /api/{name}}: reads the collection.
 *
 * <p>Return anything: a {@code List} or {@code Stream} of items (emitted item by item, each shaped by
 * the handler's list fields), or a single value such as a map or a record. Narrow the return type in
 * the implementation ({@code List<BlogPost> list()}) so documentation can describe it.
 */
public interface ListOperation {

    Object list();
}
