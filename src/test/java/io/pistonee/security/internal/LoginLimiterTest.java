package io.pistonee.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.pistonee.cluster.SharedMap;
import io.pistonee.cluster.SharedMaps;
import io.pistonee.cluster.internal.MemorySharedMaps;
import io.pistonee.testing.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginLimiterTest {

    private final ManualClock clock = new ManualClock();
    private final LoginLimiter limiter =
            new LoginLimiter(new MemorySharedMaps(clock), 3, 5, Duration.ofMinutes(5), clock);

    @Test
    void blocksAUserAfterTheLimitUntilTheOldestFailureLeavesTheWindow() {
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.attempt("testuser", "10.0.0.1").blocked()).isEmpty();
            limiter.failed("testuser", "10.0.0.1");
            clock.advance(Duration.ofMinutes(1));
        }

        assertThat(limiter.attempt("testuser", "10.0.0.2").blocked()).contains(Duration.ofMinutes(2));
        assertThat(limiter.attempt("otheruser", "10.0.0.2").blocked()).isEmpty();
        clock.advance(Duration.ofMinutes(2));
        assertThat(limiter.attempt("testuser", "10.0.0.2").blocked()).isEmpty();
    }

    @Test
    void blocksAnAddressTryingManyUsers() {
        for (int i = 0; i < 5; i++) {
            limiter.failed("user" + i, "10.0.0.9");
        }

        assertThat(limiter.attempt("someone", "10.0.0.9").blocked()).isPresent();
        assertThat(limiter.attempt(null, "10.0.0.9").blocked()).isPresent();
        assertThat(limiter.attempt("someone", "10.0.0.8").blocked()).isEmpty();
    }

    @Test
    void aSuccessClearsTheUsersFailuresButNotTheAddresss() {
        limiter.failed("testuser", "10.0.0.1");
        limiter.failed("testuser", "10.0.0.1");
        LoginLimiter.Attempt attempt = limiter.attempt("testuser", "10.0.0.3");
        assertThat(attempt.blocked()).isEmpty();
        assertThat(attempt.userFailures()).isTrue();
        limiter.succeeded(attempt);
        limiter.failed("testuser", "10.0.0.1");
        limiter.failed("testuser", "10.0.0.1");

        assertThat(limiter.attempt("testuser", "10.0.0.3").blocked()).isEmpty();
        limiter.failed("x", "10.0.0.1");
        assertThat(limiter.attempt("testuser", "10.0.0.1").blocked()).isPresent();
    }

    @Test
    void aSuccessWithoutFailuresWritesNothingToTheSharedMap() {
        MemorySharedMaps shared = new MemorySharedMaps(clock);
        SharedMap failures = shared.map("login-failures", Duration.ofMinutes(5), SharedMaps.Expiry.MODIFIED);
        LoginLimiter first = new LoginLimiter(shared, 3, 5, Duration.ofMinutes(5), clock);
        LoginLimiter second = new LoginLimiter(shared, 3, 5, Duration.ofMinutes(5), clock);

        LoginLimiter.Attempt clean = first.attempt("testuser", "10.0.0.1");
        second.failed("testuser", "10.0.0.2");
        first.succeeded(clean);

        assertThat(clean.userFailures()).isFalse();
        assertThat(failures.get("u:testuser")).isNotNull();
    }

    @Test
    void aFailureOnOneInstanceCountsOnEveryOtherSharingTheMaps() {
        MemorySharedMaps shared = new MemorySharedMaps(clock);
        LoginLimiter first = new LoginLimiter(shared, 3, 5, Duration.ofMinutes(5), clock);
        LoginLimiter second = new LoginLimiter(shared, 3, 5, Duration.ofMinutes(5), clock);
        LoginLimiter third = new LoginLimiter(shared, 3, 5, Duration.ofMinutes(5), clock);

        first.failed("testuser", "10.0.0.1");
        second.failed("testuser", "10.0.0.2");
        assertThat(third.attempt("testuser", "10.0.0.3").blocked()).isEmpty();
        third.failed("testuser", "10.0.0.3");

        assertThat(first.attempt("testuser", "10.0.0.4").blocked()).contains(Duration.ofMinutes(5));
        second.succeeded(second.attempt("testuser", "10.0.0.4"));
        assertThat(third.attempt("testuser", "10.0.0.4").blocked()).isEmpty();
    }

    @Test
    void keepsOnlyTheFailuresThatCanStillBlock() {
        for (int i = 0; i < 20; i++) {
            limiter.failed("testuser", "10.0.0." + i);
            clock.advance(Duration.ofSeconds(10));
        }

        // the last three failures were 30, 20 and 10 s ago: blocked until the oldest of them is 5 min old
        assertThat(limiter.attempt("testuser", "10.0.0.99").blocked()).contains(Duration.ofSeconds(270));
    }

    @Test
    void parallelFailuresAreAllCounted() throws InterruptedException {
        MemorySharedMaps shared = new MemorySharedMaps(clock);
        LoginLimiter at400 = new LoginLimiter(shared, 400, 400, Duration.ofMinutes(5), clock);
        Thread[] threads = new Thread[8];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 50; i++) {
                    at400.failed(null, "10.0.0.1");
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(at400.attempt(null, "10.0.0.1").blocked()).isPresent();
        assertThat(new LoginLimiter(shared, 401, 401, Duration.ofMinutes(5), clock)
                        .attempt(null, "10.0.0.1")
                        .blocked())
                .isEmpty();
    }
}
