package io.pistonee.it;

import static io.pistonee.it.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The example application, deployed as built: the model-tied {@code posts} handler with its JPA
 * defaults (and its one override), the model-free {@code stats} handler, the field spec, the seed
 * data, and the promise that bad input changes nothing. Requests authenticate as {@code testuser}
 * (an author); what anonymous callers and other users may do is {@code SecurityIT}'s subject.
 */
@ExtendWith(ArquillianExtension.class)
class BlogExampleIT {

    private static final List<String> POST_FIELDS =
            List.of("id", "title", "content", "author", "created_on", "content_length", "resource_uri");

    private static final int UPDATES_PER_HOUR = 400;

    @Deployment(testable = false)
    static WebArchive deployment() {
        // Every test writes as testuser, more often than the example's 20 updates a minute allow: the
        // budget is raised here, and updatesAreThrottledPerUser spends admin's.
        return Deployments.withConfig(
                Deployments.example(),
                "piston.throttle.post_updates.requests=" + UPDATES_PER_HOUR,
                "piston.throttle.post_updates.per=3600");
    }

    @ArquillianResource
    URL base;

    private Http http;

    /** Authenticated as the author of posts 1 and 2: anonymous callers are SecurityIT's subject. */
    @BeforeEach
    void client() {
        http = new Http(base).as("testuser", "foobar");
    }

    @Test
    void listsSeededPostsNewestFirstShapedByTheFieldSpec() {
        HttpResponse<String> response = http.get("posts");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode posts = Http.json(response);
        assertThat(posts.size()).isGreaterThanOrEqualTo(3);
        List<OffsetDateTime> created = new ArrayList<>();
        for (JsonNode post : posts) {
            assertThat(post.fieldNames()).toIterable().containsExactlyElementsOf(POST_FIELDS);
            created.add(OffsetDateTime.parse(post.get("created_on").asText()));
        }
        assertThat(created).isSortedAccordingTo((a, b) -> b.compareTo(a));
    }

    @Test
    void readsOnePostWithNestedAuthorComputedLengthAndResourceUri() {
        HttpResponse<String> response = http.get("posts/1");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode post = Http.json(response);
        assertThat(post.fieldNames()).toIterable().containsExactlyElementsOf(POST_FIELDS);
        assertThat(post.get("id").asLong()).isEqualTo(1);
        assertThat(post.get("author").toString()).isEqualTo("{\"username\":\"testuser\"}");
        assertThat(post.get("content_length").asInt())
                .isEqualTo(post.get("content").asText().length());
        assertThat(post.get("created_on").asText()).isEqualTo("2026-11-01T09:00:00Z");
        assertThat(URI.create(post.get("resource_uri").asText())).isEqualTo(http.uri("posts/1"));
        assertThat(post.has("version")).isFalse();
    }

    @Test
    void unknownPostIs404() {
        JsonNode problem = assertProblem(http.get("posts/999999"), 404);

        assertThat(problem.get("instance").asText()).endsWith("/api/posts/999999");
        assertProblem(http.get("posts/not-a-number"), 404);
        assertProblem(http.get("posts/01"), 404);
        assertProblem(http.get("posts/1.5"), 404);
    }

    @Test
    void createsAPostWith201LocationAndTheCreatedObject() {
        HttpResponse<String> response = http.post(
                "posts",
                "{\"title\":\"Created\",\"content\":\"Twelve chars\",\"id\":4242,\"created_on\":\"2000-01-01T00:00:00Z\"}");

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode created = Http.json(response);
        assertThat(created.get("id").asLong()).isNotEqualTo(4242);
        assertThat(created.get("title").asText()).isEqualTo("Created");
        assertThat(created.get("content_length").asInt()).isEqualTo(12);
        assertThat(OffsetDateTime.parse(created.get("created_on").asText()).getYear())
                .isGreaterThan(2000);
        URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
        assertThat(location).isEqualTo(http.uri("posts/" + created.get("id").asLong()));
        assertThat(created.get("resource_uri").asText()).isEqualTo(location.toString());
        assertThat(Http.json(http.get("posts/" + created.get("id").asLong()))).isEqualTo(created);
    }

    @Test
    void updatesAPostWith200AndTheUpdatedObject() {
        long id = createPost("Before", "Old content");

        HttpResponse<String> response = http.put("posts/" + id, "{\"title\":\"After\",\"content\":\"New\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode updated = Http.json(response);
        assertThat(updated.get("title").asText()).isEqualTo("After");
        assertThat(updated.get("content_length").asInt()).isEqualTo(3);
        assertThat(Http.json(http.get("posts/" + id)).get("title").asText()).isEqualTo("After");
    }

    @Test
    void updateKeepsWhatClientsMayNotWrite() {
        JsonNode before = Http.json(http.get("posts/2"));

        HttpResponse<String> response = http.put(
                "posts/2",
                "{\"title\":\"Emitters, revised\",\"content\":\"More.\",\"created_on\":\"1999-01-01T00:00:00Z\",\"id\":7}");

        JsonNode after = Http.json(response);
        assertThat(after.get("id").asLong()).isEqualTo(2);
        assertThat(after.get("created_on")).isEqualTo(before.get("created_on"));
        assertThat(after.get("author")).isEqualTo(before.get("author"));
    }

    @Test
    void updatingAMissingPostIs404() {
        assertProblem(http.put("posts/999999", "{\"title\":\"x\",\"content\":\"y\"}"), 404);
    }

    @Test
    void deletesAPostWith204ThenItIsGone() {
        long id = createPost("Doomed", "Soon gone");

        HttpResponse<String> response = http.delete("posts/" + id);

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.body()).isEmpty();
        assertProblem(http.get("posts/" + id), 404);
        assertProblem(http.delete("posts/" + id), 404);
    }

    @Test
    void statsIsAHandlerTiedToNoModel() {
        long id = createPost("Newest of all", "Stats reads me");

        HttpResponse<String> response = http.get("stats");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode stats = Http.json(response);
        assertThat(stats.fieldNames()).toIterable().containsExactly("posts", "authors", "latest");
        // The total, not one page's size: on WildFly every deployment shares one database, and an
        // earlier test class (FormatsIT) leaves thousands of generated posts in it.
        assertThat(stats.get("posts").asLong())
                .isEqualTo(Long.parseLong(http.get("posts?limit=1&total=true")
                        .headers()
                        .firstValue("X-Total-Count")
                        .orElseThrow()));
        assertThat(stats.get("authors").asInt()).isEqualTo(2);
        assertThat(stats.get("latest").asText()).isEqualTo("Newest of all");
        http.delete("posts/" + id);
    }

    @Test
    void statsProvidesOnlyReading() {
        HttpResponse<String> response = http.post("stats", "{}");

        assertProblem(response, 405);
        assertThat(response.headers().firstValue("Allow")).hasValue("GET, HEAD, OPTIONS");
    }

    @Test
    void invalidPostIs400WithEveryFieldErrorAndCreatesNothing() {
        int before = count();

        JsonNode problem =
                assertProblem(http.post("posts", "{\"title\":\"" + "t".repeat(201) + "\",\"content\":\" \"}"), 400);

        assertThat(problem.get("errors").findValuesAsText("field")).containsExactly("content", "title");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void malformedOrWrongBodiesAre400AndChangeNothing() {
        int before = count();
        String title = Http.json(http.get("posts/1")).get("title").asText();

        assertProblem(http.post("posts", "{\"title\": \"x\", "), 400);
        assertProblem(http.post("posts", "[]"), 400);
        assertProblem(http.post("posts", ""), 400);
        assertProblem(http.put("posts/1", "{\"title\": 5}"), 400);
        assertProblem(http.put("posts/1", "{\"title\":\"only a title\"}"), 400);
        assertProblem(http.post("posts", "{\"title\":\"a\",\"title\":\"b\",\"content\":\"c\"}"), 400);
        assertProblem(http.post("posts", "{\"title\":12,\"content\":\"c\"}"), 400);
        assertProblem(http.post("posts", "{\"title\":1e999999,\"content\":\"c\"}"), 400);

        assertThat(count()).isEqualTo(before);
        assertThat(Http.json(http.get("posts/1")).get("title").asText()).isEqualTo(title);
    }

    @Test
    void unknownFormatOnPostIs406AndCreatesNothing() {
        int before = count();

        assertProblem(http.post("posts?format=nope", "{\"title\":\"x\",\"content\":\"y\"}"), 406);
        assertProblem(http.post("posts", "{\"title\":\"x\",\"content\":\"y\"}", "Accept", "text/html"), 406);

        assertThat(count()).isEqualTo(before);
    }

    @Test
    void unsupportedMediaTypeIs415AndCreatesNothing() {
        int before = count();

        assertProblem(http.post("posts", "title=x", "Content-Type", "text/plain"), 415);

        assertThat(count()).isEqualTo(before);
    }

    @Test
    void optionsAndHeadWorkOnPosts() {
        HttpResponse<String> options = http.send("OPTIONS", "posts/1", null);
        HttpResponse<String> head = http.send("HEAD", "posts", null);

        assertThat(options.headers().firstValue("Allow")).hasValue("GET, HEAD, PUT, PATCH, DELETE, OPTIONS");
        assertThat(options.headers().firstValue("Accept-Patch"))
                .hasValue("application/merge-patch+json, application/json-patch+json");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
    }

    @Test
    void racingUpdatesWithoutIfMatchAnswer200Or409NeverAnError() throws Exception {
        long id = createPost("Raced", "By many");
        ExecutorService writers = Executors.newFixedThreadPool(16);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            String body = "{\"title\":\"Writer " + i + "\",\"content\":\"c\"}";
            String caller = "10.9.0." + i;
            answers.add(writers.submit(() -> http.put("posts/" + id, body, "X-Forwarded-For", caller)));
        }
        List<String> titles = new ArrayList<>();
        for (Future<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get(2, TimeUnit.MINUTES);
            if (response.statusCode() == 200) {
                titles.add(Http.json(response).get("title").asText());
            } else {
                assertProblem(response, 409);
            }
        }
        writers.shutdown();

        assertThat(titles)
                .isNotEmpty()
                .contains(Http.json(http.get("posts/" + id)).get("title").asText());
    }

    @Test
    void concurrentCrudAnswersEveryRequestCorrectly() throws Exception {
        ExecutorService workers = Executors.newFixedThreadPool(8);
        List<Future<List<String>>> results = new ArrayList<>();
        for (int worker = 0; worker < 8; worker++) {
            int w = worker;
            results.add(workers.submit(() -> crudRounds(w, 30)));
        }
        List<String> unexpected = new ArrayList<>();
        for (Future<List<String>> result : results) {
            unexpected.addAll(result.get(3, TimeUnit.MINUTES));
        }
        workers.shutdown();

        assertThat(unexpected).isEmpty();
    }

    @Test
    void preferReturnMinimalCreatesAndUpdatesWithLocationAndETagButNoBody() {
        HttpResponse<String> created =
                http.post("posts", "{\"title\":\"Minimal\",\"content\":\"x\"}", "Prefer", "return=minimal");
        String location = created.headers().firstValue("Location").orElseThrow();
        String id = location.substring(location.lastIndexOf('/') + 1);
        String etag = created.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> read = http.get("posts/" + id);
        HttpResponse<String> stale = http.put(
                "posts/" + id,
                "{\"title\":\"Stale\",\"content\":\"y\"}",
                "Prefer",
                "return=minimal",
                "If-Match",
                "\"0-x\"");
        HttpResponse<String> updated = http.put(
                "posts/" + id,
                "{\"title\":\"Minimal 2\",\"content\":\"y\"}",
                "Prefer",
                "return=minimal",
                "If-Match",
                etag);
        HttpResponse<String> bulk = http.post(
                "posts/bulk",
                "[{\"title\":\"B1\",\"content\":\"x\"},{\"title\":\"B2\",\"content\":\"x\"}]",
                "Prefer",
                "return=minimal");

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).isEmpty();
        assertThat(created.headers().firstValue("Preference-Applied")).hasValue("return=minimal");
        assertThat(read.headers().firstValue("ETag")).hasValue(etag);
        assertProblem(stale, 412);
        assertThat(stale.headers().firstValue("Preference-Applied")).isEmpty();
        assertThat(updated.statusCode()).isEqualTo(204);
        assertThat(updated.body()).isEmpty();
        assertThat(updated.headers().firstValue("ETag")).isNotEqualTo(Optional.of(etag));
        assertThat(http.get("posts/" + id).headers().firstValue("ETag"))
                .isEqualTo(updated.headers().firstValue("ETag"));
        assertThat(Http.json(http.get("posts/" + id)).get("title").asText()).isEqualTo("Minimal 2");
        assertThat(bulk.statusCode()).isEqualTo(201);
        assertThat(bulk.body()).isEmpty();
        http.delete("posts/" + id);
    }

    @Test
    void postsCarryETagsAndAnswerConditionalRequests() {
        long id = createPost("Conditional", "Tagged");
        HttpResponse<String> read = http.get("posts/" + id);
        String etag = read.headers().firstValue("ETag").orElseThrow();

        assertThat(etag).matches("\"[0-9]+-[A-Za-z0-9_-]{8}\"");
        assertThat(http.get("posts/" + id, "If-None-Match", etag).statusCode()).isEqualTo(304);
        HttpResponse<String> updated = http.put(
                "posts/" + id,
                "{\"title\":\"Once\",\"content\":\"x\"}",
                "If-Match",
                etag,
                "X-Forwarded-For",
                "192.0.2.1");
        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(updated.headers().firstValue("ETag")).isPresent().isNotEqualTo(etag);
        assertProblem(
                http.put(
                        "posts/" + id,
                        "{\"title\":\"Twice\",\"content\":\"x\"}",
                        "If-Match",
                        etag,
                        "X-Forwarded-For",
                        "192.0.2.1"),
                412);
        assertThat(Http.json(http.get("posts/" + id)).get("title").asText()).isEqualTo("Once");
        assertThat(http.get("posts").headers().firstValue("ETag"))
                .hasValueSatisfying(tag -> assertThat(tag).startsWith("W/"));
    }

    @Test
    void theAnonymousAndTheAuthenticatedCopyOfAPostNeverShareAnETag() {
        Http anonymous = new Http(base);
        HttpResponse<String> anonymousCopy = anonymous.get("posts/1");
        String anonymousTag = anonymousCopy.headers().firstValue("ETag").orElseThrow();
        String authenticatedTag =
                http.get("posts/1").headers().firstValue("ETag").orElseThrow();

        assertThat(anonymousTag).isNotEqualTo(authenticatedTag);
        assertThat(anonymousTag.substring(0, anonymousTag.length() - 10))
                .as("one state, so one version part (the last 10 characters: a dash, the variant key, the quote)")
                .isEqualTo(authenticatedTag.substring(0, authenticatedTag.length() - 10));
        HttpResponse<String> revalidated = http.get("posts/1", "If-None-Match", anonymousTag);
        assertThat(revalidated.statusCode()).isEqualTo(200);
        assertThat(revalidated.headers().firstValue("ETag")).hasValue(authenticatedTag);
        assertThat(Http.json(revalidated).get("author").get("username").asText())
                .isEqualTo("testuser");
        assertThat(Http.json(revalidated).has("content_length")).isTrue();
        assertThat(http.get("posts/1", "If-None-Match", authenticatedTag).statusCode())
                .isEqualTo(304);

        HttpResponse<String> anonymousWithTheirTag = anonymous.get("posts/1", "If-None-Match", authenticatedTag);
        assertThat(anonymousWithTheirTag.statusCode()).isEqualTo(200);
        assertThat(Http.json(anonymousWithTheirTag).has("author")).isFalse();
        assertThat(anonymous.get("posts/1", "If-None-Match", anonymousTag).statusCode())
                .isEqualTo(304);
        String anonymousList =
                anonymous.get("posts").headers().firstValue("ETag").orElseThrow();
        assertThat(http.get("posts", "If-None-Match", anonymousList).statusCode())
                .isEqualTo(200);
    }

    @Test
    void patchesAPostWithAMergePatch() {
        long id = createPost("Patch me", "Content stays");

        HttpResponse<String> response = http.send(
                "PATCH", "posts/" + id, "{\"title\":\"Patched\"}", "Content-Type", "application/merge-patch+json");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(Http.json(response).get("title").asText()).isEqualTo("Patched");
        assertThat(Http.json(response).get("content").asText()).isEqualTo("Content stays");
    }

    @Test
    void updatesAreThrottledPerUser() {
        Http admin = new Http(base).as("admin", "adminpass");
        long id = createPost("Busy", "Often edited");
        int passed = 0;
        long window = Long.MAX_VALUE;
        HttpResponse<String> refused = null;
        for (int i = 0; i < 2 * UPDATES_PER_HOUR + 10 && refused == null; i++) {
            HttpResponse<String> response = i % 2 == 0
                    ? admin.put("posts/" + id, "{\"title\":\"Edit " + i + "\",\"content\":\"c\"}")
                    : admin.send(
                            "PATCH",
                            "posts/" + id,
                            "{\"title\":\"Edit " + i + "\"}",
                            "Content-Type",
                            "application/merge-patch+json");
            if (response.statusCode() == 429) {
                refused = response;
                continue;
            }
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            long reset = Long.parseLong(
                    response.headers().firstValue("RateLimit-Reset").orElseThrow());
            passed = reset > window ? 1 : passed + 1; // a new window began: count again
            window = reset;
            assertThat(response.headers().firstValue("RateLimit-Remaining"))
                    .hasValue(String.valueOf(UPDATES_PER_HOUR - passed));
        }

        assertThat(refused).isNotNull();
        assertProblem(refused, 429);
        assertThat(passed).isEqualTo(UPDATES_PER_HOUR);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(http.put("posts/" + id, "{\"title\":\"Other user\",\"content\":\"c\"}")
                        .statusCode())
                .as("another user has a budget of his own")
                .isEqualTo(200);
        assertThat(admin.get("posts/" + id).statusCode())
                .as("reads are not throttled")
                .isEqualTo(200);
    }

    @Test
    void everyDefaultOrderOfTheExampleHasItsIndex() {
        assertThat(ServerLog.sinceDeploymentOf("piston-ee-example"))
                .doesNotContain("Handler 'posts' (PostHandler)")
                .doesNotContain("Handler 'drafts' (DraftHandler)");
    }

    @Test
    void postsArePagedFilteredAndSorted() {
        JsonNode others = Http.json(http.get("posts?author=otheruser&sort=title"));
        assertThat(others.findValuesAsText("title")).containsExactly("Field specs", "Status codes");
        JsonNode anonymously =
                Http.json(new Http(base).get("posts?title__in=Status%20codes,Field%20specs&sort=-title"));
        assertThat(anonymously.findValuesAsText("title")).containsExactly("Status codes", "Field specs");
        assertProblem(new Http(base).get("posts?content=x"), 400);
        JsonNode hidden = assertProblem(new Http(base).get("posts?author=otheruser"), 400);
        assertThat(hidden.get("detail").asText())
                .as("anonymous callers do not see the author, so they cannot filter by it either")
                .contains("'author' cannot be filtered by")
                .doesNotContain("author:");

        HttpResponse<String> page = http.get("posts?limit=2&total=true");
        assertThat(Http.json(page).size()).isEqualTo(2);
        assertThat(page.headers().firstValue("Link").orElseThrow())
                .contains("rel=\"first\"", "rel=\"next\"", "rel=\"last\"");
        assertThat(Long.parseLong(page.headers().firstValue("X-Total-Count").orElseThrow()))
                .isEqualTo(Http.json(http.get("stats")).get("posts").asLong());

        assertThat(Http.json(http.get("posts?title__icontains=EMITTERS")).findValuesAsText("title"))
                .allSatisfy(title -> assertThat(title).containsIgnoringCase("emitters"))
                .isNotEmpty();
        assertProblem(http.get("posts?content=x"), 400);
        assertProblem(http.get("posts?sort=content"), 400);
    }

    @Test
    void bulkCreateMakesEveryPostOrNone() {
        int before = count();

        HttpResponse<String> created = http.post(
                "posts", "[{\"title\":\"Bulk 1\",\"content\":\"a\"},{\"title\":\"Bulk 2\",\"content\":\"b\"}]");
        JsonNode invalid = assertProblem(
                http.post("posts", "[{\"title\":\"Bulk 3\",\"content\":\"c\"},{\"title\":\"\",\"content\":\"d\"}]"),
                400);

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(Http.json(created).findValuesAsText("title")).containsExactly("Bulk 1", "Bulk 2");
        assertThat(invalid.get("errors").findValuesAsText("field")).containsExactly("[1].title");
        assertThat(count()).isEqualTo(before + 2);
        Http.json(created).forEach(post -> http.delete("posts/" + post.get("id").asLong()));
    }

    /**
     * {@code POST /api/posts/bulk}, bulk create's own operation in the OpenAPI document: an array in,
     * the new posts out, all or none; one object is a 400, anonymous callers get 401 as for any create,
     * and a POST to any other item is still 405.
     */
    @Test
    void bulkCreateHasItsOwnPathThatTakesAnArray() {
        int before = count();

        HttpResponse<String> created = http.post(
                "posts/bulk", "[{\"title\":\"Bulk 4\",\"content\":\"e\"},{\"title\":\"Bulk 5\",\"content\":\"f\"}]");
        JsonNode invalid = assertProblem(
                http.post(
                        "posts/bulk", "[{\"title\":\"Bulk 6\",\"content\":\"g\"},{\"title\":\"\",\"content\":\"h\"}]"),
                400);
        JsonNode one = assertProblem(http.post("posts/bulk", "{\"title\":\"Bulk 7\",\"content\":\"i\"}"), 400);
        assertProblem(new Http(base).post("posts/bulk", "[{\"title\":\"Bulk 8\",\"content\":\"j\"}]"), 401);
        HttpResponse<String> elsewhere = http.post("posts/1", "[{\"title\":\"Bulk 9\",\"content\":\"k\"}]");

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(Http.json(created).findValuesAsText("title")).containsExactly("Bulk 4", "Bulk 5");
        assertThat(invalid.get("errors").findValuesAsText("field")).containsExactly("[1].title");
        assertThat(one.get("detail").asText()).contains("array");
        assertThat(assertProblem(elsewhere, 405).get("detail").asText()).contains("POST");
        assertThat(elsewhere.headers().firstValue("Allow")).hasValue("GET, HEAD, PUT, PATCH, DELETE, OPTIONS");
        assertThat(count()).isEqualTo(before + 2);
        Http.json(created).forEach(post -> http.delete("posts/" + post.get("id").asLong()));
    }

    @Test
    void theAuditLogRecordsEveryWriteThroughLifecycleEventsForAdminsOnly() {
        long id = createPost("Audited", "Watched");
        http.put("posts/" + id, "{\"title\":\"Audited again\",\"content\":\"w\"}", "X-Forwarded-For", "192.0.2.30");
        http.delete("posts/" + id);

        assertProblem(new Http(base).get("audit"), 401);
        assertProblem(http.get("audit"), 403);
        List<String> entries = new ArrayList<>();
        for (JsonNode entry : Http.json(new Http(base).as("admin", "adminpass").get("audit"))) {
            if (entry.get("item_id").asText().equals(String.valueOf(id))
                    && entry.get("resource").asText().equals("posts")) {
                entries.add(entry.get("action").asText() + " by "
                        + entry.get("done_by").asText());
            }
        }

        assertThat(entries).containsExactly("delete by testuser", "update by testuser", "create by testuser");
    }

    /** Create, read, update, list, delete, read again; returns every answer that was not the right one. */
    private List<String> crudRounds(int worker, int rounds) {
        List<String> unexpected = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            HttpResponse<String> created =
                    http.post("posts", "{\"title\":\"w" + worker + "r" + round + "\",\"content\":\"load\"}");
            expect(created, 201, unexpected);
            String path = "posts/" + Http.json(created).get("id").asLong();
            expect(http.get(path), 200, unexpected);
            expect(
                    http.put(
                            path,
                            "{\"title\":\"updated\",\"content\":\"again\"}",
                            "X-Forwarded-For",
                            "10.8." + worker + "." + round),
                    200,
                    unexpected);
            expect(http.get(round % 5 == 0 ? "posts" : "stats"), 200, unexpected);
            expect(http.delete(path), 204, unexpected);
            expect(http.get(path), 404, unexpected);
        }
        return unexpected;
    }

    private static void expect(HttpResponse<String> response, int status, List<String> unexpected) {
        if (response.statusCode() != status) {
            unexpected.add(response.request().method() + " " + response.uri() + " -> " + response.statusCode() + " "
                    + response.body());
        }
    }

    private long createPost(String title, String content) {
        HttpResponse<String> response =
                http.post("posts", "{\"title\":\"" + title + "\",\"content\":\"" + content + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Http.json(response).get("id").asLong();
    }

    private int count() {
        return Http.json(http.get("stats")).get("posts").asInt();
    }
}
