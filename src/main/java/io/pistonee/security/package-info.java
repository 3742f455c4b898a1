/**
 * Security: container authentication (Jakarta Security and MicroProfile JWT), authorization by roles
 * per handler and per operation, and an OAuth 2.0 token endpoint that issues the bearer tokens.
 *
 * <p>Design decisions. There is one authentication mechanism, a selected CDI alternative, because the
 * server's own MP-JWT mechanism plus any second mechanism is an ambiguous dependency; it checks Basic
 * credentials itself (strictly: malformed headers are 401, never 500) and hands bearer tokens to the
 * server's JWT mechanism, so the server verifies tokens and {@code JsonWebToken} injection works.
 * Passwords are PBKDF2 hashes whose verification is briefly cached, keyed so that a changed password
 * invalidates the entry. Failed logins are counted per user and per address. Access tokens are
 * stateless JWTs signed with the JDK's RSA (no JOSE library in the WAR); refresh tokens are opaque,
 * single-use and rotate within a family that a replay revokes. Refresh state, revoked access-token
 * ids and login counters are kept in JCache ({@link io.pistonee.cluster}), so every instance of a
 * cluster sees them; without JCache they are per instance.
 */
package io.pistonee.security;
