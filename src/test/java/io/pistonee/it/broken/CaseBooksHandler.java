package io.pistonee.it.broken;

import io.pistonee.handler.Handler;
import io.pistonee.handler.ListOperation;

/** The other: {@code shelves/{case}/books} matches every path {@link ShelfBooksHandler}'s does. */
@Handler(value = "case_books", path = "shelves/{case}/books")
public class CaseBooksHandler implements ListOperation {

    @Override
    public Object list() {
        return "case";
    }
}
