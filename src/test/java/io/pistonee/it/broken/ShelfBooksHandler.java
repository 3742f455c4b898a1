package io.pistonee.it.broken;

import io.pistonee.handler.Handler;
import io.pistonee.handler.ListOperation;

/** One of two handlers mounted at paths of the same shape: {@code shelves/{shelf}/books}. */
@Handler(value = "shelf_books", path = "shelves/{shelf}/books")
public class ShelfBooksHandler implements ListOperation {

    @Override
    public Object list() {
        return "shelf";
    }
}
