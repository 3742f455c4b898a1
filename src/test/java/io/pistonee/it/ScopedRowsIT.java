package io.pistonee.it;

import static io.pistonee.it.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Rows scoped to the caller, shown on the example's {@code drafts}: each author sees and edits only
 * their own drafts, an admin sees all, and another author's draft is 404 exactly like a missing one,
 * in every operation (lists, counts, cursor pages, sorts, reads, PUT, PATCH, DELETE, conditional
 * writes). Seeded: two drafts by testuser, one by otheruser.
 */
@ExtendWith(ArquillianExtension.class)
class ScopedRowsIT {

    private static final List<String> DRAFT_FIELDS =
            List.of("id", "title", "content", "created_on", "version", "resource_uri");

    private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.example();
    }

    @ArquillianResource
    URL base;

    private Http anonymous;
    private Http testuser;
    private Http otheruser;
    private Http admin;

    @BeforeEach
    void clients() {
        anonymous = new Http(base);
        testuser = anonymous.as("testuser", "foobar");
        otheruser = anonymous.as("otheruser", "barfoo");
        admin = anonymous.as("admin", "adminpass");
    }

    @Test
    void anonymousCallersAreChallenged() {
        for (HttpResponse<String> response : List.of(anonymous.get("drafts"), anonymous.get("drafts/1"))) {
            assertProblem(response, 401);
            assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
                    .contains("Basic realm=\"piston\"")
                    .contains("Bearer realm=\"piston\"");
        }
    }

    @Test
    void eachAuthorListsOnlyTheirOwnDraftsAndAnAdminListsAll() {
        JsonNode mine = Http.json(testuser.get("drafts?limit=500"));
        JsonNode others = Http.json(otheruser.get("drafts?limit=500"));
        JsonNode all = Http.json(admin.get("drafts?limit=500"));

        assertThat(mine.findValuesAsText("title"))
                .contains("Scoped rows", "Bulk writes")
                .doesNotContain("Natural keys");
        assertThat(others.findValuesAsText("title"))
                .contains("Natural keys")
                .doesNotContain("Scoped rows", "Bulk writes");
        assertThat(all.findValuesAsText("title")).contains("Scoped rows", "Bulk writes", "Natural keys");
        assertThat(all.size()).isEqualTo(mine.size() + others.size());
        for (JsonNode draft : mine) {
            assertThat(draft.fieldNames()).toIterable().containsExactlyElementsOf(DRAFT_FIELDS);
        }
    }

    @Test
    void anotherAuthorsDraftIsNotFoundExactlyLikeAMissingOne() {
        JsonNode draft = create(testuser, "Not yours");
        long id = draft.get("id").asLong();
        long missing = id + 1_000_000;

        JsonNode outOfScope = assertProblem(otheruser.get("drafts/" + id), 404);
        JsonNode absent = assertProblem(otheruser.get("drafts/" + missing), 404);

        assertThat(outOfScope.get("title")).isEqualTo(absent.get("title"));
        assertThat(outOfScope.get("detail").asText().replace(String.valueOf(id), "N"))
                .isEqualTo(absent.get("detail").asText().replace(String.valueOf(missing), "N"));
        assertThat(Http.json(admin.get("drafts/" + id)).get("title").asText()).isEqualTo("Not yours");
    }

    @Test
    void anotherAuthorCannotUpdatePatchOrDeleteADraftAndNothingChanges() {
        JsonNode draft = create(testuser, "Keep out");
        String path = "drafts/" + draft.get("id").asLong();

        assertProblem(otheruser.put(path, "{\"title\":\"Taken\",\"content\":\"x\"}"), 404);
        assertProblem(patch(otheruser, path, "{\"title\":\"Taken\"}"), 404);
        assertProblem(otheruser.delete(path), 404);

        JsonNode after = Http.json(testuser.get(path));
        assertThat(after.get("title").asText()).isEqualTo("Keep out");
        assertThat(after.get("version")).isEqualTo(draft.get("version"));
    }

    @Test
    void aConditionalWriteOnAnotherAuthorsDraftIsStill404Not412() {
        JsonNode draft = create(testuser, "Conditional");
        String path = "drafts/" + draft.get("id").asLong();
        String etag = testuser.get(path).headers().firstValue("ETag").orElseThrow();

        for (String tag : List.of(etag, "\"stale\"", "*")) {
            assertProblem(otheruser.put(path, "{\"title\":\"Taken\",\"content\":\"x\"}", "If-Match", tag), 404);
            assertProblem(
                    otheruser.send(
                            "PATCH",
                            path,
                            "{\"title\":\"Taken\"}",
                            "Content-Type",
                            "application/merge-patch+json",
                            "If-Match",
                            tag),
                    404);
            assertProblem(otheruser.delete(path, "If-Match", tag), 404);
        }
        assertProblem(testuser.put(path, "{\"title\":\"Mine\",\"content\":\"x\"}", "If-Match", "\"stale\""), 412);
        assertThat(Http.json(testuser.get(path)).get("title").asText()).isEqualTo("Conditional");
    }

    @Test
    void theOwnerAndAnAdminWriteTheDraft() {
        JsonNode draft = create(otheruser, "Editable");
        String path = "drafts/" + draft.get("id").asLong();

        HttpResponse<String> patched = patch(otheruser, path, "{\"content\":\"Second thoughts\"}");
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        HttpResponse<String> edited = patch(admin, path, "{\"title\":\"Edited by an admin\"}");
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        assertThat(Http.json(otheruser.get(path)).get("title").asText()).isEqualTo("Edited by an admin");

        assertThat(otheruser.delete(path).statusCode()).isEqualTo(204);
        assertProblem(otheruser.get(path), 404);
        assertProblem(admin.get(path), 404);
    }

    @Test
    void totalsCountOnlyTheCallersRows() {
        create(otheruser, "Counted");
        int mine = Http.json(otheruser.get("drafts?limit=500")).size();
        int all = Http.json(admin.get("drafts?limit=500")).size();

        assertThat(total(otheruser.get("drafts?limit=1&total=true"))).isEqualTo(mine);
        assertThat(total(otheruser.get("drafts?title=Scoped%20rows&total=true")))
                .as("a filter matching only another author's draft")
                .isZero();
        assertThat(total(admin.get("drafts?limit=1&total=true"))).isEqualTo(all).isGreaterThan(mine);
    }

    @Test
    void cursorPagesAndSortsHoldOnlyTheCallersRows() {
        create(otheruser, "Cursor A");
        create(otheruser, "Cursor B");
        List<String> sorted =
                Http.json(otheruser.get("drafts?sort=title&limit=500")).findValuesAsText("title");
        assertThat(sorted).isSorted().doesNotContain("Scoped rows", "Bulk writes");

        List<String> paged = new ArrayList<>();
        Optional<String> next =
                Optional.of(otheruser.uri("drafts?sort=title&limit=1&cursor=").toString());
        while (next.isPresent()) {
            HttpResponse<String> page = otheruser.get(next.get());
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            paged.addAll(Http.json(page).findValuesAsText("title"));
            next = next(page);
        }
        assertThat(paged).isEqualTo(sorted);
    }

    @Test
    void theAuthorIsNeitherFilterNorSortKey() {
        assertProblem(testuser.get("drafts?author=testuser"), 400);
        assertProblem(admin.get("drafts?author=otheruser"), 400);
        assertProblem(testuser.get("drafts?sort=author"), 400);
        assertProblem(testuser.get("drafts?author__username=otheruser"), 400);
    }

    @Test
    void aNewDraftBelongsToItsCaller() {
        HttpResponse<String> created = testuser.post("drafts", "{\"title\":\"Fresh\",\"content\":\"x\"}");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        URI location = URI.create(created.headers().firstValue("Location").orElseThrow());
        assertThat(testuser.get(location.toString()).statusCode()).isEqualTo(200);
        assertProblem(otheruser.get(location.toString()), 404);
        assertProblem(testuser.post("drafts", "{\"title\":\"" + "x".repeat(201) + "\",\"content\":\"x\"}"), 400);
    }

    private static JsonNode create(Http author, String title) {
        HttpResponse<String> created = author.post("drafts", "{\"title\":\"" + title + "\",\"content\":\"Draft.\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Http.json(created);
    }

    private static HttpResponse<String> patch(Http client, String path, String json) {
        return client.send("PATCH", path, json, "Content-Type", "application/merge-patch+json");
    }

    private static long total(HttpResponse<String> page) {
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return Long.parseLong(page.headers().firstValue("X-Total-Count").orElseThrow());
    }

    private static Optional<String> next(HttpResponse<String> page) {
        Matcher link = NEXT.matcher(page.headers().firstValue("Link").orElse(""));
        return link.find() ? Optional.of(link.group(1)) : Optional.empty();
    }
}
