package io.pistonee.metrics.internal;

import java.util.concurrent.atomic.LongAdder;

/**
 * Durations counted in buckets, Prometheus's way: each observation falls in the first bucket whose
 * upper bound it does not exceed (or past the last one); what is written is cumulative. Lock-free:
 * many requests record at once.
 */
final class Histogram {

    /** Upper bounds in seconds: Prometheus's default buckets. */
    static final double[] BOUNDS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private final LongAdder[] buckets = new LongAdder[BOUNDS.length + 1];
    private final LongAdder sumNanos = new LongAdder();

    Histogram() {
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = new LongAdder();
        }
    }

    void record(long nanos) {
        double seconds = nanos / 1e9;
        int bucket = 0;
        while (bucket < BOUNDS.length && seconds > BOUNDS[bucket]) {
            bucket++;
        }
        buckets[bucket].increment();
        sumNanos.add(nanos);
    }

    /**
     * The cumulative counts, one per bound and a last one for {@code +Inf}, which is the count of
     * observations.
     */
    long[] cumulative() {
        long[] counts = new long[buckets.length];
        long total = 0;
        for (int i = 0; i < buckets.length; i++) {
            total += buckets[i].sum();
            counts[i] = total;
        }
        return counts;
    }

    double sumSeconds() {
        return sumNanos.sum() / 1e9;
    }
}
