/**
 * Internal to the OAuth 2.0 authorization server: the token endpoint, the token issuer, refresh-
 * token rotation, the signing key, RFC 6749 errors, and the filter that answers 404 while the
 * server is off. Not API: it may change in any release. The concept and its decisions: {@link
 * io.pistonee.oauth}.
 */
package io.pistonee.oauth.internal;
