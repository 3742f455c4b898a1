package io.pistonee.example.blog;

import io.pistonee.handler.Handler;
import io.pistonee.handler.ListOperation;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/stats}: a handler tied to no model, returning a map: the number of posts, of authors
 * who wrote them, and the newest post's title.
 */
@Handler("stats")
public class StatsHandler implements ListOperation {

    @PersistenceContext
    EntityManager entityManager;

    @Override
    public Map<String, Object> list() {
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put(
                "posts",
                entityManager
                        .createQuery("select count(p) from BlogPost p", Long.class)
                        .getSingleResult());
        stats.put(
                "authors",
                entityManager
                        .createQuery("select count(distinct p.author) from BlogPost p", Long.class)
                        .getSingleResult());
        List<String> latest = entityManager
                .createQuery("select p.title from BlogPost p order by p.createdOn desc, p.id desc", String.class)
                .setMaxResults(1)
                .getResultList();
        stats.put("latest", latest.isEmpty() ? null : latest.get(0));
        return stats;
    }
}
