/**
 * Health: whether an instance can serve, as the server's MicroProfile Health endpoints report it
 * ({@code /health/ready}, {@code /health/live}). The framework adds one readiness check, named
 * {@code database}: the application's data source gives a connection that answers within a timeout.
 *
 * <p>Decisions: the server's MicroProfile Health serves the endpoints, so their place and format are
 * the server's (Payara Micro at its root, WildFly 39 on its management interface); the framework only
 * contributes a check, which is a CDI bean like any check an application writes. Liveness is left to
 * the server: a database that is down makes an instance not ready, never not alive, so an
 * orchestrator stops sending it traffic rather than restarting it. The check asks the pool, not a new
 * physical connection, so it sees what requests see; it says nothing about the database beyond
 * {@code UP} or {@code DOWN}, since Payara serves it to anyone. Applications use no type of this
 * package: it is configured ({@code piston.health.*}).
 */
package io.pistonee.health;
