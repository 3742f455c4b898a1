/**
 * Internal to handlers: the descriptor of each handler (built once at start-up), the registry, the
 * CDI extension that finds handlers, and the request's resolution. Not API: it may change in any
 * release. The concept and its decisions: {@link io.pistonee.handler}.
 */
package io.pistonee.handler.internal;
