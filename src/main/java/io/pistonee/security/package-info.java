/**
 * Security: container authentication (Jakarta Security and MicroProfile JWT) and authorization by roles
 * per handler and per operation: the resource server. The tokens it accepts are issued elsewhere, by
 * {@code io.pistonee.oauth} or by another issuer.
 *
 * <p>Design decisions. There is one authentication mechanism, a selected CDI alternative, because the
 * server's own MP-JWT mechanism plus any second mechanism is an ambiguous dependency; it checks Basic
 * credentials itself (strictly: malformed headers are 401, never 500) and hands bearer tokens to the
 * server's JWT mechanism, so the server verifies tokens and {@code JsonWebToken} injection works.
 * Passwords are checked against every identity store of the application ({@link Accounts}, standard
 * database or LDAP stores, its own {@code IdentityStore} beans) as the container's handler would, but
 * a store the server cannot create is left out rather than failing every login.
 * Passwords are PBKDF2 hashes whose verification is briefly cached, keyed so that a changed password
 * invalidates the entry. Failed logins are counted per user and per address. Access tokens revoked
 * before they expire, by id or by refresh-token family (claim {@code sid}), are a store of this package
 * ({@code RevokedAccessTokens}): the mechanism reads it, the authorization server writes it, so
 * nothing here depends on the issuer; while the authorization server is off it is not read. Revocations
 * and login counters are kept in JCache ({@link io.pistonee.cluster}), so every instance of a cluster
 * sees them; without JCache they are per instance.
 */
package io.pistonee.security;
