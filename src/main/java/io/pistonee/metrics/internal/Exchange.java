package io.pistonee.metrics.internal;

/**
 * The requests of one handler and operation: a duration histogram per status class ({@code 1xx} to
 * {@code 5xx}), whose counts are also the request counts. Routing names the exchange of a request;
 * the metrics filter records it once the response is written.
 */
public final class Exchange {

    private final String handler;
    private final String operation;
    private final Histogram[] byClass = new Histogram[5];

    Exchange(String handler, String operation) {
        this.handler = handler;
        this.operation = operation;
        for (int i = 0; i < byClass.length; i++) {
            byClass[i] = new Histogram();
        }
    }

    /** Counts a request that answered {@code status} after {@code nanos}. */
    public void record(int status, long nanos) {
        int statusClass = Math.min(5, Math.max(1, status / 100));
        byClass[statusClass - 1].record(nanos);
    }

    String handler() {
        return handler;
    }

    String operation() {
        return operation;
    }

    /** The histogram of a status class, 1 to 5. */
    Histogram of(int statusClass) {
        return byClass[statusClass - 1];
    }
}
