package io.pistonee.it;

import static io.pistonee.it.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A database outage and its end, on the real PostgreSQL the build runs for this test
 * ({@code src/test/scripts/postgresql.sh}; the failsafe executions {@code *-postgresql} only): the
 * example WAR as built, on the server's default datasource configured by
 * {@code server-config/*}{@code /postgresql.*}. While the database is stopped, reads and writes,
 * anonymous or authenticated, answer 503 with {@code Retry-After} and say nothing of the database;
 * once it is started again, the next reads answer 200 and writes 201, with nothing restarted: the
 * pool's connection validation throws the dead connections away.
 */
@ExtendWith(ArquillianExtension.class)
class DatabaseRecoveryIT {

    private static final String UNAVAILABLE = "The database is unavailable: retry later.";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.example();
    }

    @ArquillianResource
    URL base;

    private boolean stopped;

    @Test
    void afterAnOutageReadsAndWritesSucceedAgainWithoutARestart() throws Exception {
        Http anonymous = new Http(base);
        Http author = new Http(base).as("testuser", "foobar");
        assertThat(anonymous.get("posts").statusCode()).isEqualTo(200);
        HttpResponse<String> before = author.post("posts", post("Before the outage"));
        assertThat(before.statusCode()).as(before.body()).isEqualTo(201);

        database("stop");
        for (HttpResponse<String> response : List.of(
                anonymous.get("posts"),
                anonymous.get("posts/1"),
                author.get("stats"),
                author.post("posts", post("During the outage")))) {
            assertUnavailable(response);
        }

        database("start");
        assertThat(anonymous.get("posts").statusCode()).isEqualTo(200);
        assertThat(title(anonymous.get(location(before)))).isEqualTo("Before the outage");
        assertThat(author.get("stats").statusCode()).isEqualTo(200);
        HttpResponse<String> after = author.post("posts", post("After the outage"));
        assertThat(after.statusCode()).as(after.body()).isEqualTo(201);
        assertThat(title(author.get(location(after)))).isEqualTo("After the outage");
        assertThat(Http.json(anonymous.get("posts?limit=500")).findValuesAsText("title"))
                .contains("Before the outage", "After the outage")
                .doesNotContain("During the outage");
    }

    /** Leaves the database running for the tests after this one, whatever happened. */
    @AfterEach
    void restartTheDatabase() throws Exception {
        if (stopped) {
            database("start");
        }
    }

    private static void assertUnavailable(HttpResponse<String> response) {
        JsonNode problem = assertProblem(response, 503);
        assertThat(problem.get("detail").asText()).isEqualTo(UNAVAILABLE);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        // Also where the authentication mechanism answers, before the edge filter runs.
        assertThat(problem.get("incident").asText())
                .isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
        assertThat(response.body())
                .doesNotContainIgnoringCase("postgres")
                .doesNotContainIgnoringCase("sql")
                .doesNotContain(System.getProperty("it.postgresql.port"));
    }

    private static String post(String title) {
        return "{\"title\": \"" + title + "\", \"content\": \"Written around a database outage.\"}";
    }

    private static String location(HttpResponse<String> created) {
        return created.headers().firstValue("Location").orElseThrow();
    }

    private static String title(HttpResponse<String> post) {
        assertThat(post.statusCode()).as(post.body()).isEqualTo(200);
        return Http.json(post).get("title").asText();
    }

    /** Stops or starts the build's cluster; its script's output goes to {@code recovery.log}. */
    private void database(String command) throws IOException, InterruptedException {
        BuildPostgreSql.run(command, "recovery.log");
        stopped = command.equals("stop");
    }
}
