package io.pistonee.example.blog;

import io.pistonee.health.DatabaseAnswered;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Bulk posts for the export benchmark ({@code src/bench}): with {@code blog.generated-posts=N}
 * (default 0: none), N generated posts by {@code testuser} are inserted once the database first
 * answers ({@link DatabaseAnswered}), after the seed,
 * in batches of 50,000, with ids from 1,000,001, by one SQL statement per batch: H2's
 * {@code SYSTEM_RANGE} on the embedded database, {@code generate_series} on PostgreSQL.
 */
@ApplicationScoped
public class GeneratedPosts {

    private static final Logger LOG = Logger.getLogger(GeneratedPosts.class.getName());
    private static final long BATCH = 50_000;
    private static final long FIRST_ID = 1_000_000;
    private static final String INSERT = "INSERT INTO blog_post (id, title, content, author_id, created_on, version)"
            + " SELECT X + " + FIRST_ID + ", CONCAT('Generated post ', X),"
            + " CONCAT('The body of generated post ', X, ', written for the export benchmark.'), ?1, ";
    private static final String H2_INSERT = INSERT
            + "DATEADD('SECOND', -X, TIMESTAMP WITH TIME ZONE '2026-10-01 00:00:00+00'), 1 FROM SYSTEM_RANGE(?2, ?3)";
    private static final String POSTGRESQL_INSERT = INSERT
            + "TIMESTAMP WITH TIME ZONE '2026-10-01 00:00:00+00' - X * INTERVAL '1 second', 1"
            + " FROM generate_series(CAST(?2 AS BIGINT), CAST(?3 AS BIGINT)) AS g(X)";

    @PersistenceContext
    EntityManager entityManager;

    @Inject
    @ConfigProperty(name = "blog.generated-posts", defaultValue = "0")
    long count;

    @Inject
    GeneratedPosts self;

    /** The persistence unit's data source, asked which database it is. */
    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    /** After {@link BlogSeed#seed}, whose observer has the default priority, made the tables. */
    void generate(@Observes @Priority(Interceptor.Priority.APPLICATION + 600) DatabaseAnswered event) {
        if (count <= 0 || self.present() > 0) {
            return;
        }
        long author = self.testuser();
        String insert = postgresql() ? POSTGRESQL_INSERT : H2_INSERT;
        for (long from = 1; from <= count; from += BATCH) {
            self.insert(insert, from, Math.min(count, from + BATCH - 1), author);
        }
        LOG.info(() -> "Generated " + count + " posts for the export benchmark");
    }

    @Transactional
    public long present() {
        return entityManager
                .createQuery("select count(p) from BlogPost p where p.id > :first", Long.class)
                .setParameter("first", FIRST_ID)
                .getSingleResult();
    }

    @Transactional
    public long testuser() {
        return entityManager
                .createQuery("select a.id from Author a where a.username = 'testuser'", Long.class)
                .getSingleResult();
    }

    private boolean postgresql() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().equals("PostgreSQL");
        } catch (SQLException e) {
            throw new IllegalStateException("The database could not be asked what it is", e);
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void insert(String insert, long from, long to, long author) {
        entityManager
                .createNativeQuery(insert)
                .setParameter(1, author)
                .setParameter(2, from)
                .setParameter(3, to)
                .executeUpdate();
    }
}
