/**
 * Internal to security: the authentication mechanism (Basic and Bearer on one endpoint), the
 * identity store, credential parsing and caching, login limits, revoked token ids, and the
 * authorization filter. Not API: it may change in any release. The concept and its decisions:
 * {@link io.pistonee.security}.
 */
package io.pistonee.security.internal;
