package io.pistonee.metrics.internal;

/**
 * Prometheus's text exposition format, version 0.0.4: families with their {@code # HELP} and
 * {@code # TYPE} lines, then their samples, {@code name{label="value",...} number}, one a line.
 * Label values are escaped ({@code \\}, {@code \"}, newline); numbers are written as Go's
 * {@code ParseFloat} reads them, with {@code +Inf} for infinity.
 */
final class PrometheusText {

    /** The content type of a scrape's answer. */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final StringBuilder text = new StringBuilder(4096);

    /** Starts a family: its help text and type ({@code counter}, {@code histogram}...). */
    PrometheusText family(String name, String type, String help) {
        text.append("# HELP ")
                .append(name)
                .append(' ')
                .append(help.replace("\\", "\\\\").replace("\n", "\\n"))
                .append('\n');
        text.append("# TYPE ").append(name).append(' ').append(type).append('\n');
        return this;
    }

    /** A sample of a whole number, with label names and values given in pairs. */
    PrometheusText sample(String name, long value, String... labels) {
        start(name, labels).append(value).append('\n');
        return this;
    }

    /** A sample of any number, with label names and values given in pairs. */
    PrometheusText sample(String name, double value, String... labels) {
        start(name, labels).append(number(value)).append('\n');
        return this;
    }

    private StringBuilder start(String name, String... labels) {
        text.append(name);
        if (labels.length > 0) {
            text.append('{');
            for (int i = 0; i < labels.length; i += 2) {
                if (i > 0) {
                    text.append(',');
                }
                text.append(labels[i])
                        .append("=\"")
                        .append(escape(labels[i + 1]))
                        .append('"');
            }
            text.append('}');
        }
        return text.append(' ');
    }

    /** A label value as the format quotes it. */
    static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    /** A number as the format writes it: {@code +Inf}, {@code -Inf}, {@code NaN}, else Java's shortest decimal form. */
    static String number(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        return Double.toString(value);
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
