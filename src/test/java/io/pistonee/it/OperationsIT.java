package io.pistonee.it;

import static io.pistonee.it.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pistonee.it.server.ServerProcess;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What operations staff read, on the example application: the server's readiness endpoint with the
 * framework's {@code database} check, and the Prometheus metrics at {@code /prometheus}.
 *
 * <p>One deployment for both (each Payara Micro deployment is a boot of its own): the example WAR
 * with a second data source, declared in {@code web.xml} under {@code java:comp/env} (the default
 * name's namespace), on an H2 TCP server this test runs on a free loopback port, stops and starts
 * again; the readiness check asks that one ({@code piston.health.database.data-source}), so taking it
 * away leaves the example's own database alone. Neither pool validates a data source declared in
 * {@code web.xml} (WildFly's cannot): the check's own discarding of a connection that died with the
 * database is what brings it back to {@code UP} (docs/production.md#health). The metrics need the
 * role {@code admin}, and the update throttle allows 2 a minute.
 */
@ExtendWith(ArquillianExtension.class)
class OperationsIT {

    private static final String DATA_SOURCE = "java:comp/env/jdbc/health";
    private static final String SCRAPE = "../prometheus";

    private static TcpDatabase database;

    @Deployment(testable = false)
    static WebArchive deployment() {
        database = TcpDatabase.started();
        return Deployments.withH2DataSource(
                Deployments.withConfig(
                        Deployments.example(),
                        "piston.health.database.data-source=" + DATA_SOURCE,
                        "piston.metrics.role=admin",
                        "piston.throttle.post_updates.requests=2"),
                DATA_SOURCE,
                database.port(),
                "health",
                2);
    }

    @AfterAll
    static void stopDatabase() {
        if (database != null) {
            database.stop();
        }
    }

    @ArquillianResource
    URL base;

    @Test
    void readinessFollowsTheDatabaseWithoutARestart() {
        HttpResponse<String> ready = Health.ready();
        assertThat(Health.check(ready, "database")).as(ready.body()).hasValue("UP");
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(othersUp(ready) ? 200 : 503);
        assertThat(Health.live().statusCode()).isEqualTo(200);

        database.stop();
        HttpResponse<String> down = Health.ready();
        assertThat(down.statusCode()).as(down.body()).isEqualTo(503);
        assertThat(Http.json(down).path("status").asText()).isEqualTo("DOWN");
        assertThat(Health.check(down, "database")).hasValue("DOWN");
        assertThat(down.body()).doesNotContain("h2").doesNotContain(String.valueOf(database.port()));
        HttpResponse<String> alive = Health.live();
        assertThat(alive.statusCode())
                .as("a database that is down is no reason to restart")
                .isEqualTo(200);
        assertThat(new Http(base).get("posts").statusCode())
                .as("the example's own database is still there")
                .isEqualTo(200);

        database.start();
        HttpResponse<String> back = waitForReadiness(Duration.ofSeconds(20));
        assertThat(Health.check(back, "database")).as(back.body()).hasValue("UP");
        assertThat(back.statusCode()).as(back.body()).isEqualTo(othersUp(back) ? 200 : 503);
    }

    /**
     * Whether every check but {@code database} is up. On WildFly the checks of every deployment answer
     * together, and a deployment that failed after CDI started (DeploymentFailureIT's, earlier in the
     * same server) leaves its checks behind, DOWN (WELD-000229), until the server restarts.
     */
    private static boolean othersUp(HttpResponse<String> answer) {
        for (JsonNode check : Http.json(answer).path("checks")) {
            if (!"database".equals(check.path("name").asText())
                    && !"UP".equals(check.path("status").asText())) {
                return false;
            }
        }
        return true;
    }

    @Test
    void countsRequestsByHandlerOperationAndStatusClass() {
        Map<String, Double> before = scrape();
        Http anonymous = new Http(base);
        assertThat(anonymous.get("posts").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("posts").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("posts/1").statusCode()).isEqualTo(200);
        assertProblem(anonymous.get("posts/999999"), 404);
        assertProblem(new Http(base).as("testuser", "foobar").post("posts", "{}"), 400);

        Map<String, Double> after = scrape();

        assertThat(increase(
                        before, after, "piston_requests_total{handler=\"posts\",operation=\"list\",status=\"2xx\"}"))
                .isEqualTo(2);
        assertThat(increase(
                        before, after, "piston_requests_total{handler=\"posts\",operation=\"read\",status=\"2xx\"}"))
                .isEqualTo(1);
        assertThat(increase(
                        before, after, "piston_requests_total{handler=\"posts\",operation=\"read\",status=\"4xx\"}"))
                .isEqualTo(1);
        assertThat(increase(
                        before, after, "piston_requests_total{handler=\"posts\",operation=\"create\",status=\"4xx\"}"))
                .isEqualTo(1);
        String lists = "handler=\"posts\",operation=\"list\",status=\"2xx\"";
        assertThat(increase(before, after, "piston_request_duration_seconds_count{" + lists + "}"))
                .isEqualTo(2);
        assertThat(increase(before, after, "piston_request_duration_seconds_bucket{" + lists + ",le=\"+Inf\"}"))
                .isEqualTo(2);
        assertThat(increase(before, after, "piston_request_duration_seconds_sum{" + lists + "}"))
                .isPositive();
        assertThat(after.get("piston_request_duration_seconds_bucket{" + lists + ",le=\"0.005\"}"))
                .isLessThanOrEqualTo(after.get("piston_request_duration_seconds_bucket{" + lists + ",le=\"10.0\"}"));
    }

    @Test
    void countsThrottleRejectionsFailedLoginsAndExportedRows() {
        Map<String, Double> before = scrape();
        assertProblem(new Http(base).as("nobody", "wrong").get("posts"), 401);
        Http author = new Http(base).as("otheruser", "barfoo");
        Windows.awayFromTheEnd(Duration.ofSeconds(60), Duration.ofSeconds(15));
        for (int i = 0; i < 2; i++) {
            assertThat(author.put("posts/1", "{}").statusCode()).isBetween(400, 428);
        }
        assertProblem(author.put("posts/1", "{}"), 429);
        HttpResponse<String> export = new Http(base).as("admin", "adminpass").get("export?format=json");
        assertThat(export.statusCode()).isEqualTo(200);
        // Items, not lines: posts other ITs wrote into WildFly's one database may span lines.
        long rows = Http.json(export).size();

        Map<String, Double> after = scrape();

        assertThat(increase(before, after, "piston_authentication_failures_total{scheme=\"basic\"}"))
                .isEqualTo(1);
        assertThat(increase(before, after, "piston_authentication_failures_total{scheme=\"bearer\"}"))
                .isZero();
        assertThat(increase(before, after, "piston_throttle_rejections_total{handler=\"posts\"}"))
                .isEqualTo(1);
        assertThat(increase(
                        before, after, "piston_requests_total{handler=\"posts\",operation=\"update\",status=\"4xx\"}"))
                .isEqualTo(3);
        assertThat(rows).isPositive();
        assertThat(increase(before, after, "piston_export_rows_total{handler=\"export\"}"))
                .isEqualTo(rows);
    }

    @Test
    void theMetricsAreServedToAllowedAddressesAndTheRoleOnly() {
        HttpResponse<String> scrape = new Http(base).as("admin", "adminpass").get(SCRAPE);
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.headers().firstValue("Content-Type").orElseThrow())
                .startsWith("text/plain")
                .contains("version=0.0.4");
        assertThat(scrape.body()).contains("# TYPE piston_requests_total counter\n");

        // Loopback is a trusted proxy in the example: the client it names is not an allowed address.
        assertProblem(new Http(base).as("admin", "adminpass").get(SCRAPE, "X-Forwarded-For", "203.0.113.7"), 403);
        assertProblem(new Http(base).as("testuser", "foobar").get(SCRAPE), 403);
        assertProblem(new Http(base).get(SCRAPE), 403);
        HttpResponse<String> post = new Http(base).as("admin", "adminpass").post(SCRAPE, "{}");
        assertProblem(post, 405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
    }

    private HttpResponse<String> waitForReadiness(Duration limit) {
        Instant end = Instant.now().plus(limit);
        HttpResponse<String> answer = Health.ready();
        while (!Health.check(answer, "database").equals(Optional.of("UP"))
                && Instant.now().isBefore(end)) {
            ServerProcess.pause(Duration.ofMillis(500));
            answer = Health.ready();
        }
        return answer;
    }

    /** The metrics as series (name and labels, as written) to values. */
    private Map<String, Double> scrape() {
        HttpResponse<String> answer = new Http(base).as("admin", "adminpass").get(SCRAPE);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        System.out.println("Scrape:\n" + answer.body());
        Map<String, Double> series = new HashMap<>();
        answer.body().lines().filter(line -> !line.startsWith("#")).forEach(line -> {
            int space = line.lastIndexOf(' ');
            series.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        });
        return series;
    }

    private static double increase(Map<String, Double> before, Map<String, Double> after, String series) {
        assertThat(after).as("the scrape after has " + series).containsKey(series);
        return after.get(series) - before.getOrDefault(series, 0.0);
    }
}
