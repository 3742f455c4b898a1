package io.pistonee.metrics.internal;

import io.pistonee.config.OperationsConfig;
import io.pistonee.edge.internal.AddressRanges;
import io.pistonee.handler.Operation;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Logger;

/**
 * The application's metrics: what the pipeline counts, kept in memory per instance, and written as
 * Prometheus text ({@link #scrape}). With {@code piston.metrics.enabled=false} nothing is kept.
 *
 * <p>Every label value comes from a handler's name or a fixed vocabulary (operations, status
 * classes, schemes), so a client cannot make new series.
 */
@ApplicationScoped
public class Metrics {

    private static final Logger LOG = Logger.getLogger(Metrics.class.getName());

    /** The request attribute (a JAX-RS property) naming a request's {@link Exchange}. */
    public static final String EXCHANGE = Exchange.class.getName();

    static final String REQUESTS = "piston_requests_total";
    static final String DURATION = "piston_request_duration_seconds";
    static final String THROTTLED = "piston_throttle_rejections_total";
    static final String AUTHENTICATION_FAILURES = "piston_authentication_failures_total";
    static final String EXPORT_ROWS = "piston_export_rows_total";
    /** The schemes an authentication failure is counted under, each written from the start. */
    static final List<String> SCHEMES = List.of("basic", "bearer", "other");

    @Inject
    OperationsConfig config;

    private boolean enabled;
    private String path;
    private AddressRanges allowed;
    private Optional<String> role;
    private final ConcurrentMap<String, Exchange> exchanges = new ConcurrentSkipListMap<>();
    private final ConcurrentMap<String, LongAdder> throttled = new ConcurrentSkipListMap<>();
    private final ConcurrentMap<String, LongAdder> failures = new ConcurrentSkipListMap<>();
    private final ConcurrentMap<String, LongAdder> exportRows = new ConcurrentSkipListMap<>();

    /** Metrics of settings given directly, for code that runs without a container (unit tests, tools). */
    public static Metrics of(OperationsConfig config) {
        Metrics metrics = new Metrics();
        metrics.config = config;
        metrics.init();
        return metrics;
    }

    /** Reads the settings; one it cannot use fails the deployment, and is logged here at SEVERE too. */
    @PostConstruct
    void init() {
        enabled = config.metrics();
        try {
            path = config.metricsPath();
            allowed = AddressRanges.parse("piston.metrics.allowed", config.metricsAllowed());
        } catch (IllegalArgumentException e) {
            LOG.severe("Piston EE cannot start with this configuration: " + e.getMessage());
            throw e;
        }
        role = config.metricsRole();
        SCHEMES.forEach(scheme -> failures.put(scheme, new LongAdder()));
    }

    /** Reads the settings at deployment, so a bad one fails it rather than a request. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
        path.length();
    }

    public boolean enabled() {
        return enabled;
    }

    /** Where, under the context root, the scrape is served ({@code piston.metrics.path}). */
    public String path() {
        return path;
    }

    /** Whether a client address may scrape ({@code piston.metrics.allowed}). */
    public boolean allows(String address) {
        return allowed.contains(address);
    }

    /** The role a scraper needs, when {@code piston.metrics.role} names one. */
    public Optional<String> role() {
        return role;
    }

    /**
     * The exchange of a handler's operation, labelled with the operation's name in lower case
     * ({@code list}, {@code read}, {@code create}, {@code update}, {@code patch}, {@code delete}), or
     * {@code null} while metrics are off.
     */
    public Exchange exchange(String handler, Operation operation) {
        if (!enabled) {
            return null;
        }
        return exchanges.computeIfAbsent(
                handler + '\0' + operation.name(),
                key -> new Exchange(handler, operation.name().toLowerCase(Locale.ROOT)));
    }

    /** Counts a request a handler's throttle refused. */
    public void throttled(String handler) {
        if (enabled) {
            counter(throttled, handler).increment();
        }
    }

    /** Counts a 401 of authentication, under {@code basic}, {@code bearer} or {@code other}. */
    public void authenticationFailed(String scheme) {
        if (enabled) {
            String name = scheme.toLowerCase(Locale.ROOT);
            counter(failures, SCHEMES.contains(name) ? name : "other").increment();
        }
    }

    /** The counter of a handler's streamed items, to increment per item written. */
    public LongAdder exportRows(String handler) {
        return enabled ? counter(exportRows, handler) : new LongAdder();
    }

    private static LongAdder counter(ConcurrentMap<String, LongAdder> counters, String label) {
        return counters.computeIfAbsent(label, key -> new LongAdder());
    }

    /** Everything counted, as Prometheus text. */
    public String scrape() {
        PrometheusText text = new PrometheusText();
        requests(text);
        durations(text);
        counters(text, THROTTLED, "Requests a handler's throttle refused (429).", "handler", throttled);
        counters(
                text,
                AUTHENTICATION_FAILURES,
                "Requests authentication refused (401), by the scheme of their credentials.",
                "scheme",
                failures);
        counters(text, EXPORT_ROWS, "Items of streamed results written, by handler.", "handler", exportRows);
        return text.toString();
    }

    private void requests(PrometheusText text) {
        text.family(REQUESTS, "counter", "Requests routed to a handler, by operation and status class.");
        for (Exchange exchange : exchanges.values()) {
            for (int statusClass = 1; statusClass <= 5; statusClass++) {
                long[] counts = exchange.of(statusClass).cumulative();
                long count = counts[counts.length - 1];
                if (count > 0) {
                    text.sample(REQUESTS, count, labels(exchange, statusClass));
                }
            }
        }
    }

    private void durations(PrometheusText text) {
        text.family(
                DURATION,
                "histogram",
                "Time from the metrics filter until the response was written, by handler, operation and status class.");
        for (Exchange exchange : exchanges.values()) {
            for (int statusClass = 1; statusClass <= 5; statusClass++) {
                Histogram histogram = exchange.of(statusClass);
                long[] counts = histogram.cumulative();
                if (counts[counts.length - 1] > 0) {
                    String[] labels = labels(exchange, statusClass);
                    for (int i = 0; i < counts.length; i++) {
                        double bound = i < Histogram.BOUNDS.length ? Histogram.BOUNDS[i] : Double.POSITIVE_INFINITY;
                        text.sample(DURATION + "_bucket", counts[i], with(labels, "le", PrometheusText.number(bound)));
                    }
                    text.sample(DURATION + "_sum", histogram.sumSeconds(), labels);
                    text.sample(DURATION + "_count", counts[counts.length - 1], labels);
                }
            }
        }
    }

    private static void counters(
            PrometheusText text, String name, String help, String label, Map<String, LongAdder> counters) {
        text.family(name, "counter", help);
        counters.forEach((value, counter) -> text.sample(name, counter.sum(), label, value));
    }

    private static String[] labels(Exchange exchange, int statusClass) {
        return new String[] {
            "handler", exchange.handler(), "operation", exchange.operation(), "status", statusClass + "xx"
        };
    }

    private static String[] with(String[] labels, String name, String value) {
        String[] all = Arrays.copyOf(labels, labels.length + 2);
        all[labels.length] = name;
        all[labels.length + 1] = value;
        return all;
    }
}
