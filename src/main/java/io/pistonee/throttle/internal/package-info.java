/**
 * Internal to throttling: the pipeline step that counts requests against a handler's throttle
 * policy, and the counters. Not API: it may change in any release. The concept and its decisions:
 * {@link io.pistonee.throttle}.
 */
package io.pistonee.throttle.internal;
