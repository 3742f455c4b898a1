package io.pistonee.health;

/**
 * The CDI event fired once per application start, when the database first answers: at start-up if it
 * is up then, else at the first readiness check or request that finds it back. Observe it for what
 * needs the database before the application can serve, such as creating tables or seeding data:
 *
 * <pre>{@code
 * void seed(@Observes DatabaseAnswered event) {
 *     // create the tables, insert the first rows
 * }
 * }</pre>
 *
 * <p>It is fired synchronously, in the application's context (its naming context and class loader,
 * without a transaction), and the readiness check answers {@code UP} only once every observer has
 * returned; an observer that throws makes it fire again at the next check or request. Until then
 * requests to the API answer 503 with {@code Retry-After}. A database that is down while the WAR
 * deploys therefore does not fail the deployment (see docs/production.md#health for what each
 * server needs for that).
 */
public record DatabaseAnswered() {}
