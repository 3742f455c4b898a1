package io.pistonee.example.blog;

import io.pistonee.problem.Rc;
import io.pistonee.security.Account;
import io.pistonee.security.Accounts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** The example's users are its {@link Author}s; its OAuth clients are {@link OAuthClient} rows. */
@ApplicationScoped
public class BlogAccounts implements Accounts {

    @PersistenceContext
    EntityManager entityManager;

    @Override
    public Optional<Account> user(String username) {
        return author(username)
                .map(author -> new Account(author.getUsername(), author.getPasswordHash(), author.getRoles()));
    }

    /**
     * The author a caller is, as the current persistence context knows it: what a handler sets as the
     * author of what the caller writes. A caller with no such row (an OAuth client) is refused with 403.
     */
    public Author writer(String username) {
        return author(username)
                .orElseThrow(() -> Rc.FORBIDDEN.error("'" + username + "' is not an author of this blog."));
    }

    private Optional<Author> author(String username) {
        return entityManager
                .createQuery("select a from Author a where a.username = :username", Author.class)
                .setParameter("username", username)
                .getResultStream()
                .findFirst();
    }

    @Override
    public Optional<Account> client(String clientId) {
        return Optional.ofNullable(entityManager.find(OAuthClient.class, clientId))
                .map(client -> new Account(client.getClientId(), client.getSecretHash(), client.getRoles()));
    }
}
