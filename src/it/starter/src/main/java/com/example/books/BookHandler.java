package com.example.books;

import io.pistonee.collection.Listing;
import io.pistonee.handler.Handler;
import io.pistonee.handler.ModelHandler;

/**
 * /api/books and /api/books/{id}: list, create, read, replace, patch and delete books, with
 * paging, a filter by author and title, and sorting, all from ModelHandler's defaults.
 */
@Handler(value = "books", fields = "id, title, author, pages, resource_uri")
@Listing(filter = {"author", "title"}, sort = {"title", "pages", "id"}, order = "title, id")
public class BookHandler extends ModelHandler<Book, Long> {}
