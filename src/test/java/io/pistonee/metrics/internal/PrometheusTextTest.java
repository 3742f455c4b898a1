package io.pistonee.metrics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrometheusTextTest {

    @Test
    void writesAFamilyWithItsHelpTypeAndSamples() {
        String text = new PrometheusText()
                .family("piston_things_total", "counter", "Things.")
                .sample("piston_things_total", 3, "handler", "posts", "status", "2xx")
                .sample("piston_things_total", 0L)
                .toString();

        assertThat(text).isEqualTo("""
                        # HELP piston_things_total Things.
                        # TYPE piston_things_total counter
                        piston_things_total{handler="posts",status="2xx"} 3
                        piston_things_total 0
                        """);
    }

    @Test
    void escapesLabelValuesAndHelp() {
        String text = new PrometheusText()
                .family("x", "counter", "back\\slash\nnew line")
                .sample("x", 1, "handler", "a\"b\\c\nd")
                .toString();

        assertThat(text).contains("# HELP x back\\\\slash\\nnew line\n").contains("x{handler=\"a\\\"b\\\\c\\nd\"} 1\n");
        assertThat(text.lines()).hasSize(3);
    }

    @Test
    void writesNumbersAsPrometheusReadsThem() {
        assertThat(PrometheusText.number(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
        assertThat(PrometheusText.number(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
        assertThat(PrometheusText.number(Double.NaN)).isEqualTo("NaN");
        assertThat(PrometheusText.number(0.005)).isEqualTo("0.005");
        assertThat(PrometheusText.number(2.5)).isEqualTo("2.5");
        assertThat(Double.parseDouble(PrometheusText.number(1.25e-4))).isEqualTo(1.25e-4);
    }

    @Test
    void answersAsTextVersion004() {
        assertThat(PrometheusText.CONTENT_TYPE).startsWith("text/plain; version=0.0.4");
    }
}
