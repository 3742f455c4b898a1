package io.pistonee.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.CredentialValidationResult.Status;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdentityStoresTest {

    private static final UsernamePasswordCredential ALICE = new UsernamePasswordCredential("alice", "secret");

    @Test
    void firstValidStoreWinsWithItsGroupsAndThoseOfStoresThatOnlyProvideGroups() {
        CredentialValidationResult result = IdentityStores.validate(
                ALICE,
                List.of(
                        answering(
                                CredentialValidationResult.INVALID_RESULT,
                                EnumSet.allOf(IdentityStore.ValidationType.class)),
                        answering(valid("author"), EnumSet.allOf(IdentityStore.ValidationType.class)),
                        answering(valid("never"), EnumSet.allOf(IdentityStore.ValidationType.class)),
                        groups("admin")));

        assertThat(result.getStatus()).isEqualTo(Status.VALID);
        assertThat(result.getCallerPrincipal().getName()).isEqualTo("alice");
        assertThat(result.getCallerGroups()).containsExactlyInAnyOrder("author", "admin");
    }

    @Test
    void aStoreThatOnlyValidatesContributesNoGroups() {
        CredentialValidationResult result = IdentityStores.validate(
                ALICE,
                List.of(
                        answering(valid("author"), EnumSet.of(IdentityStore.ValidationType.VALIDATE)),
                        groups("admin")));

        assertThat(result.getCallerGroups()).containsExactly("admin");
    }

    @Test
    void invalidWhenAStoreSaidSoNotValidatedWhenNoneKnewTheCredential() {
        IdentityStore unknowing = answering(
                CredentialValidationResult.NOT_VALIDATED_RESULT, EnumSet.allOf(IdentityStore.ValidationType.class));

        assertThat(IdentityStores.validate(ALICE, List.of(unknowing, groups("admin")))
                        .getStatus())
                .isEqualTo(Status.NOT_VALIDATED);
        assertThat(IdentityStores.validate(
                                ALICE,
                                List.of(
                                        unknowing,
                                        answering(
                                                CredentialValidationResult.INVALID_RESULT,
                                                EnumSet.allOf(IdentityStore.ValidationType.class))))
                        .getStatus())
                .isEqualTo(Status.INVALID);
        assertThat(IdentityStores.validate(ALICE, List.of()).getStatus()).isEqualTo(Status.NOT_VALIDATED);
    }

    private static CredentialValidationResult valid(String group) {
        return new CredentialValidationResult("alice", Set.of(group));
    }

    private static IdentityStore answering(CredentialValidationResult result, Set<IdentityStore.ValidationType> types) {
        return new IdentityStore() {
            @Override
            public CredentialValidationResult validate(Credential credential) {
                return result;
            }

            @Override
            public Set<ValidationType> validationTypes() {
                return types;
            }
        };
    }

    private static IdentityStore groups(String group) {
        return new IdentityStore() {
            @Override
            public Set<String> getCallerGroups(CredentialValidationResult validationResult) {
                return "alice".equals(validationResult.getCallerPrincipal().getName()) ? Set.of(group) : Set.of();
            }

            @Override
            public Set<ValidationType> validationTypes() {
                return EnumSet.of(ValidationType.PROVIDE_GROUPS);
            }
        };
    }
}
