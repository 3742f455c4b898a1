package io.pistonee.it.stores;

import io.pistonee.security.Account;
import io.pistonee.security.Accounts;
import io.pistonee.security.PasswordHash;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;

/**
 * {@code Accounts} for OAuth clients only ({@code store-client} / {@code store-secret}): the users are
 * in another identity store.
 */
@ApplicationScoped
public class ClientAccounts implements Accounts {

    private final String secret = PasswordHash.hash("store-secret".toCharArray(), 1000);

    @Override
    public Optional<Account> user(String username) {
        return Optional.empty();
    }

    @Override
    public Optional<Account> client(String clientId) {
        return "store-client".equals(clientId)
                ? Optional.of(new Account("store-client", secret, Set.of("service")))
                : Optional.empty();
    }
}
