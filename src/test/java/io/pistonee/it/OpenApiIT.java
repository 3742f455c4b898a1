package io.pistonee.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The example application's OpenAPI document at the server's {@code /openapi}: built from the
 * handlers, valid for a real OpenAPI parser, and equal to the golden file on every server.
 *
 * <p>The golden file is {@code src/test/resources/openapi/example.json}. After a change that is meant
 * to change the document, regenerate it and review the diff:
 * <pre>
 * mvn -B verify -Ppayara-micro -Dit.test=OpenApiIT -Dopenapi.golden.update=true
 * </pre>
 */
@ExtendWith(ArquillianExtension.class)
class OpenApiIT {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private static final Path GOLDEN =
            Path.of(System.getProperty("basedir", "."), "src", "test", "resources", "openapi", "example.json");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.example();
    }

    @ArquillianResource
    URL base;

    @Test
    void servesYamlByDefaultAndTheSameDocumentAsJsonOnRequest() throws IOException {
        HttpResponse<String> yaml = get("/openapi");
        HttpResponse<String> accepted = get("/openapi", "Accept", "application/json");
        HttpResponse<String> parameter = get("/openapi?format=JSON");

        assertThat(yaml.statusCode()).isEqualTo(200);
        assertThat(yaml.body().strip()).doesNotStartWith("{");
        assertThat(accepted.headers().firstValue("Content-Type").orElse("")).contains("json");
        JsonNode fromYaml = new YAMLMapper().readTree(yaml.body());
        assertThat(JSON.readTree(accepted.body())).isEqualTo(fromYaml);
        assertThat(JSON.readTree(parameter.body())).isEqualTo(fromYaml);
    }

    @Test
    void documentsEachHandlerAtItsOwnPathsAndNeverTheGenericResource() {
        JsonNode document = document();

        assertThat(OpenApiDocuments.paths(document))
                .allSatisfy(path -> assertThat(path).doesNotContain("{resource}"))
                .anySatisfy(path -> assertThat(path).endsWith("/api/posts"))
                .anySatisfy(path -> assertThat(path).endsWith("/api/posts/{id}"))
                .anySatisfy(path -> assertThat(path).endsWith("/api/stats"))
                .noneSatisfy(path -> assertThat(path).endsWith("/api/stats/{id}"));
        JsonNode stats = OpenApiDocuments.pathItem(document, "/api/stats");
        assertThat(stats.fieldNames()).toIterable().containsExactly("get");
        JsonNode posts = OpenApiDocuments.pathItem(document, "/api/posts/{id}");
        assertThat(posts.fieldNames()).toIterable().containsExactlyInAnyOrder("get", "put", "patch", "delete");
    }

    @Test
    void namesTheApiAsTheExampleDeclaresItAndSummarizesOperationsInEnglish() {
        JsonNode document = document();

        JsonNode info = document.path("info");
        assertThat(info.path("title").asText()).isEqualTo("Piston EE blog");
        assertThat(info.path("version").asText()).isEqualTo("1.0");
        assertThat(info.path("description").asText()).startsWith("Piston's blog example");
        assertThat(OpenApiDocuments.operation(document, "/api/posts", "get")
                        .path("summary")
                        .asText())
                .isEqualTo("List posts");
        assertThat(OpenApiDocuments.operation(document, "/api/posts/{id}", "get")
                        .path("summary")
                        .asText())
                .isEqualTo("Read a post");
        assertThat(OpenApiDocuments.operation(document, "/api/posts/{id}", "patch")
                        .path("summary")
                        .asText())
                .isEqualTo("Update a post");
    }

    @Test
    void isAValidOpenApiDocument() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result =
                new OpenAPIV3Parser().readContents(get("/openapi?format=JSON").body(), null, options);
        List<String> messages = new ArrayList<>(result.getMessages());
        messages.removeAll(emptyObjectsTheServerAdds(document()));

        assertThat(messages).isEmpty();
        assertThat(result.getOpenAPI().getPaths()).isNotEmpty();
        assertThat(result.getOpenAPI().getComponents().getSchemas()).containsKeys("posts", "posts_input", "Problem");
    }

    @Test
    void matchesTheGoldenFile() throws IOException {
        ObjectNode normalized = OpenApiDocuments.normalize(document(), contextRoot());
        if (Boolean.getBoolean("openapi.golden.update")) {
            Files.createDirectories(GOLDEN.getParent());
            Files.writeString(GOLDEN, JSON.writeValueAsString(normalized) + "\n", StandardCharsets.UTF_8);
        }
        Path served = Path.of(
                System.getProperty("basedir", "."),
                "target",
                "openapi-" + System.getProperty("arquillian.launch", "server") + ".json");
        Files.writeString(served, JSON.writeValueAsString(normalized) + "\n", StandardCharsets.UTF_8);
        JsonNode golden = JSON.readTree(Files.readString(GOLDEN, StandardCharsets.UTF_8));

        assertThat(JSON.writeValueAsString(normalized))
                .as("%s differs from %s; if that is intended, regenerate it (see OpenApiIT)", served, GOLDEN)
                .isEqualTo(JSON.writeValueAsString(golden));
    }

    @Test
    void describesThePagingFiltersAndSortOfACollectionFromItsListingAndTheConfiguration() {
        JsonNode list = OpenApiDocuments.operation(document(), "/api/posts", "get");

        JsonNode limit = OpenApiDocuments.parameter(list, "limit").path("schema");
        assertThat(limit.path("default").asInt()).isEqualTo(50);
        assertThat(limit.path("maximum").asInt()).isEqualTo(500);
        assertThat(limit.path("minimum").asInt()).isEqualTo(1);
        assertThat(OpenApiDocuments.parameterNames(list))
                .contains("offset", "cursor", "total", "author", "author__in", "title__icontains", "created_on__gte")
                .doesNotContain("created_on__icontains", "content", "content_length");
        assertThat(OpenApiDocuments.parameter(list, "created_on__lt")
                        .path("schema")
                        .path("format")
                        .asText())
                .isEqualTo("date-time");
        JsonNode sort = OpenApiDocuments.parameter(list, "sort");
        assertThat(sort.path("explode").asBoolean(true)).isFalse();
        assertThat(sort.path("schema").path("items").path("enum"))
                .extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("created_on", "-created_on", "title", "-title", "id", "-id");
        assertThat(sort.path("description").asText()).contains("`-created_on,-id`");
        assertThat(list.path("responses").path("200").path("headers").fieldNames())
                .toIterable()
                .contains("Link", "X-Total-Count", "ETag", "Vary");
        assertThat(list.path("responses").has("304")).isTrue();
        JsonNode stats = OpenApiDocuments.operation(document(), "/api/stats", "get");
        assertThat(OpenApiDocuments.parameterNames(stats)).doesNotContain("limit", "sort");
    }

    @Test
    void describesEntityTagsPreconditionsConflictsAndUnavailability() {
        JsonNode document = document();
        JsonNode read = OpenApiDocuments.operation(document, "/api/posts/{id}", "get");
        JsonNode update = OpenApiDocuments.operation(document, "/api/posts/{id}", "put");
        JsonNode delete = OpenApiDocuments.operation(document, "/api/posts/{id}", "delete");

        assertThat(OpenApiDocuments.parameterNames(read))
                .contains("If-None-Match")
                .doesNotContain("If-Modified-Since");
        assertThat(read.path("responses").path("200").path("headers").has("ETag"))
                .isTrue();
        assertThat(read.path("responses").path("200").path("headers").has("Last-Modified"))
                .isFalse();
        assertThat(read.path("responses").has("304")).isTrue();
        for (JsonNode write : List.of(update, delete)) {
            JsonNode ifMatch = OpenApiDocuments.parameter(write, "If-Match");
            assertThat(ifMatch.path("in").asText()).isEqualTo("header");
            assertThat(ifMatch.path("required").asBoolean()).isFalse();
            assertThat(write.path("responses").fieldNames())
                    .toIterable()
                    .contains("409", "412", "503")
                    .doesNotContain("428");
        }
        JsonNode components = document.path("components").path("responses");
        assertThat(components.path("PRECONDITION_FAILED").path("headers").has("ETag"))
                .isTrue();
        assertThat(components.path("UNAVAILABLE").path("headers").has("Retry-After"))
                .isTrue();
    }

    @Test
    void statesThrottlesOnTheOperationsTheyCover() {
        JsonNode document = document();
        JsonNode update = OpenApiDocuments.operation(document, "/api/posts/{id}", "put");
        JsonNode patch = OpenApiDocuments.operation(document, "/api/posts/{id}", "patch");
        JsonNode read = OpenApiDocuments.operation(document, "/api/posts/{id}", "get");

        for (JsonNode throttled : List.of(update, patch)) {
            JsonNode budget = throttled.path("x-throttle");
            assertThat(budget.path("requests").asInt()).isEqualTo(20);
            assertThat(budget.path("per").asInt()).isEqualTo(60);
            assertThat(budget.path("scope").asText()).isEqualTo("post_updates");
            assertThat(throttled.path("description").asText()).contains("20 requests per 60 s");
            assertThat(throttled.path("responses").has("429")).isTrue();
            assertThat(throttled.path("responses").path("200").path("headers").has("RateLimit-Remaining"))
                    .isTrue();
        }
        assertThat(read.has("x-throttle")).isFalse();
        assertThat(read.path("responses").has("429")).isFalse();
        assertThat(document.path("components")
                        .path("responses")
                        .path("THROTTLED")
                        .path("headers")
                        .fieldNames())
                .toIterable()
                .contains("Retry-After", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset");
    }

    @Test
    void aCreateTakesOneInputOrAnArrayOfThem() {
        JsonNode create = OpenApiDocuments.operation(document(), "/api/posts", "post");
        JsonNode body = create.path("requestBody").path("content");

        JsonNode json = body.path("application/json").path("schema").path("oneOf");
        assertThat(json.get(0).path("$ref").asText()).endsWith("/posts_input");
        assertThat(json.get(1).path("type").asText()).isEqualTo("array");
        assertThat(json.get(1).path("items").path("$ref").asText()).endsWith("/posts_input");
        assertThat(body.path("application/x-www-form-urlencoded")
                        .path("schema")
                        .path("$ref")
                        .asText())
                .endsWith("/posts_input");
        assertThat(create.path("requestBody").path("description").asText()).contains("[index].field");
        assertThat(create.path("responses").fieldNames()).toIterable().contains("201", "409", "503");
    }

    /**
     * Swagger UI at {@code /docs}, in Debian's headless Chromium, as a person uses it: "Try it out" on
     * {@code GET /api/posts} anonymously answers 200 with the anonymous representation (no
     * {@code content_length}); after "Authorize" with Basic (testuser), the same request answers the
     * authenticated one ({@code content_length}, the author); after "Logout" and "Authorize" with a
     * bearer token from the example's token endpoint (password grant), {@code GET /api/posts/2}
     * answers the authenticated representation too. The curl command the page shows proves which
     * credentials were sent. Screenshots go to {@code target/}.
     */
    @Test
    void swaggerUiTriesOutPostsAnonymouslyThenAuthorizedWithBasicAndWithABearerToken() {
        HttpResponse<String> grant = new Http(base).passwordGrant("testuser", "foobar");
        assertThat(grant.statusCode()).as(grant.body()).isEqualTo(200);
        String token = Http.json(grant).path("access_token").asText();
        try (SwaggerUi ui = SwaggerUi.open(docsUrl())) {
            String anonymous = ui.tryOut("posts", "listPosts");
            ui.screenshot("swagger-ui-anonymous");
            assertThat(ui.status("posts", "listPosts")).isEqualTo("200");
            assertThat(anonymous).contains("\"title\":").doesNotContain("\"content_length\":");

            ui.authorizeBasic("testuser", "foobar");
            String basic = ui.tryOut("posts", "listPosts");
            ui.screenshot("swagger-ui-basic");
            assertThat(ui.status("posts", "listPosts")).isEqualTo("200");
            assertThat(ui.curl("posts", "listPosts")).contains("Authorization: Basic ");
            assertThat(basic).contains("\"content_length\":").contains("\"testuser\"");

            ui.logout();
            ui.authorizeBearer(token);
            String bearer = ui.tryOut("posts", "readPosts", Map.of("id", "2"));
            ui.screenshot("swagger-ui-bearer");
            assertThat(ui.status("posts", "readPosts")).isEqualTo("200");
            assertThat(ui.curl("posts", "readPosts")).contains("Authorization: Bearer " + token);
            assertThat(bearer).contains("\"content_length\":").contains("\"testuser\"");

            ui.logout();
            ui.authorizeOAuthPassword("testuser", "foobar", "example-client", "example-secret");
            String oauth = ui.tryOut("posts", "readPosts", Map.of("id", "2"));
            ui.screenshot("swagger-ui-oauth2");
            assertThat(ui.status("posts", "readPosts")).isEqualTo("200");
            assertThat(ui.curl("posts", "readPosts")).containsPattern("Authorization: Bearer [\\w-]+\\.[\\w-]+\\.");
            assertThat(oauth).contains("\"content_length\":").contains("\"testuser\"");
        }
    }

    /**
     * The OAuth 2 flows name a token URL that really is the token endpoint, context root included,
     * however the server puts it into the document (Payara as an absolute URL; WildFly adds the
     * context root to the paths only after the application's filter): a client resolving it against
     * the document's own URL gets a token.
     */
    @Test
    void theOAuthTokenUrlIsTheTokenEndpoint() {
        JsonNode flows = document()
                .path("components")
                .path("securitySchemes")
                .path("oauth2")
                .path("flows");
        assertThat(flows.fieldNames()).toIterable().containsExactlyInAnyOrder("password", "clientCredentials");
        for (JsonNode flow : flows) {
            String tokenUrl = flow.path("tokenUrl").asText();
            assertThat(tokenUrl).endsWith(contextRoot() + "/api/oauth/token");
            URI token = URI.create(base.toString()).resolve("/openapi").resolve(tokenUrl);
            HttpResponse<String> response = send(HttpRequest.newBuilder(token)
                    .timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Authorization", Http.basic("example-client", "example-secret"))
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
            assertThat(response.statusCode()).as(token + ": " + response.body()).isEqualTo(200);
            assertThat(Http.json(response).path("access_token").asText()).isNotEmpty();
        }
    }

    /**
     * The page as a person opens it. Payara names its server URL with {@code localhost}, so the page is
     * opened there too: "Try it out" then stays on the page's own origin.
     */
    private String docsUrl() {
        URI uri = URI.create(base.toString());
        return "http://localhost:" + uri.getPort() + contextRoot() + "/docs";
    }

    /**
     * WildFly's host-level document always has an empty {@code info.license} and {@code externalDocs}
     * (added after every application filter, so the framework cannot drop them), which parsers report
     * as missing members. Those messages, and only while the objects really are empty, are the
     * server's; every other message fails the test.
     */
    private static List<String> emptyObjectsTheServerAdds(JsonNode document) {
        List<String> messages = new ArrayList<>();
        if (document.path("info").path("license").isObject()
                && document.path("info").path("license").isEmpty()) {
            messages.add("attribute info.license.name is missing");
            messages.add("attribute info.license.identifier is missing");
        }
        if (document.path("externalDocs").isObject()
                && document.path("externalDocs").isEmpty()) {
            messages.add("attribute externalDocs.url is missing");
        }
        return messages;
    }

    private JsonNode document() {
        try {
            return JSON.readTree(get("/openapi?format=JSON").body());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The deployment's context root: {@code /piston-ee}, or empty at the root. */
    private String contextRoot() {
        String path = URI.create(base.toString()).getPath();
        return path.replaceAll("/+$", "");
    }

    private HttpResponse<String> get(String serverPath, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(base.toString()).resolve(serverPath))
                .timeout(Duration.ofSeconds(60));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
