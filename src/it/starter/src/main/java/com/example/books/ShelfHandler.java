package com.example.books;

import io.pistonee.handler.Handler;
import io.pistonee.handler.ListOperation;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.Map;

/** /api/shelf: a handler tied to no model; it answers GET with what the shelf holds. */
@Handler("shelf")
public class ShelfHandler implements ListOperation {

    @PersistenceContext
    EntityManager entityManager;

    @Override
    public Map<String, Object> list() {
        Object[] totals = entityManager
                .createQuery("select count(b), coalesce(sum(b.pages), 0) from Book b", Object[].class)
                .getSingleResult();
        Map<String, Object> shelf = new LinkedHashMap<>();
        shelf.put("books", totals[0]);
        shelf.put("pages", totals[1]);
        return shelf;
    }
}
