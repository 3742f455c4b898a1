package io.pistonee.handler.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.pistonee.handler.Operation;
import io.pistonee.handler.Throttle;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ThrottlePolicyTest {

    @Throttle(requests = 5, per = 600, scope = "user_writes", operations = Operation.UPDATE)
    static class ClassThrottled {}

    static class MethodThrottled {
        @Throttle(requests = 2, per = 30)
        public void create(Object input) {}

        public void update(Object id, Object input) {}
    }

    @Test
    void policiesComeFromTheClassTheMethodOrTheDefault() {
        assertThat(ThrottlePolicy.of(ClassThrottled.class, "posts", Operation.UPDATE, (scope, key) -> Optional.empty()))
                .contains(new ThrottlePolicy("user_writes", 5, Duration.ofMinutes(10)));
        assertThat(ThrottlePolicy.of(ClassThrottled.class, "posts", Operation.PATCH, (scope, key) -> Optional.empty()))
                .contains(new ThrottlePolicy("user_writes", 5, Duration.ofMinutes(10)));
        assertThat(ThrottlePolicy.of(ClassThrottled.class, "posts", Operation.READ, (scope, key) -> Optional.empty()))
                .isEmpty();
        assertThat(ThrottlePolicy.of(
                        MethodThrottled.class, "notes", Operation.CREATE, (scope, key) -> Optional.empty()))
                .contains(new ThrottlePolicy("notes", 2, Duration.ofSeconds(30)));
        assertThat(ThrottlePolicy.of(
                        MethodThrottled.class,
                        "notes",
                        Operation.UPDATE,
                        (scope, key) ->
                                scope.isEmpty() ? Optional.of(key.equals("requests") ? 100L : 60L) : Optional.empty()))
                .contains(new ThrottlePolicy("notes", 100, Duration.ofSeconds(60)));
    }

    @Test
    void configurationOverridesAScopeOrTurnsItOff() {
        assertThat(ThrottlePolicy.of(
                        ClassThrottled.class,
                        "posts",
                        Operation.UPDATE,
                        (scope, key) -> scope.equals("user_writes") && key.equals("requests")
                                ? Optional.of(50L)
                                : Optional.empty()))
                .contains(new ThrottlePolicy("user_writes", 50, Duration.ofMinutes(10)));
        assertThat(ThrottlePolicy.of(
                        ClassThrottled.class,
                        "posts",
                        Operation.UPDATE,
                        (scope, key) -> scope.equals("user_writes") && key.equals("requests")
                                ? Optional.of(0L)
                                : Optional.empty()))
                .isEmpty();
    }
}
