/**
 * Throttling: the pipeline step that enforces the policy a handler declares with
 * {@link io.pistonee.handler.Throttle} (read once into its descriptor, with defaults from
 * {@code piston.throttle.*}), counting in the application's shared state
 * ({@link io.pistonee.cluster.SharedMaps}, replaceable, the same SPI as tokens and login counters).
 *
 * <p>Decisions: fixed windows aligned to the epoch (exactly N per window, simple to reason about and
 * to store: one counter per caller and window, never a log of timestamps); counting is one atomic
 * store operation, so concurrency never lets N+1 through; counters live in JCache, so a Payara cluster
 * shares them through Hazelcast, and in memory where there is no JCache (WildFly); the throttle runs
 * after authorization, so a refused caller does not spend budget and an authenticated one is counted
 * as a user, not an address.
 */
package io.pistonee.throttle;
