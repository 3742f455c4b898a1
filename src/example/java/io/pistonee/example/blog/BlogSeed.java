package io.pistonee.example.blog;

import io.pistonee.config.SecurityConfig;
import io.pistonee.health.DatabaseAnswered;
import io.pistonee.security.PasswordHash;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Persistence;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Creates the example's tables and seeds its users (with hashed passwords), its OAuth client, a handful of
 * posts and three drafts, once, into an empty database (shared by the instances of a cluster), when the
 * database first answers ({@link DatabaseAnswered}: at start-up, or later if it was down then).
 *
 * <p>The tables are created here rather than by the persistence unit's own schema generation, which
 * runs while the WAR deploys and, with the database down then, fails the deployment. JPA 3.1 has no
 * portable way to run a container persistence unit's schema generation later, so {@link #createTables}
 * asks the provider through {@link Persistence#generateSchema}, the standard call that both
 * EclipseLink (Payara) and Hibernate (WildFly) implement: it reads the same {@code persistence.xml},
 * so the tables and sequences are exactly those deployment-time generation made, on the same data
 * source, outside the container's transaction. Tables that exist already are left as they are.
 */
@ApplicationScoped
public class BlogSeed {

    private static final Logger LOG = Logger.getLogger(BlogSeed.class.getName());

    @PersistenceContext
    EntityManager entityManager;

    @Inject
    SecurityConfig config;

    @Inject
    BlogSeed self;

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    /**
     * Seeds an empty database. Instances of a cluster starting at once on one database may race: the
     * loser's insert breaks the unique user name, and it finds the seed there and carries on.
     */
    void seed(@Observes DatabaseAnswered event) {
        createTables();
        if (self.seeded()) {
            return;
        }
        try {
            self.insert();
        } catch (RuntimeException e) {
            if (!self.seeded()) {
                throw e;
            }
            LOG.info("Another instance seeded the database first");
        }
    }

    private void createTables() {
        Persistence.generateSchema(
                "blog",
                Map.of(
                        "jakarta.persistence.schema-generation.database.action", "create",
                        "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
                        "jakarta.persistence.nonJtaDataSource", dataSource,
                        // EclipseLink: a session of its own, not the deployed unit's, as quiet as that one
                        // about the tables and sequences that exist already.
                        "eclipselink.session-name", "blog-schema",
                        "eclipselink.logging.level", "SEVERE"));
    }

    @Transactional
    public boolean seeded() {
        return entityManager
                        .createQuery("select count(a) from Author a", Long.class)
                        .getSingleResult()
                > 0;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void insert() {
        int iterations = config.iterations();
        Author testuser = new Author("testuser", "Test", "User", hash("foobar", iterations), "author");
        Author otheruser = new Author("otheruser", "Other", "User", hash("barfoo", iterations), "author");
        entityManager.persist(testuser);
        entityManager.persist(otheruser);
        entityManager.persist(new Author("admin", "Site", "Admin", hash("adminpass", iterations), "admin"));
        entityManager.persist(new OAuthClient("example-client", hash("example-secret", iterations), "client"));
        OffsetDateTime start = OffsetDateTime.of(2026, 11, 1, 9, 0, 0, 0, ZoneOffset.UTC);
        entityManager.persist(
                new BlogPost("Hello, Piston EE", "Handlers say what can be done with a resource.", testuser, start));
        entityManager.persist(
                new BlogPost("Emitters", "Append ?format=json and get JSON.", testuser, start.plusDays(1)));
        entityManager.persist(new BlogPost("Status codes", "FORBIDDEN is 403, not 401.", otheruser, start.plusDays(2)));
        entityManager.persist(new BlogPost(
                "Field specs", "author(username) nests; content_length is computed.", otheruser, start.plusDays(3)));
        entityManager.persist(new Draft("Scoped rows", "Only you see your drafts.", testuser, start.plusDays(4)));
        entityManager.persist(new Draft("Bulk writes", "All or nothing.", testuser, start.plusDays(5)));
        entityManager.persist(new Draft("Natural keys", "authors/{username}", otheruser, start.plusDays(6)));
    }

    private static String hash(String password, int iterations) {
        return PasswordHash.hash(password.toCharArray(), iterations);
    }
}
