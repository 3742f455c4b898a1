package io.pistonee.metrics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pistonee.config.OperationsConfig;
import io.pistonee.handler.Operation;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsTest {

    private final Metrics metrics = Metrics.of(OperationsConfig.of(true, "/prometheus", "127.0.0.0/8, ::1", null));

    @Test
    void countsRequestsByHandlerOperationAndStatusClass() {
        Exchange reads = metrics.exchange("posts", Operation.READ);
        reads.record(200, millis(3));
        reads.record(304, millis(1));
        reads.record(404, millis(2));
        reads.record(200, millis(30));
        metrics.exchange("posts", Operation.CREATE).record(201, millis(40));

        assertThat(metrics.exchange("posts", Operation.READ)).isSameAs(reads);
        assertThat(metrics.scrape())
                .contains("piston_requests_total{handler=\"posts\",operation=\"read\",status=\"2xx\"} 2\n")
                .contains("piston_requests_total{handler=\"posts\",operation=\"read\",status=\"3xx\"} 1\n")
                .contains("piston_requests_total{handler=\"posts\",operation=\"read\",status=\"4xx\"} 1\n")
                .contains("piston_requests_total{handler=\"posts\",operation=\"create\",status=\"2xx\"} 1\n")
                .doesNotContain("status=\"5xx\"");
    }

    @Test
    void histogramBucketsAreCumulativeAndEndWithTheCount() {
        Exchange lists = metrics.exchange("posts", Operation.LIST);
        lists.record(200, millis(3)); // 0.005
        lists.record(200, millis(5)); // 0.005: a bound is inclusive
        lists.record(200, millis(70)); // 0.1
        lists.record(200, Duration.ofSeconds(30).toNanos()); // +Inf

        String labels = "handler=\"posts\",operation=\"list\",status=\"2xx\"";
        assertThat(metrics.scrape())
                .contains("# TYPE piston_request_duration_seconds histogram\n")
                .contains("piston_request_duration_seconds_bucket{" + labels + ",le=\"0.005\"} 2\n")
                .contains("piston_request_duration_seconds_bucket{" + labels + ",le=\"0.05\"} 2\n")
                .contains("piston_request_duration_seconds_bucket{" + labels + ",le=\"0.1\"} 3\n")
                .contains("piston_request_duration_seconds_bucket{" + labels + ",le=\"10.0\"} 3\n")
                .contains("piston_request_duration_seconds_bucket{" + labels + ",le=\"+Inf\"} 4\n")
                .contains("piston_request_duration_seconds_sum{" + labels + "} 30.078\n")
                .contains("piston_request_duration_seconds_count{" + labels + "} 4\n");
    }

    @Test
    void countsThrottleRejectionsAuthenticationFailuresAndExportRows() {
        metrics.throttled("posts");
        metrics.throttled("posts");
        metrics.authenticationFailed("Basic");
        metrics.authenticationFailed("Negotiate");
        metrics.exportRows("export").add(3000);
        metrics.exportRows("export").increment();

        assertThat(metrics.scrape())
                .contains("piston_throttle_rejections_total{handler=\"posts\"} 2\n")
                .contains("piston_authentication_failures_total{scheme=\"basic\"} 1\n")
                .contains("piston_authentication_failures_total{scheme=\"bearer\"} 0\n")
                .contains("piston_authentication_failures_total{scheme=\"other\"} 1\n")
                .contains("piston_export_rows_total{handler=\"export\"} 3001\n");
    }

    @Test
    void everyFamilyIsDeclaredOnceBeforeItsSamples() {
        metrics.exchange("posts", Operation.READ).record(200, millis(1));
        List<String> lines = metrics.scrape().lines().toList();

        for (String family : List.of(
                Metrics.REQUESTS,
                Metrics.DURATION,
                Metrics.THROTTLED,
                Metrics.AUTHENTICATION_FAILURES,
                Metrics.EXPORT_ROWS)) {
            int type = lines.indexOf(lines.stream()
                    .filter(line -> line.startsWith("# TYPE " + family + " "))
                    .findFirst()
                    .orElseThrow());
            assertThat(lines.stream().filter(line -> line.startsWith("# TYPE " + family + " ")))
                    .hasSize(1);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith(family + "{") || lines.get(i).startsWith(family + "_")) {
                    assertThat(i).as(lines.get(i)).isGreaterThan(type);
                }
            }
        }
        assertThat(lines).allMatch(line -> line.startsWith("#") || line.matches("[a-z_]+(\\{.*\\})? \\S+"));
    }

    @Test
    void offCountsNothing() {
        Metrics off = Metrics.of(OperationsConfig.of(false, "/prometheus", "127.0.0.1", null));
        assertThat(off.exchange("posts", Operation.READ)).isNull();
        off.throttled("posts");
        off.exportRows("export").increment();

        assertThat(off.enabled()).isFalse();
        assertThat(off.scrape()).doesNotContain("handler=");
    }

    @Test
    void servesLoopbackByDefaultAndTheConfiguredRangesOnly() {
        assertThat(metrics.allows("127.0.0.1")).isTrue();
        assertThat(metrics.allows("127.8.9.10")).isTrue();
        assertThat(metrics.allows("::1")).isTrue();
        assertThat(metrics.allows("10.0.0.1")).isFalse();
        assertThat(metrics.allows("localhost")).isFalse();
        assertThat(metrics.allows(null)).isFalse();

        Metrics network = Metrics.of(OperationsConfig.of(true, "/metrics", "10.0.0.0/8", "monitoring"));
        assertThat(network.allows("10.1.2.3")).isTrue();
        assertThat(network.allows("127.0.0.1")).isFalse();
        assertThat(network.path()).isEqualTo("/metrics");
        assertThat(network.role()).hasValue("monitoring");
        assertThat(metrics.role()).isEmpty();
    }

    @Test
    void aSettingItCannotUseFailsNamingTheKey() {
        assertThatThrownBy(() -> Metrics.of(OperationsConfig.of(true, "/prometheus", "localhost", null)))
                .hasMessageContaining("piston.metrics.allowed")
                .hasMessageContaining("localhost");
        for (String path : List.of("prometheus", "/", "/a?b", "")) {
            assertThatThrownBy(() -> Metrics.of(OperationsConfig.of(true, path, "127.0.0.1", null)))
                    .as(path)
                    .hasMessageContaining("piston.metrics.path");
        }
    }

    private static long millis(long millis) {
        return Duration.ofMillis(millis).toNanos();
    }
}
