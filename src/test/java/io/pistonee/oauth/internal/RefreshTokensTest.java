package io.pistonee.oauth.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.pistonee.cluster.internal.MemorySharedMaps;
import io.pistonee.testing.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RefreshTokensTest {

    private final ManualClock clock = new ManualClock();
    private final MemorySharedMaps shared = new MemorySharedMaps(clock);
    private final RefreshTokens tokens = new RefreshTokens(shared, Duration.ofDays(1), clock);

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

    @Test
    void anotherInstanceSharingTheMapsSeesUsesAndRevocations() {
        RefreshTokens other = new RefreshTokens(shared, Duration.ofDays(1), clock);
        String first = tokens.issue("testuser", "client", null);

        String second = other.rotate(other.use(first, "client").orElseThrow());
        assertThat(tokens.use(first, "client")).isEmpty(); // reuse seen here: family revoked
        assertThat(other.use(second, "client")).isEmpty();

        String third = other.issue("testuser", "client", null);
        assertThat(tokens.revoke(third, "client")).isTrue();
        assertThat(other.use(third, "client")).isEmpty();
    }

    @Test
    void ofManyParallelUsesOfOneTokenExactlyOneWins() throws Exception {
        String token = tokens.issue("testuser", "client", null);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            java.util.List<java.util.concurrent.Future<Boolean>> uses = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                uses.add(pool.submit(() -> {
                    start.await();
                    return tokens.use(token, "client").isPresent();
                }));
            }
            start.countDown();
            int wins = 0;
            for (java.util.concurrent.Future<Boolean> use : uses) {
                wins += use.get() ? 1 : 0;
            }
            assertThat(wins).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
