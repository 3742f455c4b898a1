/**
 * OAuth 2.0 authorization server: the token endpoint (RFC 6749), revocation (RFC 7009) and the JWKS
 * (RFC 7517) under {@code /api/oauth}, issuing the bearer tokens the resource server in
 * {@link io.pistonee.security} accepts. Off unless the application sets {@code piston.oauth.enabled=true}.
 *
 * <p>Design decisions. Issuing tokens is a concept of its own, apart from verifying them: an
 * application whose tokens come from another issuer (or that uses Basic alone) has no authorization
 * server and loads no signing key. It is switched on by a key of its own rather than by the presence
 * of a signing key, because an endpoint that takes passwords should be turned on in the application's
 * configuration, where a review sees it, not appear because an environment supplies a secret. Off, its
 * paths answer 404 exactly like any path nothing serves, and the OpenAPI document names neither the
 * endpoints nor the {@code oauth2} scheme. Access tokens are stateless JWTs signed with the JDK's RSA
 * (no JOSE library in the WAR), in the MicroProfile JWT profile so the server's own verifier accepts
 * them. Refresh tokens are opaque, single-use and rotate within a family that a replay revokes;
 * revoking a family revokes its access tokens too (the stricter choice RFC 7009 allows), by the family
 * id each of them carries, so nothing is stored per issued token. This package depends on
 * {@code security} (accounts, login limits, the store of revoked tokens the authentication mechanism
 * reads), never the other way. Refresh state lives in
 * {@link io.pistonee.cluster}'s shared maps, so every instance of a cluster sees it.
 */
package io.pistonee.oauth;
