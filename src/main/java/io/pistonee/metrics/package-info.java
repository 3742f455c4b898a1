/**
 * Metrics: what the application counts and times, served in the Prometheus text format at
 * {@code <context root>/prometheus} ({@code piston.metrics.path}), to loopback by default
 * ({@code piston.metrics.allowed}, optionally {@code piston.metrics.role}).
 *
 * <ul>
 *   <li>{@code piston_requests_total{handler, operation, status}} and
 *       {@code piston_request_duration_seconds{handler, operation, status}} (a histogram): every
 *       request routed to a handler, by operation and status class ({@code 2xx} ... {@code 5xx}),
 *       timed from the framework's metrics filter until its last byte is written;</li>
 *   <li>{@code piston_throttle_rejections_total{handler}}: the 429s of throttling;</li>
 *   <li>{@code piston_authentication_failures_total{scheme}}: the 401s of authentication
 *       ({@code basic}, {@code bearer}, {@code other});</li>
 *   <li>{@code piston_export_rows_total{handler}}: the items of streamed results written.</li>
 * </ul>
 *
 * <p>Decisions: the framework keeps its own registry rather than a server's metrics API, because
 * the servers differ: Payara Micro 6 and 7 carry MicroProfile Metrics 5.1, WildFly 39 has no
 * MicroProfile Metrics at all and offers Micrometer only as an extension its stock configurations do
 * not enable; a registry of a few counters and histograms is small, and the same on every server.
 * Each event is counted where the pipeline already handles it (routing names the exchange, the
 * throttle its rejection, the authentication mechanism its failure, the reply its streamed items),
 * with lock-free adders; labels come from handler names and fixed vocabularies only, never from the
 * request, so their number is bounded. Counts are per instance, as Prometheus expects to scrape each
 * one. Applications use no type of this package: it is configured ({@code piston.metrics.*}).
 */
package io.pistonee.metrics;
