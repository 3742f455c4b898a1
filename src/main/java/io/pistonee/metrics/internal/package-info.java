/**
 * Internal to metrics: the registry, its histograms, the Prometheus text and the filter that times
 * requests and serves the scrape. Not API: it may change in any release. The concept and its
 * decisions: {@link io.pistonee.metrics}.
 */
package io.pistonee.metrics.internal;
