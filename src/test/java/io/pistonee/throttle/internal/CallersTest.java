package io.pistonee.throttle.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.Principal;
import org.junit.jupiter.api.Test;

class CallersTest {

    /** Looks like a MicroProfile JsonWebToken to the reflective claim lookup. */
    public static final class TokenPrincipal implements Principal {
        @Override
        public String getName() {
            return "ann";
        }

        public Object getClaim(String claim) {
            return claim.equals("client_id") ? "\"example-client\"" : null;
        }
    }

    @Test
    void authenticatedCallersAreTheirUserName() {
        assertThat(Callers.of(() -> "ann", "10.0.0.9")).isEqualTo("user:ann");
    }

    @Test
    void anonymousCallersAreTheirAddress() {
        assertThat(Callers.of(null, "10.0.0.9")).isEqualTo("address:10.0.0.9");
    }

    @Test
    void theOAuthClientIdJoinsTheKey() {
        assertThat(Callers.of(new TokenPrincipal(), "10.0.0.9")).isEqualTo("user:ann|client:example-client");
    }
}
