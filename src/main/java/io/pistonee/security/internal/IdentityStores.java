package io.pistonee.security.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.security.enterprise.identitystore.IdentityStore.ValidationType;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The application's identity stores, asked about a user name and password (HTTP Basic, the token
 * endpoint's {@code password} grant) as Jakarta Security's {@link IdentityStoreHandler} asks them: the
 * stores that validate, by {@code priority()}, until one says VALID (else INVALID if one said so, else
 * NOT_VALIDATED); then the groups of that store, if it provides groups, and of every store that only
 * provides groups.
 *
 * <p>Why not the container's handler: it creates every store the first time it is used, and Payara's
 * own MicroProfile JWT store cannot be created without {@code mp.jwt.verify.issuer}, so there every
 * Basic login failed with 500 in an application that had not configured bearer tokens. Here a store
 * that cannot be created is left out, with a warning in the log; it would not have checked passwords.
 */
@ApplicationScoped
public class IdentityStores {

    private static final Logger LOG = Logger.getLogger(IdentityStores.class.getName());
    private static final Set<ValidationType> GROUPS_ONLY = EnumSet.of(ValidationType.PROVIDE_GROUPS);

    @Inject
    @Any
    Instance<IdentityStore> candidates;

    private volatile List<IdentityStore> stores;

    /** The result of the first store that validates the credential, with the groups of all. */
    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        return validate(credential, stores());
    }

    /** The credential checked against these stores, sorted by priority. */
    static CredentialValidationResult validate(UsernamePasswordCredential credential, List<IdentityStore> all) {
        boolean invalid = false;
        for (IdentityStore store : all) {
            if (store.validationTypes().contains(ValidationType.VALIDATE)) {
                CredentialValidationResult result = store.validate(credential);
                if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                    return withGroups(result, store, all);
                }
                invalid |= result.getStatus() == CredentialValidationResult.Status.INVALID;
            }
        }
        return invalid ? CredentialValidationResult.INVALID_RESULT : CredentialValidationResult.NOT_VALIDATED_RESULT;
    }

    private static CredentialValidationResult withGroups(
            CredentialValidationResult valid, IdentityStore validator, List<IdentityStore> all) {
        Set<String> groups = new HashSet<>();
        if (validator.validationTypes().contains(ValidationType.PROVIDE_GROUPS)) {
            groups.addAll(valid.getCallerGroups());
        }
        for (IdentityStore store : all) {
            if (store.validationTypes().equals(GROUPS_ONLY)) {
                groups.addAll(store.getCallerGroups(valid));
            }
        }
        return new CredentialValidationResult(
                valid.getIdentityStoreId(),
                valid.getCallerPrincipal(),
                valid.getCallerDn(),
                valid.getCallerUniqueId(),
                groups);
    }

    /** Every store that can be created, by priority (lowest first), found once. */
    private List<IdentityStore> stores() {
        List<IdentityStore> found = stores;
        if (found == null) {
            found = new ArrayList<>();
            for (Instance.Handle<IdentityStore> handle : candidates.handles()) {
                try {
                    IdentityStore store = handle.get();
                    store.priority();
                    found.add(store);
                } catch (RuntimeException e) {
                    LOG.warning("The identity store "
                            + name(handle.getBean())
                            + " cannot be created, so it checks no passwords: " + rootCause(e));
                }
            }
            found.sort(Comparator.comparingInt(IdentityStore::priority));
            found = List.copyOf(found);
            stores = found;
        }
        return found;
    }

    /** The most specific type of a store's bean (a synthetic bean's class is often the interface). */
    private static String name(Bean<?> bean) {
        return bean.getTypes().stream()
                .filter(type -> type instanceof Class<?> c
                        && IdentityStore.class.isAssignableFrom(c)
                        && c != IdentityStore.class)
                .map(type -> ((Class<?>) type).getName())
                .findFirst()
                .orElse(bean.getBeanClass().getName());
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.toString();
    }
}
