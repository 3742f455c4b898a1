package io.pistonee.oauth.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.pistonee.cluster.internal.MemorySharedMaps;
import io.pistonee.testing.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class RefreshTokensTest {

    private final ManualClock clock = new ManualClock();
    private final MemorySharedMaps shared = new MemorySharedMaps(clock);
    private final List<String> revokedFamilies = new CopyOnWriteArrayList<>();
    private final RefreshTokens tokens = new RefreshTokens(shared, Duration.ofDays(1), clock, revokedFamilies::add);

    @Test
    void aTokenIsGoodForOneUseAndRotatesWithinItsFamily() {
        String first = tokens.issue(tokens.grant("testuser", "client", "read"));

        RefreshTokens.Grant grant = tokens.use(first, "client").orElseThrow();
        String second = tokens.issue(grant);

        assertThat(grant.subject()).isEqualTo("testuser");
        assertThat(grant.scope()).isEqualTo("read");
        assertThat(second).isNotEqualTo(first);
        assertThat(tokens.use(second, "client")).isPresent();
        assertThat(revokedFamilies).isEmpty();
    }

    @Test
    void reusingAnOldTokenRevokesTheWholeFamily() {
        String first = newFamily();
        String second = tokens.issue(tokens.use(first, "client").orElseThrow());

        assertThat(tokens.use(first, "client")).isEmpty();
        assertThat(tokens.use(second, "client")).isEmpty();
        assertThat(revokedFamilies)
                .as("the family's access tokens are revoked too")
                .hasSize(1);
    }

    @Test
    void everyTokenOfAFamilyCarriesTheFamilyItsAccessTokensAreRevokedBy() {
        RefreshTokens.Grant started = tokens.grant("testuser", "client", null);
        RefreshTokens.Grant used = tokens.use(tokens.issue(started), "client").orElseThrow();
        String second = tokens.issue(used);

        assertThat(used.family()).isEqualTo(started.family());
        assertThat(tokens.grant("testuser", "client", null).family()).isNotEqualTo(started.family());
        assertThat(tokens.revoke(second, "client")).isTrue();
        assertThat(revokedFamilies).containsExactly(started.family());
    }

    @Test
    void anotherClientsTokenIsWorthNothing() {
        String token = newFamily();

        assertThat(tokens.use(token, "other")).isEmpty();
        assertThat(tokens.revoke(token, "other")).isFalse();
        assertThat(tokens.use(token, "client")).isPresent();
        assertThat(revokedFamilies).isEmpty();
    }

    @Test
    void revokingATokenRevokesItsFamilyAndUnknownTokensAreNoError() {
        String first = newFamily();
        String second = tokens.issue(tokens.use(first, "client").orElseThrow());

        assertThat(tokens.revoke(first, "client")).isTrue();
        assertThat(tokens.use(second, "client")).isEmpty();
        assertThat(tokens.revoke("never-issued", "client")).isTrue();
        assertThat(revokedFamilies).hasSize(1);
    }

    @Test
    void anExpiredTokenIsWorthNothing() {
        String token = newFamily();

        clock.advance(Duration.ofDays(1).plusSeconds(1));

        assertThat(tokens.use(token, "client")).isEmpty();
    }

    @Test
    void anotherInstanceSharingTheMapsSeesUsesAndRevocations() {
        RefreshTokens other = new RefreshTokens(shared, Duration.ofDays(1), clock, revokedFamilies::add);
        String first = newFamily();

        String second = other.issue(other.use(first, "client").orElseThrow());
        assertThat(tokens.use(first, "client")).isEmpty(); // reuse seen here: family revoked
        assertThat(other.use(second, "client")).isEmpty();

        String third = other.issue(other.grant("testuser", "client", null));
        assertThat(tokens.revoke(third, "client")).isTrue();
        assertThat(other.use(third, "client")).isEmpty();
    }

    @Test
    void ofManyParallelUsesOfOneTokenExactlyOneWins() throws Exception {
        String token = newFamily();
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

    private String newFamily() {
        return tokens.issue(tokens.grant("testuser", "client", null));
    }
}
