/**
 * Internal to conditional requests: entity tags, {@code Last-Modified}, preconditions and the one
 * call per operation kind ({@code Conditions}). Not API: it may change in any release. The concept
 * and its decisions: {@link io.pistonee.conditional}.
 */
package io.pistonee.conditional.internal;
