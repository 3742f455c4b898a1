package io.pistonee.security.internal;

import io.pistonee.config.SecurityConfig;
import io.pistonee.security.Account;
import io.pistonee.security.Accounts;
import io.pistonee.security.PasswordHash;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/**
 * The Jakarta Security identity store over the application's {@link Accounts}: validates user names
 * and passwords (HTTP Basic, the token endpoint's {@code password} grant) against stored
 * {@link PasswordHash}es and provides the user's groups.
 *
 * <p>Verified credentials are remembered by a {@link CredentialCache} (the slow hash costs about a
 * tenth of a second of CPU); the account itself is looked up on every call, so a changed password or
 * changed roles apply to the next request. An unknown user costs the same hash as a known one, so
 * response times do not tell which user names exist.
 */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

    @Inject
    Instance<Accounts> accounts;

    @Inject
    SecurityConfig config;

    private CredentialCache cache;
    private String decoy;

    @PostConstruct
    void init() {
        cache = new CredentialCache(config.cacheSize(), config.cacheTtl(), Clock.systemUTC());
        decoy = PasswordHash.hash("decoy".toCharArray(), config.iterations());
    }

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login) || !accounts.isResolvable()) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        return verify(accounts.get().user(login.getCaller()), login.getCaller(), login.getPasswordAsString())
                .map(account -> new CredentialValidationResult(account.name(), account.groups()))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }

    /** The OAuth client whose id and secret these are, if they are right. */
    public Optional<Account> client(String clientId, String secret) {
        if (!accounts.isResolvable()) {
            return Optional.empty();
        }
        return verify(accounts.get().client(clientId), "client:" + clientId, secret);
    }

    /** The current groups of a user, for a refreshed token; empty when the user is gone. */
    public Optional<Set<String>> groupsOf(String username) {
        if (!accounts.isResolvable()) {
            return Optional.empty();
        }
        return accounts.get().user(username).map(Account::groups);
    }

    /** The cache of verified credentials (exposed for operators and tests that clear it). */
    public CredentialCache cache() {
        return cache;
    }

    private Optional<Account> verify(Optional<Account> account, String name, String secret) {
        String stored = account.map(Account::passwordHash).orElse(null);
        if (stored == null) {
            PasswordHash.verify(secret.toCharArray(), decoy);
            return Optional.empty();
        }
        if (cache.contains(name, secret, stored)) {
            return account;
        }
        if (!PasswordHash.verify(secret.toCharArray(), stored)) {
            return Optional.empty();
        }
        cache.add(name, secret, stored);
        return account;
    }
}
