/**
 * Internal to health: the database readiness check and the extension that leaves it out when
 * disabled. Not API: it may change in any release. The concept and its decisions:
 * {@link io.pistonee.health}.
 */
package io.pistonee.health.internal;
