package io.pistonee.it;

import static io.pistonee.it.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bulk update and delete on the example's {@code posts} ({@code @Bulk}), all or nothing: {@code PATCH
 * /api/posts} with an array of merge patches carrying ids, {@code DELETE /api/posts?id__in=...}. One
 * failing item changes nothing and the problem lists it by index; another author's post is 403, a
 * stale version 412, a missing post 404; a delete needs a filter; more than {@code piston.bulk.max-items}
 * (6 here) is 413; every item fires its lifecycle events (the audit log) and counts against the
 * update throttle (40 an hour here). Requests authenticate as {@code testuser}.
 */
@ExtendWith(ArquillianExtension.class)
class BulkWritesIT {

    private static final int MAX_ITEMS = 6;
    private static final int UPDATES_PER_HOUR = 40;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.withConfig(
                Deployments.example(),
                "piston.bulk.max-items=" + MAX_ITEMS,
                "piston.throttle.post_updates.requests=" + UPDATES_PER_HOUR,
                "piston.throttle.post_updates.per=3600");
    }

    @ArquillianResource
    URL base;

    private Http http;

    @BeforeEach
    void client() {
        http = new Http(base).as("testuser", "foobar");
    }

    @Test
    void patchesEveryPostInOneRequestWith200AndTheUpdatedPosts() {
        long a = createPost(http, "Bulk A", "a");
        long b = createPost(http, "Bulk B", "b");

        HttpResponse<String> response =
                patch(http, "[{\"id\":" + a + ",\"title\":\"Bulk A2\"},{\"id\":" + b + ",\"content\":\"b2\"}]");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode updated = Http.json(response);
        assertThat(updated.findValuesAsText("title")).containsExactly("Bulk A2", "Bulk B");
        assertThat(updated.findValuesAsText("content")).containsExactly("a", "b2");
        assertThat(title(a)).isEqualTo("Bulk A2");
        assertThat(Http.json(http.get("posts/" + b)).get("content").asText()).isEqualTo("b2");
        assertThat(audit(a)).containsExactly("update by testuser", "create by testuser");
        assertThat(audit(b)).containsExactly("update by testuser", "create by testuser");

        HttpResponse<String> asMergePatches = http.send(
                "PATCH",
                "posts",
                "[{\"id\":" + a + ",\"title\":\"Bulk A3\"}]",
                "Content-Type",
                "application/merge-patch+json");
        assertThat(asMergePatches.statusCode())
                .as("an array of merge patches may say so: " + asMergePatches.body())
                .isEqualTo(200);
        assertThat(title(a)).isEqualTo("Bulk A3");
        HttpResponse<String> jsonPatch = http.send(
                "PATCH",
                "posts",
                "[{\"op\":\"remove\",\"path\":\"/title\"}]",
                "Content-Type",
                "application/json-patch+json");
        assertProblem(jsonPatch, 415);
        assertThat(jsonPatch.headers().firstValue("Accept-Patch"))
                .hasValueSatisfying(accepted -> assertThat(accepted)
                        .contains("application/merge-patch+json")
                        .doesNotContain("json-patch"));
    }

    @Test
    void oneFailingItemInTheMiddleChangesNothingAndIsListedByIndex() {
        long a = createPost(http, "Keep A", "a");
        long c = createPost(http, "Keep C", "c");

        JsonNode problem = assertProblem(
                patch(
                        http,
                        "[{\"id\":" + a + ",\"title\":\"Lost A\"},{\"id\":999999,\"title\":\"Nobody\"},{\"id\":" + c
                                + ",\"title\":\"Lost C\"}]"),
                404);

        assertThat(problem.get("failures")).hasSize(1);
        assertThat(problem.get("failures").get(0).get("index").asInt()).isEqualTo(1);
        assertThat(problem.get("failures").get(0).get("status").asInt()).isEqualTo(404);
        assertThat(problem.get("failures").get(0).get("detail").asText()).contains("999999");
        assertThat(title(a)).isEqualTo("Keep A");
        assertThat(title(c)).isEqualTo("Keep C");
        assertThat(audit(a)).containsExactly("create by testuser");
    }

    @Test
    void anotherAuthorsPostInTheBatchIs403AndDifferentFailuresAre400() {
        long mine = createPost(http, "Mine", "m");
        long theirs = createPost(new Http(base).as("otheruser", "barfoo"), "Theirs", "t");

        JsonNode forbidden = assertProblem(
                patch(
                        http,
                        "[{\"id\":" + mine + ",\"title\":\"Changed\"},{\"id\":" + theirs
                                + ",\"title\":\"Taken over\"}]"),
                403);
        JsonNode mixed = assertProblem(
                patch(http, "[{\"id\":" + mine + ",\"title\":\"\"},{\"id\":" + theirs + ",\"title\":\"Again\"}]"), 400);

        assertThat(forbidden.get("failures").findValuesAsText("index")).containsExactly("1");
        assertThat(forbidden.get("failures").get(0).get("id").asLong()).isEqualTo(theirs);
        assertThat(mixed.get("failures").findValuesAsText("status")).containsExactly("400", "403");
        assertThat(mixed.get("failures").get(0).get("errors").findValuesAsText("field"))
                .containsExactly("title");
        assertThat(title(mine)).isEqualTo("Mine");
        assertThat(title(theirs)).isEqualTo("Theirs");
    }

    @Test
    void aStaleVersionIs412ForThatItemAndTheCurrentOnePasses() {
        long id = createPost(http, "Versioned", "v");
        long read = version(http.get("posts/" + id));
        http.put("posts/" + id, "{\"title\":\"Versioned 2\",\"content\":\"v\"}");

        JsonNode stale =
                assertProblem(patch(http, "[{\"id\":" + id + ",\"version\":" + read + ",\"title\":\"Stale\"}]"), 412);
        HttpResponse<String> current =
                patch(http, "[{\"id\":" + id + ",\"version\":" + (read + 1) + ",\"title\":\"Current\"}]");

        assertThat(stale.get("failures").get(0).get("index").asInt()).isZero();
        assertThat(stale.get("failures").get(0).get("status").asInt()).isEqualTo(412);
        assertThat(current.statusCode()).as(current.body()).isEqualTo(200);
        assertThat(title(id)).isEqualTo("Current");
    }

    @Test
    void malformedBulkPatchesAre400NamingTheItemAndTooManyAre413() {
        long id = createPost(http, "Untouched", "u");

        JsonNode object = assertProblem(patch(http, "{\"id\":" + id + ",\"title\":\"x\"}"), 400);
        JsonNode noId = assertProblem(patch(http, "[{\"id\":" + id + ",\"title\":\"x\"},{\"title\":\"y\"}]"), 400);
        JsonNode badId = assertProblem(patch(http, "[{\"id\":\"abc\",\"title\":\"x\"}]"), 400);
        JsonNode tooMany = assertProblem(patch(http, patches(id, MAX_ITEMS + 1, "Too many")), 413);
        JsonNode anonymous = assertProblem(patch(new Http(base), "[{\"id\":" + id + ",\"title\":\"x\"}]"), 401);

        assertThat(object.get("detail").asText()).contains("array");
        assertThat(noId.get("detail").asText()).contains("Item 1");
        assertThat(badId.get("detail").asText()).contains("Item 0");
        assertThat(tooMany.get("detail").asText()).contains(String.valueOf(MAX_ITEMS));
        assertThat(anonymous.get("status").asInt()).isEqualTo(401);
        assertThat(title(id)).isEqualTo("Untouched");
    }

    @Test
    void deletesEveryPostTheFilterSelectsWith204AndFiresEventsPerItem() {
        long a = createPost(http, "Delete A", "a");
        long b = createPost(http, "Delete B", "b");

        HttpResponse<String> response = http.delete("posts?id__in=" + a + "," + b);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
        assertProblem(http.get("posts/" + a), 404);
        assertProblem(http.get("posts/" + b), 404);
        assertThat(audit(a)).containsExactly("delete by testuser", "create by testuser");
        assertThat(audit(b)).containsExactly("delete by testuser", "create by testuser");
    }

    @Test
    void aBulkDeleteNeedsAFilterAndDeletesAllOrNothing() {
        int before = count();
        long mine = createPost(http, "Stays", "s");
        long theirs = createPost(new Http(base).as("otheruser", "barfoo"), "Theirs too", "t");
        String tooMany = IntStream.rangeClosed(1, MAX_ITEMS + 1)
                .mapToObj(String::valueOf)
                .collect(Collectors.joining(","));

        JsonNode noFilter = assertProblem(http.delete("posts"), 400);
        JsonNode paged = assertProblem(http.delete("posts?limit=2"), 400);
        JsonNode forbidden = assertProblem(http.delete("posts?id__in=" + mine + "," + theirs), 403);
        JsonNode missing = assertProblem(http.delete("posts?id__in=" + mine + ",999999"), 404);
        JsonNode over = assertProblem(http.delete("posts?id__in=" + tooMany), 413);

        assertThat(noFilter.get("detail").asText()).contains("filter");
        assertThat(paged.get("detail").asText()).contains("limit");
        assertThat(forbidden.get("failures").findValuesAsText("id")).containsExactly(String.valueOf(theirs));
        assertThat(missing.get("failures").findValuesAsText("id")).containsExactly("999999");
        assertThat(over.get("detail").asText()).contains(String.valueOf(MAX_ITEMS));
        assertThat(title(mine)).isEqualTo("Stays");
        assertThat(title(theirs)).isEqualTo("Theirs too");
        assertThat(count()).isEqualTo(before + 2);
    }

    @Test
    void aDeleteSelectingMoreThanTheMaximumIs413AndDeletesNothing() {
        for (int i = 0; i <= MAX_ITEMS; i++) {
            createPost(http, "Overflow " + i, "o");
        }

        JsonNode over = assertProblem(http.delete("posts?title__icontains=overflow"), 413);

        assertThat(over.get("detail").asText()).contains(String.valueOf(MAX_ITEMS));
        assertThat(Http.json(http.get("posts?title__icontains=overflow&limit=100")))
                .hasSize(MAX_ITEMS + 1);
    }

    @Test
    void eachPatchedItemCountsAgainstTheUpdateThrottleAndARefusedBatchWritesNothing() {
        Windows.awayFromTheEnd(Duration.ofHours(1), Duration.ofSeconds(60));
        Http admin = new Http(base).as("admin", "adminpass");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < MAX_ITEMS; i++) {
            ids.add(createPost(admin, "Throttled " + i, "t"));
        }
        int batches = UPDATES_PER_HOUR / MAX_ITEMS; // 6 batches of 6: 36 of 40
        for (int batch = 0; batch < batches; batch++) {
            HttpResponse<String> passed = patch(admin, patches(ids, "Batch " + batch));
            assertThat(passed.statusCode()).as(passed.body()).isEqualTo(200);
            assertThat(passed.headers().firstValue("RateLimit-Remaining"))
                    .hasValue(String.valueOf(UPDATES_PER_HOUR - (batch + 1) * MAX_ITEMS));
        }

        HttpResponse<String> refused = patch(admin, patches(ids, "Refused"));
        HttpResponse<String> rest = patch(admin, patches(ids.subList(0, 4), "Last"));

        assertProblem(refused, 429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(title(ids.get(MAX_ITEMS - 1))).isEqualTo("Batch " + (batches - 1));
        assertThat(rest.statusCode())
                .as("the refused batch counted nothing: " + rest.body())
                .isEqualTo(200);
        assertThat(rest.headers().firstValue("RateLimit-Remaining")).hasValue("0");
        assertProblem(patch(admin, patches(ids.subList(0, 1), "One more")), 429);
        assertThat(title(ids.get(0))).isEqualTo("Last");
    }

    private static HttpResponse<String> patch(Http client, String body) {
        return client.send("PATCH", "posts", body, "Content-Type", "application/json");
    }

    private static String patches(long id, int count, String title) {
        return patches(IntStream.range(0, count).mapToObj(i -> id).toList(), title);
    }

    private static String patches(List<Long> ids, String title) {
        return ids.stream()
                .map(id -> "{\"id\":" + id + ",\"title\":\"" + title + "\"}")
                .collect(Collectors.joining(",", "[", "]"));
    }

    private static long createPost(Http client, String title, String content) {
        HttpResponse<String> response =
                client.post("posts", "{\"title\":\"" + title + "\",\"content\":\"" + content + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Http.json(response).get("id").asLong();
    }

    /** The version in an item's tag, {@code "<version>-<variant>"} ({@code docs/conditional-requests.md}). */
    private static long version(HttpResponse<String> response) {
        String tag = response.headers().firstValue("ETag").orElseThrow();
        return Long.parseLong(tag.substring(1, tag.indexOf('-')));
    }

    private String title(long id) {
        return Http.json(http.get("posts/" + id)).get("title").asText();
    }

    private int count() {
        return Http.json(http.get("stats")).get("posts").asInt();
    }

    /** The audit log's entries for a post, newest first: "update by testuser". */
    private List<String> audit(long id) {
        List<String> entries = new ArrayList<>();
        for (JsonNode entry : Http.json(new Http(base).as("admin", "adminpass").get("audit"))) {
            if (entry.get("item_id").asText().equals(String.valueOf(id))
                    && entry.get("resource").asText().equals("posts")) {
                entries.add(entry.get("action").asText() + " by "
                        + entry.get("done_by").asText());
            }
        }
        return entries;
    }
}
