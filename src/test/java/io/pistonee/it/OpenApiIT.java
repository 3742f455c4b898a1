package io.pistonee.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

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
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openapitools.client.ApiClient;
import org.openapitools.client.ApiException;
import org.openapitools.client.ApiResponse;
import org.openapitools.client.api.PostsApi;
import org.openapitools.client.model.Posts;
import org.openapitools.client.model.PostsFilter;
import org.openapitools.client.model.PostsInput;
import org.openapitools.client.model.PostsPatch;
import org.openapitools.client.model.Problem;
import org.openapitools.client.model.ProblemErrorsInner;

/**
 * The example application's OpenAPI document at the server's {@code /openapi}: built from the
 * handlers, valid for a real OpenAPI parser, equal to the golden file on every server, and what a
 * generated client works with: the build generates a Java client ({@code org.openapitools.client},
 * openapi-generator's {@code native} library) and a TypeScript one from the golden file, and the Java
 * one is used here against the server.
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
    void documentsTemplatedPathsAndNaturalKeysWithTypedPathParameters() {
        JsonNode document = document();

        JsonNode authorPosts = OpenApiDocuments.pathItem(document, "/api/authors/{username}/posts");
        assertThat(authorPosts.fieldNames()).toIterable().containsExactlyInAnyOrder("get", "post");
        JsonNode item = OpenApiDocuments.pathItem(document, "/api/authors/{username}/posts/{id}");
        assertThat(item.fieldNames()).toIterable().containsExactly("get");
        JsonNode author = OpenApiDocuments.pathItem(document, "/api/authors/{username}");
        assertThat(author.fieldNames()).toIterable().containsExactly("get");
        assertThat(pathParameter(author.path("get"), "username")
                        .path("schema")
                        .path("type")
                        .asText())
                .isEqualTo("string");
        JsonNode list = OpenApiDocuments.operation(document, "/api/authors/{username}/posts", "get");
        assertThat(list.path("operationId").asText()).isEqualTo("listAuthorPosts");
        assertThat(pathParameter(list, "username").path("required").asBoolean()).isTrue();
        assertThat(pathParameter(list, "username").path("schema").path("type").asText())
                .isEqualTo("string");
        JsonNode read = OpenApiDocuments.operation(document, "/api/authors/{username}/posts/{id}", "get");
        assertThat(pathParameter(read, "username").path("schema").path("type").asText())
                .isEqualTo("string");
        assertThat(pathParameter(read, "id").path("schema").path("type").asText())
                .isEqualTo("integer");
    }

    private static JsonNode pathParameter(JsonNode operation, String name) {
        for (JsonNode parameter : operation.path("parameters")) {
            if (parameter.path("in").asText().equals("path")
                    && parameter.path("name").asText().equals(name)) {
                return parameter;
            }
        }
        throw new AssertionError("no path parameter " + name + " in " + operation.path("operationId"));
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
        JsonNode document = document();
        JsonNode list = OpenApiDocuments.operation(document, "/api/posts", "get");

        JsonNode limit = OpenApiDocuments.parameter(list, "limit").path("schema");
        assertThat(limit.path("default").asInt()).isEqualTo(50);
        assertThat(limit.path("maximum").asInt()).isEqualTo(500);
        assertThat(limit.path("minimum").asInt()).isEqualTo(1);
        assertThat(OpenApiDocuments.parameterNames(list))
                .containsExactly(
                        "format", "fields", "limit", "offset", "cursor", "total", "filter", "sort", "If-None-Match");
        JsonNode filter = OpenApiDocuments.parameter(list, "filter");
        assertThat(filter.path("style").asText()).isEqualTo("deepObject");
        assertThat(filter.path("explode").asBoolean()).isTrue();
        assertThat(filter.path("schema").path("$ref").asText()).endsWith("/posts_filter");
        assertThat(OpenApiDocuments.filterNames(document, list))
                .contains("author", "author__in", "title__icontains", "created_on__gte")
                .doesNotContain("created_on__icontains", "content", "content_length");
        JsonNode filters =
                OpenApiDocuments.schema(document, filter.path("schema")).path("properties");
        assertThat(filters.path("created_on__lt").path("format").asText()).isEqualTo("date-time");
        assertThat(filters.path("author__in").path("type").asText()).isEqualTo("string");
        assertThat(filters.path("author__in").path("description").asText()).contains("comma-separated");
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
        JsonNode stats = OpenApiDocuments.operation(document, "/api/stats", "get");
        assertThat(OpenApiDocuments.parameterNames(stats)).doesNotContain("limit", "sort", "filter");
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

    /**
     * One schema per request and per status, so that generated clients get one type each: a create takes
     * one input and answers one item; a bulk create is its own operation, an array in and an array out;
     * PATCH takes the merge-patch schema; read and list answer one item type whoever asks, with the
     * fields only authenticated callers get optional.
     */
    @Test
    void everyOperationHasOneRequestSchemaAndOneResponseSchemaPerStatus() {
        JsonNode document = document();
        JsonNode create = OpenApiDocuments.operation(document, "/api/posts", "post");
        JsonNode bulk = OpenApiDocuments.operation(document, "/api/posts/bulk", "post");
        JsonNode patch = OpenApiDocuments.operation(document, "/api/posts/{id}", "patch");
        JsonNode read = OpenApiDocuments.operation(document, "/api/posts/{id}", "get");
        JsonNode list = OpenApiDocuments.operation(document, "/api/posts", "get");

        assertThat(document.toString()).doesNotContain("\"oneOf\"", "\"anyOf\"");
        assertThat(body(create, "application/json").path("$ref").asText()).endsWith("/posts_input");
        assertThat(body(create, "application/x-www-form-urlencoded")
                        .path("$ref")
                        .asText())
                .endsWith("/posts_input");
        assertThat(success(create, "201").path("$ref").asText()).endsWith("/posts");
        assertThat(create.path("description").asText()).contains("/api/posts/bulk", "createPostsBulk");

        assertThat(bulk.path("operationId").asText()).isEqualTo("createPostsBulk");
        assertThat(body(bulk, "application/json").path("type").asText()).isEqualTo("array");
        assertThat(body(bulk, "application/json").path("items").path("$ref").asText())
                .endsWith("/posts_input");
        assertThat(bulk.path("requestBody").path("content").has("application/x-www-form-urlencoded"))
                .isFalse();
        assertThat(bulk.path("requestBody").path("description").asText()).contains("[index].field");
        assertThat(success(bulk, "201").path("items").path("$ref").asText()).endsWith("/posts");
        assertThat(bulk.path("responses").fieldNames()).toIterable().contains("201", "400", "409", "503");

        assertThat(patch.path("requestBody").path("content").fieldNames())
                .toIterable()
                .containsExactly("application/merge-patch+json");
        JsonNode patchSchema = OpenApiDocuments.schema(document, body(patch, "application/merge-patch+json"));
        assertThat(patchSchema.path("properties").fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder("title", "content");
        assertThat(patchSchema.has("required")).isFalse();
        assertThat(patch.path("requestBody").path("description").asText()).contains("application/json-patch+json");

        assertThat(success(read, "200").path("$ref").asText()).endsWith("/posts");
        assertThat(success(list, "200").path("items").path("$ref").asText()).endsWith("/posts");
        JsonNode posts = OpenApiDocuments.schema(document, success(read, "200"));
        assertThat(posts.path("properties").fieldNames())
                .toIterable()
                .contains("id", "title", "author", "content_length", "resource_uri");
        assertThat(posts.has("required")).isFalse();
        assertThat(posts.path("description").asText()).contains("`author`", "`content_length`");
    }

    private static JsonNode body(JsonNode operation, String type) {
        return operation.path("requestBody").path("content").path(type).path("schema");
    }

    private static JsonNode success(JsonNode operation, String status) {
        return operation
                .path("responses")
                .path(status)
                .path("content")
                .path("application/json")
                .path("schema");
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
     * The Java client that the build generates from the golden file (openapi-generator, library
     * {@code native}, default options; {@link #matchesTheGoldenFile} proves the file is what this server
     * serves) against this server, with Basic: create one post and two in bulk, list a page of them
     * with a filter and the total, and a validation error as the client's {@code ApiException} with the
     * problem body. Anonymously, the same list call answers the same type without the authenticated
     * fields.
     */
    @Test
    void theGeneratedJavaClientCreatesAndListsWithBasic() throws Exception {
        String marker = "generated-" + System.nanoTime();
        PostsApi basic = posts(Http.basic("testuser", "foobar"));

        Posts created = basic.createPosts(
                new PostsInput().title(marker + " one").content("Written by the generated Java client."),
                null,
                null,
                null);
        List<Posts> bulk = basic.createPostsBulk(
                List.of(
                        new PostsInput().title(marker + " two").content("The second."),
                        new PostsInput().title(marker + " three").content("The third.")),
                null,
                null,
                null);
        ApiResponse<List<Posts>> page = basic.listPostsWithHttpInfo(
                null,
                null,
                2,
                0,
                null,
                true,
                new PostsFilter().titleIcontains(marker).author("testuser"),
                null,
                null);

        assertThat(created.getId()).isNotNull();
        assertThat(created.getAuthor().getUsername()).isEqualTo("testuser");
        assertThat(created.getContentLength()).isEqualTo(37);
        assertThat(bulk).extracting(Posts::getTitle).containsExactly(marker + " two", marker + " three");
        assertThat(page.getStatusCode()).isEqualTo(200);
        assertThat(page.getHeaders().get("X-Total-Count")).containsExactly("3");
        assertThat(page.getData())
                .hasSize(2)
                .allSatisfy(post -> assertThat(post.getTitle()).startsWith(marker));
        List<Posts> anonymous = posts(null)
                .listPosts(null, null, 10, null, null, null, new PostsFilter().titleIcontains(marker), null, null);
        assertThat(anonymous).hasSize(3).allSatisfy(post -> {
            assertThat(post.getTitle()).startsWith(marker);
            assertThat(post.getAuthor()).isNull();
            assertThat(post.getContentLength()).isNull();
        });
        ApiException invalid = catchThrowableOfType(
                ApiException.class,
                () -> basic.createPosts(new PostsInput().title("").content("x"), null, null, null));
        assertThat(invalid.getCode()).isEqualTo(400);
        Problem problem = problem(invalid);
        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getErrors()).extracting(ProblemErrorsInner::getField).contains("title");
    }

    /**
     * The generated Java client with a bearer token: read a post and its {@code ETag}, replace it with
     * {@code If-Match} (a stale tag is a 412), merge-patch it with the typed patch, delete it, and a
     * read of it then is a 404 surfacing as the client's {@code ApiException} with the problem body.
     */
    @Test
    void theGeneratedJavaClientReadsUpdatesPatchesAndDeletesWithABearerToken() throws Exception {
        PostsApi bearer = posts("Bearer " + Tokens.valid("testuser", "author"));
        Posts created = bearer.createPosts(new PostsInput().title("To change").content("Before."), null, null, null);

        ApiResponse<Posts> read = bearer.readPostsWithHttpInfo(created.getId(), null, null, null);
        String etag = read.getHeaders().get("ETag").get(0);
        Posts replaced = bearer.updatePosts(
                created.getId(), new PostsInput().title("Replaced").content("After."), null, null, etag, null, null);
        ApiException stale = catchThrowableOfType(
                ApiException.class,
                () -> bearer.updatePosts(
                        created.getId(),
                        new PostsInput().title("Lost").content("Lost."),
                        null,
                        null,
                        etag,
                        null,
                        null));
        Posts patched =
                bearer.patchPosts(created.getId(), new PostsPatch().title("Patched"), null, null, null, null, null);
        bearer.deletePosts(created.getId(), null, null, null);
        ApiException missing =
                catchThrowableOfType(ApiException.class, () -> bearer.readPosts(created.getId(), null, null, null));

        assertThat(read.getData().getTitle()).isEqualTo("To change");
        assertThat(read.getData().getAuthor().getUsername()).isEqualTo("testuser");
        assertThat(replaced.getTitle()).isEqualTo("Replaced");
        assertThat(stale.getCode()).isEqualTo(412);
        assertThat(patched.getTitle()).isEqualTo("Patched");
        assertThat(patched.getContent()).isEqualTo("After.");
        assertThat(missing.getCode()).isEqualTo(404);
        Problem problem = problem(missing);
        assertThat(problem.getStatus()).isEqualTo(404);
        assertThat(problem.getTitle()).isNotBlank();
        assertThat(problem.getDetail()).contains(String.valueOf(created.getId()));
    }

    /**
     * The TypeScript client the build generates from the golden file (typescript-fetch) and compiles
     * with tsc, run in Node against this server ({@code src/test/typescript/smoke.ts}): create with
     * Basic, list with a filter anonymously, merge-patch, read, delete, and the 404 after it as the
     * client's {@code ResponseError} with the problem body. {@code -Dit.typescript.skip=true} (no
     * TypeScript step) leaves it out.
     */
    @Test
    void theGeneratedTypeScriptClientWorksInNode() throws Exception {
        Assumptions.assumeFalse(Boolean.getBoolean("it.typescript.skip"), "-Dit.typescript.skip=true");
        Path script =
                Path.of(System.getProperty("basedir", "."), "target", "generated-clients", "typescript-js", "smoke.js");
        assertThat(script).as("compiled by src/test/scripts/typescript.sh").exists();
        Path errors = Files.createTempFile(Path.of(System.getProperty("java.io.tmpdir")), "smoke", ".err");
        Process node = new ProcessBuilder(
                        "node", script.toString(), base.toString().replaceAll("/+$", ""))
                .redirectError(errors.toFile())
                .start();
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        String err = Files.readString(errors);
        Files.delete(errors);
        assertThat(node.exitValue()).as(out + err).isZero();

        JsonNode result = JSON.readTree(out);
        String title = result.path("created").path("title").asText();
        assertThat(result.path("created").path("author").path("username").asText())
                .isEqualTo("testuser");
        assertThat(result.path("page")).hasSize(1);
        assertThat(result.path("page").get(0).path("title").asText()).isEqualTo(title);
        assertThat(result.path("patched").path("title").asText()).isEqualTo(title + " patched");
        assertThat(result.path("read").path("title").asText()).isEqualTo(title + " patched");
        assertThat(result.path("read").has("author")).as("anonymous").isFalse();
        assertThat(result.path("missing").path("status").asInt()).isEqualTo(404);
        assertThat(result.path("missing").path("problem").path("status").asInt())
                .isEqualTo(404);
    }

    /** The generated client's posts API on this deployment, sending {@code authorization} if not {@code null}. */
    private PostsApi posts(String authorization) {
        URI uri = URI.create(base.toString());
        ApiClient client = new ApiClient()
                .setScheme(uri.getScheme())
                .setHost(uri.getHost())
                .setPort(uri.getPort())
                .setBasePath(contextRoot());
        if (authorization != null) {
            client.setRequestInterceptor(request -> request.header("Authorization", authorization));
        }
        return new PostsApi(client);
    }

    /** The problem an {@code ApiException} carries, read as the generated {@code Problem} model. */
    private static Problem problem(ApiException e) throws IOException {
        assertThat(e.getResponseHeaders().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        return new ApiClient().getObjectMapper().readValue(e.getResponseBody(), Problem.class);
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
