package io.pistonee.it.stores;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.EnumSet;
import java.util.Set;

/**
 * An identity store that only provides groups: {@code dbadmin}, whose password another store checks,
 * is also an {@code admin}.
 */
@ApplicationScoped
public class AdminGroups implements IdentityStore {

    @Override
    public Set<String> getCallerGroups(CredentialValidationResult validationResult) {
        return "dbadmin".equals(validationResult.getCallerPrincipal().getName()) ? Set.of("admin") : Set.of();
    }

    @Override
    public Set<ValidationType> validationTypes() {
        return EnumSet.of(ValidationType.PROVIDE_GROUPS);
    }
}
