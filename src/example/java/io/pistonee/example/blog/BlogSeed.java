package io.pistonee.example.blog;

import io.pistonee.config.SecurityConfig;
import io.pistonee.security.PasswordHash;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.logging.Logger;

/**
 * Seeds the example's users (with hashed passwords), its OAuth client, a handful of posts and three drafts at
 * start-up, once, into an empty database (shared by the instances of a cluster).
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

    /**
     * Seeds an empty database. Instances of a cluster starting at once on one database may race: the
     * loser's insert breaks the unique user name, and it finds the seed there and carries on.
     */
    void seed(@Observes @Initialized(ApplicationScoped.class) Object event) {
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
