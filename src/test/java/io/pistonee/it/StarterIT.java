package io.pistonee.it;

import static io.pistonee.it.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The starter project (src/it/starter), what a team copies to begin: built with Maven against the
 * framework this build made (maven-invoker-plugin, before the ITs), and deployed exactly as built. Its
 * WAR holds the framework only as the one dependency it declares; nothing of the example.
 */
@ExtendWith(ArquillianExtension.class)
class StarterIT {

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Deployment(testable = false)
    static WebArchive deployment() {
        File war = new File(System.getProperty("it.starter.war", "target/it/starter/target/books.war"));
        if (!war.isFile()) {
            throw new IllegalStateException(war + " is missing: the starter is built by 'mvn verify'"
                    + " (maven-invoker-plugin) before the integration tests");
        }
        return ShrinkWrap.createFromZipFile(WebArchive.class, war);
    }

    @ArquillianResource
    URL base;

    @Test
    void theWarHoldsTheFrameworkAsALibraryAndNothingOfTheExample() {
        WebArchive war = deployment();

        assertThat(war.getContent().keySet().stream().map(ArchivePath::get))
                .anyMatch(path -> path.matches("/WEB-INF/lib/piston-ee-[^/]+\\.jar"))
                .anyMatch(path -> path.matches("/WEB-INF/lib/jackson-databind-[^/]+\\.jar"))
                .noneMatch(path -> path.contains("io/pistonee/example"))
                .noneMatch(path -> path.startsWith("/WEB-INF/lib/jakarta"))
                .doesNotContain("/WEB-INF/web.xml");
    }

    @Test
    void itsApiListsCreatesAndReadsBooks() {
        Http http = new Http(base);

        HttpResponse<String> created =
                http.post("books", "{\"title\": \"Dune\", \"author\": \"Frank Herbert\", \"pages\": 412}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        JsonNode book = Http.json(created);
        assertThat(location).endsWith("/api/books/" + book.get("id").asText());
        assertThat(book.get("resource_uri").asText()).isEqualTo(location);
        assertThat(book.get("title").asText()).isEqualTo("Dune");

        HttpResponse<String> read = http.get(URI.create(location).getPath().replaceFirst("^.*/api/", ""));
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(Http.json(read).get("pages").asInt()).isEqualTo(412);
        assertThat(read.headers().firstValue("ETag")).isPresent();

        HttpResponse<String> list = http.get("books?author=Frank%20Herbert");
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        assertThat(list.body()).contains("\"Dune\"");

        HttpResponse<String> shelf = http.get("shelf");
        assertThat(shelf.statusCode()).as(shelf.body()).isEqualTo(200);
        assertThat(Http.json(shelf).get("books").asLong()).isPositive();
    }

    @Test
    void itsEntityIsValidatedAndItsErrorsAreProblems() {
        Http http = new Http(base);

        JsonNode invalid =
                assertProblem(http.post("books", "{\"title\": \"\", \"author\": \"A\", \"pages\": -1}"), 400);
        assertThat(invalid.toString()).contains("title").contains("pages");
        assertProblem(http.get("books/999999"), 404);

        HttpResponse<String> notAllowed = http.delete("shelf");
        assertProblem(notAllowed, 405);
        assertThat(notAllowed.headers().firstValue("Allow").orElseThrow()).contains("GET");
    }

    @Test
    void itsApiSpeaksYaml() {
        Http http = new Http(base);
        http.post("books", "{\"title\": \"Emma\", \"author\": \"Jane Austen\", \"pages\": 474}");

        HttpResponse<String> yaml = http.get("books?title=Emma&format=yaml");

        assertThat(yaml.statusCode()).as(yaml.body()).isEqualTo(200);
        assertThat(yaml.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/yaml");
        List<Map<String, Object>> books = Formats.yaml(yaml.body());
        assertThat(books)
                .singleElement()
                .satisfies(book -> assertThat(book)
                        .containsEntry("title", "Emma")
                        .containsEntry("author", "Jane Austen")
                        .containsEntry("pages", 474));
    }

    @Test
    void itsOpenApiDocumentDescribesItsHandlers() throws IOException, InterruptedException {
        HttpResponse<String> response = CLIENT.send(
                HttpRequest.newBuilder(URI.create(base.toString()).resolve("/openapi?format=JSON"))
                        .timeout(Duration.ofSeconds(60))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        // Whether a path carries the context root differs between servers: compare from /api/ on.
        JsonNode info = Http.json(response).path("info");
        assertThat(info.path("title").asText()).isEqualTo("Books");
        assertThat(info.path("version").asText()).isEqualTo("1.0.0");
        Map<String, JsonNode> paths = new HashMap<>();
        for (Map.Entry<String, JsonNode> path :
                Http.json(response).path("paths").properties()) {
            paths.put(path.getKey().substring(path.getKey().indexOf("/api/")), path.getValue());
        }
        assertThat(paths).containsOnlyKeys("/api/books", "/api/books/bulk", "/api/books/{id}", "/api/shelf");
        assertThat(paths.get("/api/books").has("post")).isTrue();
        assertThat(paths.get("/api/books/{id}").has("put")).isTrue();
        assertThat(paths.get("/api/shelf").has("get")).isTrue();
        assertThat(paths.get("/api/books/{id}").path("get").path("summary").asText())
                .isEqualTo("Read a book");
        assertThat(paths.get("/api/books").path("post").path("summary").asText())
                .isEqualTo("Create a book");
    }

    @Test
    void swaggerUiLoadsAndTriesItsApiOut() {
        URI uri = URI.create(base.toString());
        String docs = "http://localhost:" + uri.getPort() + uri.getPath().replaceAll("/+$", "") + "/docs";
        try (SwaggerUi ui = SwaggerUi.open(docs)) {
            String body = ui.tryOut("books", "listBooks", Map.of("limit", "5"));
            assertThat(ui.status("books", "listBooks")).isEqualTo("200");
            assertThat(body).contains("resource_uri");
        }
    }
}
