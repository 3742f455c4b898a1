package io.pistonee.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.pistonee.testing.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginLimiterTest {

    private final ManualClock clock = new ManualClock();
    private final LoginLimiter limiter = new LoginLimiter(3, 5, Duration.ofMinutes(5), clock);

    @Test
    void blocksAUserAfterTheLimitUntilTheOldestFailureLeavesTheWindow() {
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.blocked("testuser", "10.0.0.1")).isEmpty();
            limiter.failed("testuser", "10.0.0.1");
            clock.advance(Duration.ofMinutes(1));
        }

        assertThat(limiter.blocked("testuser", "10.0.0.2")).contains(Duration.ofMinutes(2));
        assertThat(limiter.blocked("otheruser", "10.0.0.2")).isEmpty();
        clock.advance(Duration.ofMinutes(2));
        assertThat(limiter.blocked("testuser", "10.0.0.2")).isEmpty();
    }

    @Test
    void blocksAnAddressTryingManyUsers() {
        for (int i = 0; i < 5; i++) {
            limiter.failed("user" + i, "10.0.0.9");
        }

        assertThat(limiter.blocked("someone", "10.0.0.9")).isPresent();
        assertThat(limiter.blocked(null, "10.0.0.9")).isPresent();
        assertThat(limiter.blocked("someone", "10.0.0.8")).isEmpty();
    }

    @Test
    void aSuccessClearsTheUsersFailuresButNotTheAddresss() {
        limiter.failed("testuser", "10.0.0.1");
        limiter.failed("testuser", "10.0.0.1");
        limiter.succeeded("testuser");
        limiter.failed("testuser", "10.0.0.1");
        limiter.failed("testuser", "10.0.0.1");

        assertThat(limiter.blocked("testuser", "10.0.0.3")).isEmpty();
        limiter.failed("x", "10.0.0.1");
        assertThat(limiter.blocked("testuser", "10.0.0.1")).isPresent();
    }

    @Test
    void forgetsNamesWhoseFailuresLeftTheWindow() {
        for (int i = 0; i < 999; i++) {
            limiter.failed("user" + i, "10.0.0.1");
        }
        clock.advance(Duration.ofMinutes(6));
        limiter.failed("late", "10.0.0.2");

        assertThat(limiter.tracked()).isEqualTo(2);
    }
}
