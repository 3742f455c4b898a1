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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The example WAR deployed while its database is down, on the real PostgreSQL the build runs
 * ({@code src/test/scripts/postgresql.sh}; the failsafe executions {@code *-postgresql}): the
 * deployment method, which runs in this JVM before the WAR is deployed, empties the database (so the
 * tables have to be made once it answers) and stops it. The deployment must succeed; the application
 * is not ready and its API answers 503 with {@code Retry-After}; once the database is started, with
 * nothing restarted, it is ready, its tables and seed are there, reads answer 200 and writes 201.
 */
@ExtendWith(ArquillianExtension.class)
class DatabaseDownAtDeploymentIT {

    private static boolean stopped;

    @Deployment(testable = false)
    static WebArchive deployment() throws Exception {
        database("empty");
        database("stop");
        return Deployments.example();
    }

    @ArquillianResource
    URL base;

    @Test
    void deploysWhileTheDatabaseIsDownAndServesOnceItIsBack() throws Exception {
        Http anonymous = new Http(base);
        Http author = new Http(base).as("testuser", "foobar");
        HttpResponse<String> ready = Health.ready();
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(503);
        assertThat(Http.json(ready).get("status").asText()).isEqualTo("DOWN");
        for (HttpResponse<String> response : List.of(anonymous.get("posts"), author.get("posts"))) {
            JsonNode problem = assertProblem(response, 503);
            assertThat(problem.get("detail").asText()).isEqualTo("The database is unavailable: retry later.");
            assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        }

        database("start");
        // The first request once it is back is an author's: authentication reads the accounts, which
        // only exist once the database has answered and the example has created and seeded its tables.
        HttpResponse<String> created = author.post(
                "posts", "{\"title\": \"After a cold start\", \"content\": \"The database came up late.\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        ready = Health.ready();
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        assertThat(Http.json(ready).get("status").asText()).isEqualTo("UP");
        HttpResponse<String> posts = anonymous.get("posts");
        assertThat(posts.statusCode()).as(posts.body()).isEqualTo(200);
        assertThat(Http.json(posts).findValuesAsText("title")).contains("Hello, Piston EE", "After a cold start");
        HttpResponse<String> read =
                anonymous.get(created.headers().firstValue("Location").orElseThrow());
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(Http.json(read).get("title").asText()).isEqualTo("After a cold start");
    }

    /** Leaves the database running for the tests after this one, whatever happened. */
    @AfterAll
    static void startTheDatabase() throws Exception {
        if (stopped) {
            database("start");
        }
    }

    /**
     * Empties this server's database, stops or starts the build's cluster; its script's output goes
     * to {@code deployment.log}.
     */
    private static void database(String command) throws IOException, InterruptedException {
        BuildPostgreSql.run(command, "deployment.log");
        stopped = command.equals("stop");
    }
}
