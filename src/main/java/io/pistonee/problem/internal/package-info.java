/**
 * Internal to problems: how persistence failures become problems. Not API: it may change in any
 * release. The concept and its decisions: {@link io.pistonee.problem}.
 */
package io.pistonee.problem.internal;
