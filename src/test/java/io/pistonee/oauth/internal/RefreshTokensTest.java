package io.pistonee.oauth.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.pistonee.cluster.SharedMap;
import io.pistonee.cluster.SharedMaps;
import io.pistonee.cluster.internal.MemorySharedMaps;
import io.pistonee.testing.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class RefreshTokensTest {

    private static final Duration TTL = Duration.ofDays(1);
    private static final int MOST = 3;

    private final ManualClock clock = new ManualClock();
    private final CountingMaps shared = new CountingMaps(new MemorySharedMaps(clock));
    private final List<String> revokedFamilies = new CopyOnWriteArrayList<>();
    private final RefreshTokens tokens = new RefreshTokens(shared, TTL, MOST, revokedFamilies::add);

    @Test
    void aTokenIsGoodForOneUseAndRotatesWithinItsFamily() {
        String first = tokens.start(tokens.grant("testuser", "client", "read"));

        RefreshTokens.Rotation rotation = tokens.use(first, "client").orElseThrow();

        assertThat(rotation.grant().subject()).isEqualTo("testuser");
        assertThat(rotation.grant().scope()).isEqualTo("read");
        assertThat(rotation.next()).isNotEqualTo(first);
        assertThat(tokens.use(rotation.next(), "client")).isPresent();
        assertThat(revokedFamilies).isEmpty();
    }

    @Test
    void reusingAnOldTokenRevokesTheWholeFamily() {
        String first = newFamily();
        String second = tokens.use(first, "client").orElseThrow().next();
        String third = tokens.use(second, "client").orElseThrow().next();

        assertThat(tokens.use(first, "client")).isEmpty();
        assertThat(tokens.use(third, "client")).isEmpty();
        assertThat(revokedFamilies)
                .as("the family's access tokens are revoked too")
                .hasSize(1);
    }

    @Test
    void everyTokenOfAFamilyCarriesTheFamilyItsAccessTokensAreRevokedBy() {
        RefreshTokens.Grant started = tokens.grant("testuser", "client", null);
        RefreshTokens.Rotation used =
                tokens.use(tokens.start(started), "client").orElseThrow();

        assertThat(used.grant().family()).isEqualTo(started.family());
        assertThat(tokens.grant("testuser", "client", null).family()).isNotEqualTo(started.family());
        assertThat(used.next()).as("the public family id is no part of a token").doesNotContain(started.family());
        assertThat(tokens.revoke(used.next(), "client")).isTrue();
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
    void revokingATokenRevokesItsFamilyAndUnknownOrMalformedTokensAreNoError() {
        String first = newFamily();
        String second = tokens.use(first, "client").orElseThrow().next();

        assertThat(tokens.revoke(first, "client")).isTrue();
        assertThat(tokens.use(second, "client")).isEmpty();
        assertThat(tokens.revoke("never-issued", "client")).isTrue();
        assertThat(tokens.revoke("a.b.c", "client")).isTrue();
        assertThat(tokens.use(".", "client")).isEmpty();
        assertThat(tokens.use("", "client")).isEmpty();
        assertThat(revokedFamilies).hasSize(1);
    }

    @Test
    void aFamilyLivesItsTimeFromItsLastUse() {
        String token = newFamily();
        for (int day = 0; day < 3; day++) {
            clock.advance(TTL.minusHours(1));
            token = tokens.use(token, "client").orElseThrow().next();
        }

        clock.advance(TTL.plusSeconds(1));

        assertThat(tokens.use(token, "client")).isEmpty();
    }

    @Test
    void aUserKeepsTheNewestFamiliesPerClientAndAnOlderOneStopsWorking() {
        List<String> logins = new ArrayList<>();
        for (int i = 0; i < MOST + 2; i++) {
            logins.add(newFamily());
        }
        String elsewhere = tokens.start(tokens.grant("testuser", "other-client", null));
        String otherUser = tokens.start(tokens.grant("otheruser", "client", null));

        assertThat(tokens.use(logins.get(0), "client")).isEmpty();
        assertThat(tokens.use(logins.get(1), "client")).isEmpty();
        for (String kept : logins.subList(2, logins.size())) {
            assertThat(tokens.use(kept, "client")).isPresent();
        }
        assertThat(tokens.use(elsewhere, "other-client")).isPresent();
        assertThat(tokens.use(otherUser, "client")).isPresent();
        assertThat(revokedFamilies).as("a retired family is no revocation").isEmpty();
    }

    @Test
    void theStoreHoldsOneEntryPerFamilyHoweverOftenItRotatesAndLoginsAreCapped() {
        String token = newFamily();
        for (int i = 0; i < 1_000; i++) {
            token = tokens.use(token, "client").orElseThrow().next();
        }
        for (int i = 0; i < 1_000; i++) {
            newFamily();
        }

        assertThat(shared.live("refresh-token-families")).isEqualTo(MOST);
        assertThat(shared.live("refresh-token-owners")).isEqualTo(1);
    }

    @Test
    void anotherInstanceSharingTheMapsSeesUsesAndRevocations() {
        RefreshTokens other = new RefreshTokens(shared, TTL, MOST, revokedFamilies::add);
        String first = newFamily();

        String second = other.use(first, "client").orElseThrow().next();
        assertThat(tokens.use(first, "client")).isEmpty(); // reuse seen here: family revoked
        assertThat(other.use(second, "client")).isEmpty();

        String third = other.start(other.grant("testuser", "client", null));
        assertThat(tokens.revoke(third, "client")).isTrue();
        assertThat(other.use(third, "client")).isEmpty();
    }

    @Test
    void ofManyParallelUsesOfOneTokenExactlyOneWins() throws Exception {
        String token = newFamily();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> uses = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                uses.add(pool.submit(() -> {
                    start.await();
                    return tokens.use(token, "client").isPresent();
                }));
            }
            start.countDown();
            int wins = 0;
            for (Future<Boolean> use : uses) {
                wins += use.get() ? 1 : 0;
            }
            assertThat(wins).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void parallelLoginsOfOneUserKeepExactlyTheMostItMay() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<String> logins = new CopyOnWriteArrayList<>();
        try {
            List<Future<?>> started = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                started.add(pool.submit(() -> logins.add(newFamily())));
            }
            for (Future<?> login : started) {
                login.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(logins.stream().filter(login -> tokens.use(login, "client").isPresent()))
                .hasSize(MOST);
    }

    private String newFamily() {
        return tokens.start(tokens.grant("testuser", "client", null));
    }

    /** The maps, remembering each by name, with a count of the keys that are still there. */
    private static final class CountingMaps implements SharedMaps {

        private final SharedMaps maps;
        private final Map<String, Map<String, Boolean>> keys = new HashMap<>();
        private final Map<String, SharedMap> byName = new HashMap<>();

        CountingMaps(SharedMaps maps) {
            this.maps = maps;
        }

        @Override
        public synchronized SharedMap map(String name, Duration ttl, Expiry expiry) {
            SharedMap map = maps.map(name, ttl, expiry);
            Map<String, Boolean> seen = keys.computeIfAbsent(name, n -> new java.util.concurrent.ConcurrentHashMap<>());
            byName.put(name, map);
            return new SharedMap() {
                @Override
                public String get(String key) {
                    return map.get(key);
                }

                @Override
                public boolean putIfAbsent(String key, String value) {
                    seen.put(key, true);
                    return map.putIfAbsent(key, value);
                }

                @Override
                public boolean replace(String key, String expected, String value) {
                    return map.replace(key, expected, value);
                }

                @Override
                public void put(String key, String value) {
                    seen.put(key, true);
                    map.put(key, value);
                }

                @Override
                public void remove(String key) {
                    map.remove(key);
                }
            };
        }

        synchronized long live(String name) {
            SharedMap map = byName.get(name);
            return keys.get(name).keySet().stream()
                    .filter(key -> map.get(key) != null)
                    .count();
        }
    }
}
