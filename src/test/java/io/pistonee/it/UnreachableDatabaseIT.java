package io.pistonee.it;

import static io.pistonee.it.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pistonee.it.unreachable.Crate;
import io.pistonee.it.unreachable.CrateHandler;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A real outage: a model handler whose persistence unit uses a data source (declared in
 * {@code web.xml}, so both servers read it the same way) on an H2 TCP server that this test runs
 * on a free loopback port, and stops. Once it is gone, every read fails to get a working
 * connection, which must answer 503 with {@code Retry-After} and say nothing about the database;
 * so must a write. This WAR is also where Payara once read a JSON POST with its own JSON-B reader
 * (a 500 while the database was up; see {@code io.pistonee.parser.internal.ParserSelection}), so the writes
 * here are JSON.
 *
 * <p>The database has to be there while deploying: Payara validates a persistence unit by opening
 * an entity manager, which connects. So the server is started when the deployment is built (the
 * deployment method runs in this JVM before the WAR is deployed) and stopped by the test.
 */
@ExtendWith(ArquillianExtension.class)
class UnreachableDatabaseIT {

    private static TcpDatabase database;

    @Deployment(testable = false)
    static WebArchive deployment() {
        database = TcpDatabase.started();
        return Deployments.withH2DataSource(
                Deployments.withEntities(
                        Deployments.library("unreachable", Crate.class, CrateHandler.class),
                        "java:app/jdbc/unreachable",
                        Crate.class),
                "java:app/jdbc/unreachable",
                database.port(),
                "crates",
                4);
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
    void whenTheDatabaseGoesAwayReadsAndWritesAre503WithRetryAfter() {
        Http http = new Http(base);
        assertThat(http.get("crates").statusCode()).isEqualTo(200);
        assertProblem(http.get("crates/1"), 404);
        HttpResponse<String> created = http.post("crates", "{\"label\":\"first\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(Http.json(http.get("crates/" + Http.json(created).get("id").asText()))
                        .get("label")
                        .asText())
                .isEqualTo("first");

        database.stop();

        for (HttpResponse<String> response :
                List.of(http.get("crates"), http.get("crates/1"), http.post("crates", "{\"label\":\"lost\"}"))) {
            JsonNode problem = assertProblem(response, 503);
            assertThat(problem.get("title").asText()).isEqualTo("Service Unavailable");
            assertThat(problem.get("detail").asText()).isEqualTo("The database is unavailable: retry later.");
            assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(response.body())
                    .doesNotContainIgnoringCase("h2")
                    .doesNotContainIgnoringCase("sql")
                    .doesNotContain("127.0.0.1")
                    .doesNotContain(String.valueOf(database.port()));
        }
        HttpResponse<String> yaml = http.get("crates", "Accept", "application/yaml");
        assertThat(yaml.statusCode()).isEqualTo(503);
        assertThat(yaml.headers().firstValue("Content-Type")).hasValue("application/problem+yaml");
        assertThat(yaml.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(Formats.<Map<String, Object>>yaml(yaml.body())).containsEntry("status", 503);
    }
}
