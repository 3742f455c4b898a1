package io.pistonee.it.stores;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;

/**
 * The application's own identity store bean: one user, {@code storeuser} / {@code storepass}, an
 * {@code author}.
 */
@ApplicationScoped
public class MemoryIdentityStore implements IdentityStore {

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login) || !"storeuser".equals(login.getCaller())) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        return login.compareTo("storeuser", "storepass")
                ? new CredentialValidationResult("storeuser", Set.of("author"))
                : CredentialValidationResult.INVALID_RESULT;
    }
}
