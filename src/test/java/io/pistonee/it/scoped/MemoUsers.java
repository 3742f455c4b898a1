package io.pistonee.it.scoped;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Map;
import java.util.Set;

/** Two authors, {@code alice} / {@code alicepass} and {@code bob} / {@code bobpass}. */
@ApplicationScoped
public class MemoUsers implements IdentityStore {

    private static final Map<String, String> PASSWORDS = Map.of("alice", "alicepass", "bob", "bobpass");

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login) || !PASSWORDS.containsKey(login.getCaller())) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        return login.compareTo(login.getCaller(), PASSWORDS.get(login.getCaller()))
                ? new CredentialValidationResult(login.getCaller(), Set.of("author"))
                : CredentialValidationResult.INVALID_RESULT;
    }
}
