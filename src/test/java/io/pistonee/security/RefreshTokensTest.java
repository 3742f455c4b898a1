package io.pistonee.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.pistonee.testing.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RefreshTokensTest {

    private final ManualClock clock = new ManualClock();
    private final RefreshTokens tokens = new RefreshTokens(Duration.ofDays(1), clock);

    @Test
    void aTokenIsGoodForOneUseAndRotatesWithinItsFamily() {
        String first = tokens.issue("testuser", "client", "read");

        RefreshTokens.Grant grant = tokens.use(first, "client").orElseThrow();
        String second = tokens.rotate(grant);

        assertThat(grant.subject()).isEqualTo("testuser");
        assertThat(grant.scope()).isEqualTo("read");
        assertThat(second).isNotEqualTo(first);
        assertThat(tokens.use(second, "client")).isPresent();
    }

    @Test
    void reusingAnOldTokenRevokesTheWholeFamily() {
        String first = tokens.issue("testuser", "client", null);
        String second = tokens.rotate(tokens.use(first, "client").orElseThrow());

        assertThat(tokens.use(first, "client")).isEmpty();
        assertThat(tokens.use(second, "client")).isEmpty();
    }

    @Test
    void anotherClientsTokenIsWorthNothing() {
        String token = tokens.issue("testuser", "client", null);

        assertThat(tokens.use(token, "other")).isEmpty();
        assertThat(tokens.revoke(token, "other")).isFalse();
        assertThat(tokens.use(token, "client")).isPresent();
    }

    @Test
    void revokingATokenRevokesItsFamilyAndUnknownTokensAreNoError() {
        String first = tokens.issue("testuser", "client", null);
        String second = tokens.rotate(tokens.use(first, "client").orElseThrow());

        assertThat(tokens.revoke(first, "client")).isTrue();
        assertThat(tokens.use(second, "client")).isEmpty();
        assertThat(tokens.revoke("never-issued", "client")).isTrue();
    }

    @Test
    void anExpiredTokenIsWorthNothing() {
        String token = tokens.issue("testuser", "client", null);

        clock.advance(Duration.ofDays(1).plusSeconds(1));

        assertThat(tokens.use(token, "client")).isEmpty();
    }
}
