package io.pistonee.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.pistonee.testing.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CredentialCacheTest {

    private final ManualClock clock = new ManualClock();

    @Test
    void remembersAVerifiedPasswordForItsStoredHashUntilTheTtl() {
        CredentialCache cache = new CredentialCache(10, Duration.ofSeconds(60), clock);
        cache.add("testuser", "foobar", "hash-1");

        assertThat(cache.contains("testuser", "foobar", "hash-1")).isTrue();
        assertThat(cache.contains("testuser", "wrong", "hash-1")).isFalse();
        assertThat(cache.contains("otheruser", "foobar", "hash-1")).isFalse();
        clock.advance(Duration.ofSeconds(61));
        assertThat(cache.contains("testuser", "foobar", "hash-1")).isFalse();
    }

    @Test
    void aChangedPasswordHashNeverMatchesAnOldEntry() {
        CredentialCache cache = new CredentialCache(10, Duration.ofSeconds(60), clock);
        cache.add("testuser", "foobar", "hash-1");

        assertThat(cache.contains("testuser", "foobar", "hash-2")).isFalse();
    }

    @Test
    void dropsTheLeastRecentlyUsedEntryBeyondItsSize() {
        CredentialCache cache = new CredentialCache(2, Duration.ofSeconds(60), clock);
        cache.add("a", "1", "h");
        cache.add("b", "2", "h");
        cache.contains("a", "1", "h");
        cache.add("c", "3", "h");

        assertThat(cache.entries()).isEqualTo(2);
        assertThat(cache.contains("a", "1", "h")).isTrue();
        assertThat(cache.contains("b", "2", "h")).isFalse();
    }

    @Test
    void sizeZeroTurnsItOff() {
        CredentialCache cache = new CredentialCache(0, Duration.ofSeconds(60), clock);
        cache.add("testuser", "foobar", "hash-1");

        assertThat(cache.contains("testuser", "foobar", "hash-1")).isFalse();
        assertThat(cache.entries()).isZero();
    }
}
