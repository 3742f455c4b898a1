package io.pistonee.throttle.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.pistonee.cluster.internal.MemorySharedMaps;
import io.pistonee.handler.internal.ThrottlePolicy;
import io.pistonee.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ThrottleCountersTest {

    /** A clock the test moves by hand. */
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-27T10:00:00Z"));

    private final ThrottleCounters throttler = new ThrottleCounters(new MemorySharedMaps(clock), clock);
    private final ThrottlePolicy fivePerTenMinutes = new ThrottlePolicy("user_writes", 5, Duration.ofMinutes(10));

    @Test
    void exactlyTheLimitPassesInAWindowNotOneLess() {
        List<Decision> decisions = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            decisions.add(throttler.check(fivePerTenMinutes, "user:ann"));
        }

        assertThat(decisions).extracting(Decision::allowed).containsExactly(true, true, true, true, true, false, false);
        assertThat(decisions).extracting(Decision::remaining).containsExactly(4L, 3L, 2L, 1L, 0L, 0L, 0L);
    }

    @Test
    void aBulkWriteCountsEachItemAllOrNone() {
        Decision three = throttler.check(fivePerTenMinutes, "user:ann", 3);
        Decision threeMore = throttler.check(fivePerTenMinutes, "user:ann", 3);
        Decision two = throttler.check(fivePerTenMinutes, "user:ann", 2);
        Decision one = throttler.check(fivePerTenMinutes, "user:ann", 1);
        Decision tooLarge = throttler.check(fivePerTenMinutes, "user:bob", 6);
        Decision bob = throttler.check(fivePerTenMinutes, "user:bob", 5);

        assertThat(three.allowed()).isTrue();
        assertThat(three.remaining()).isEqualTo(2);
        assertThat(threeMore.allowed()).as("refused, it counts nothing").isFalse();
        assertThat(two.allowed()).isTrue();
        assertThat(two.remaining()).isZero();
        assertThat(one.allowed()).isFalse();
        assertThat(tooLarge.allowed()).isFalse();
        assertThat(bob.allowed()).isTrue();
        assertThat(bob.remaining()).isZero();
    }

    @Test
    void refusalSaysWhenToRetryInEveryHeader() {
        clock.advance(Duration.ofSeconds(90));
        for (int i = 0; i < 5; i++) {
            throttler.check(fivePerTenMinutes, "user:ann");
        }

        Decision refused = throttler.check(fivePerTenMinutes, "user:ann");

        assertThat(refused.resetSeconds()).isEqualTo(510);
        assertThat(refused.headers())
                .isEqualTo(Map.of(
                        "RateLimit-Limit",
                        "5",
                        "RateLimit-Remaining",
                        "0",
                        "RateLimit-Reset",
                        "510",
                        "Retry-After",
                        "510"));
    }

    @Test
    void aNewWindowStartsAFreshBudget() {
        for (int i = 0; i < 6; i++) {
            throttler.check(fivePerTenMinutes, "user:ann");
        }

        clock.advance(Duration.ofMinutes(10));

        assertThat(throttler.check(fivePerTenMinutes, "user:ann").allowed()).isTrue();
    }

    @Test
    void callersAndScopesHaveTheirOwnBudgets() {
        for (int i = 0; i < 5; i++) {
            throttler.check(fivePerTenMinutes, "user:ann");
        }

        assertThat(throttler.check(fivePerTenMinutes, "user:bob").allowed()).isTrue();
        assertThat(throttler
                        .check(new ThrottlePolicy("reads", 5, Duration.ofMinutes(10)), "user:ann")
                        .allowed())
                .isTrue();
        assertThat(throttler.check(fivePerTenMinutes, "user:ann").allowed()).isFalse();
    }

    @Test
    void sixtyFourConcurrentCallersGetExactlyTheLimitThrough() throws Exception {
        ThrottlePolicy ten = new ThrottlePolicy("burst", 10, Duration.ofHours(1));
        ExecutorService pool = Executors.newFixedThreadPool(64);
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Boolean>> calls = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            calls.add(() -> {
                start.await();
                return throttler.check(ten, "address:10.0.0.1").allowed();
            });
        }
        List<Future<Boolean>> results = new ArrayList<>();
        calls.forEach(call -> results.add(pool.submit(call)));
        start.countDown();
        int passed = 0;
        for (Future<Boolean> result : results) {
            passed += result.get() ? 1 : 0;
        }
        pool.shutdown();

        assertThat(passed).isEqualTo(10);
    }
}
