/**
 * Internal to shared state: the JCache and in-memory stores of the {@code SharedMaps} SPI and the
 * choice between them. Not API: it may change in any release. The concept and its decisions:
 * {@link io.pistonee.cluster}.
 */
package io.pistonee.cluster.internal;
