package io.pistonee.example.blog;

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
        return entityManager
                .createQuery("select a from Author a where a.username = :username", Author.class)
                .setParameter("username", username)
                .getResultStream()
                .findFirst()
                .map(author -> new Account(author.getUsername(), author.getPasswordHash(), author.getRoles()));
    }

    @Override
    public Optional<Account> client(String clientId) {
        return Optional.ofNullable(entityManager.find(OAuthClient.class, clientId))
                .map(client -> new Account(client.getClientId(), client.getSecretHash(), client.getRoles()));
    }
}
