package io.pistonee.security;

import java.util.Optional;

/**
 * Where users (and OAuth clients) live: the application implements this as a CDI bean, usually
 * over its own database tables, and Piston EE checks HTTP Basic credentials, the token endpoint's
 * {@code password} grant and client credentials against it.
 *
 * <pre>{@code
 * @ApplicationScoped
 * public class BlogAccounts implements Accounts {
 *     @PersistenceContext EntityManager em;
 *
 *     public Optional<Account> user(String username) {
 *         return em.createQuery("select a from Author a where a.username = :u", Author.class)
 *                 .setParameter("u", username).getResultStream().findFirst()
 *                 .map(a -> new Account(a.getUsername(), a.getPasswordHash(), a.getRoles()));
 *     }
 * }
 * }</pre>
 *
 * Passwords are stored as {@link PasswordHash} strings, never in the clear. Both methods are called
 * on every authenticated request (the slow hash is cached, the lookup is not), so a changed password
 * or changed roles take effect at once. It is one identity store among the application's: users may
 * also be in a {@code @DatabaseIdentityStoreDefinition} or an {@code IdentityStore} bean of the
 * application's ({@code user} then answers empty); OAuth clients are only here.
 */
public interface Accounts {

    /** The user with this name, if there is one. */
    Optional<Account> user(String username);

    /** The OAuth client with this id, if there is one; by default there are none. */
    default Optional<Account> client(String clientId) {
        return Optional.empty();
    }
}
