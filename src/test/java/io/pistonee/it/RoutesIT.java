package io.pistonee.it;

import static io.pistonee.it.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Nested routes and natural keys on the example as built: {@code /api/authors/{username}} (a natural
 * key) and {@code /api/authors/{username}/posts} (a handler mounted at a path template under it), for
 * authenticated callers only.
 */
@ExtendWith(ArquillianExtension.class)
class RoutesIT {

    private static final List<String> POST_FIELDS =
            List.of("id", "title", "content", "author", "created_on", "content_length", "resource_uri");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.example();
    }

    @ArquillianResource
    URL base;

    private Http http;

    @BeforeEach
    void client() {
        http = new Http(base).as("testuser", "foobar");
    }

    @Test
    void anonymousCallersGet401WithChallengesBecauseTheyNeverSeeAuthors() {
        Http anonymous = new Http(base);
        for (String path : List.of("authors", "authors/testuser", "authors/testuser/posts", "authors/nobody/posts")) {
            HttpResponse<String> response = anonymous.get(path);

            assertProblem(response, 401);
            assertThat(response.headers().allValues("WWW-Authenticate"))
                    .as(path)
                    .isNotEmpty();
        }
    }

    @Test
    void listsAuthorsByUsernameWithTheirResourceUri() {
        HttpResponse<String> response = http.get("authors");

        assertThat(response.statusCode()).isEqualTo(200);
        List<String> usernames = new ArrayList<>();
        for (JsonNode author : Http.json(response)) {
            assertThat(author.fieldNames()).toIterable().containsExactly("username", "resource_uri");
            usernames.add(author.get("username").asText());
            assertThat(URI.create(author.get("resource_uri").asText()))
                    .isEqualTo(http.uri("authors/" + author.get("username").asText()));
        }
        assertThat(usernames)
                .contains("otheruser", "testuser")
                .as("an account without the role author is no author")
                .doesNotContain("admin")
                .isSorted();
        assertProblem(http.get("authors/admin"), 404);
        assertProblem(http.get("authors/admin/posts"), 404);
    }

    @Test
    void readsOneAuthorByUsernameWithAnETag() {
        HttpResponse<String> response = http.get("authors/testuser");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Http.json(response).get("username").asText()).isEqualTo("testuser");
        assertThat(URI.create(Http.json(response).get("resource_uri").asText()))
                .isEqualTo(http.uri("authors/testuser"));
        String etag = response.headers().firstValue("ETag").orElseThrow();
        assertThat(http.get("authors/testuser", "If-None-Match", etag).statusCode())
                .isEqualTo(304);
        assertThat(assertProblem(http.get("authors/nobody"), 404)
                        .get("instance")
                        .asText())
                .endsWith("/api/authors/nobody");
    }

    @Test
    void authorsAreReadOnly() {
        HttpResponse<String> response = http.delete("authors/testuser");

        assertProblem(response, 405);
        assertThat(response.headers().firstValue("Allow")).hasValue("GET, HEAD, OPTIONS");
        assertThat(http.send("OPTIONS", "authors", null).headers().firstValue("Allow"))
                .hasValue("GET, HEAD, OPTIONS");
    }

    @Test
    void listsOnlyThatAuthorsPostsWithTheFieldsOfPosts() {
        HttpResponse<String> response = http.get("authors/testuser/posts?limit=100&total=true");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode posts = Http.json(response);
        assertThat(posts.size()).isGreaterThanOrEqualTo(2);
        for (JsonNode post : posts) {
            assertThat(post.fieldNames()).toIterable().containsExactlyElementsOf(POST_FIELDS);
            assertThat(post.get("author").get("username").asText()).isEqualTo("testuser");
            assertThat(URI.create(post.get("resource_uri").asText()))
                    .isEqualTo(http.uri("posts/" + post.get("id").asLong()));
        }
        HttpResponse<String> filtered = http.get("posts?author=testuser&limit=100&total=true");
        assertThat(response.headers().firstValue("X-Total-Count"))
                .isEqualTo(filtered.headers().firstValue("X-Total-Count"));
        assertThat(posts.size()).isEqualTo(Http.json(filtered).size());
        assertThat(response.headers().firstValue("ETag")).isPresent();
    }

    @Test
    void pagesFiltersAndSortsLikePosts() {
        HttpResponse<String> page = http.get("authors/testuser/posts?limit=1&sort=title");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(Http.json(page).size()).isEqualTo(1);
        assertThat(page.headers().firstValue("Link").orElseThrow())
                .contains("<" + http.uri("authors/testuser/posts") + "?")
                .contains("rel=\"next\"");
        JsonNode byTitle = Http.json(http.get("authors/testuser/posts?sort=title&limit=100"));
        List<String> titles = new ArrayList<>();
        byTitle.forEach(post -> titles.add(post.get("title").asText()));
        assertThat(titles).isSorted();
        JsonNode emitters = Http.json(http.get("authors/testuser/posts?title__icontains=emitters"));
        assertThat(emitters.size()).isEqualTo(1);
        assertThat(Http.json(http.get("authors/otheruser/posts?title__icontains=emitters")))
                .isEmpty();
        JsonNode cursorPage = Http.json(http.get("authors/otheruser/posts?limit=1&cursor="));
        assertThat(cursorPage.size()).isEqualTo(1);
        assertThat(cursorPage.get(0).get("author").get("username").asText()).isEqualTo("otheruser");
        assertProblem(http.get("authors/testuser/posts?sort=content"), 400);
    }

    @Test
    void anUnknownAuthorIs404AndAnotherAuthorsPostIsNotThere() {
        assertProblem(http.get("authors/nobody/posts"), 404);
        assertProblem(http.get("authors/nobody/posts/1"), 404);
        long othersPost =
                Http.json(http.get("posts?author=otheruser")).get(0).get("id").asLong();
        long ownPost =
                Http.json(http.get("posts?author=testuser")).get(0).get("id").asLong();

        assertProblem(http.get("authors/testuser/posts/" + othersPost), 404);
        HttpResponse<String> own = http.get("authors/testuser/posts/" + ownPost);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(URI.create(Http.json(own).get("resource_uri").asText())).isEqualTo(http.uri("posts/" + ownPost));
        assertProblem(http.get("authors/testuser/posts/not-a-number"), 404);
    }

    @Test
    void theAuthorCreatesAPostThereWithItsLocationUnderPosts() {
        HttpResponse<String> response =
                http.post("authors/testuser/posts", "{\"title\":\"Nested\",\"content\":\"Written under my name\"}");

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode created = Http.json(response);
        long id = created.get("id").asLong();
        assertThat(created.get("author").get("username").asText()).isEqualTo("testuser");
        assertThat(response.headers().firstValue("Location"))
                .hasValue(http.uri("posts/" + id).toString());
        assertThat(response.headers().firstValue("ETag")).isPresent();
        assertThat(http.get("posts/" + id).statusCode()).isEqualTo(200);
        assertThat(http.delete("posts/" + id).statusCode()).isEqualTo(204);
    }

    @Test
    void anyoneElseCreatingUnderAnAuthorGets403AndNothingIsWritten() {
        Http other = new Http(base).as("otheruser", "barfoo");
        int before = Http.json(http.get("authors/testuser/posts?limit=100")).size();

        assertProblem(
                other.post("authors/testuser/posts", "{\"title\":\"Forged\",\"content\":\"Not mine to write\"}"), 403);
        assertThat(Http.json(http.get("authors/testuser/posts?limit=100")).size())
                .isEqualTo(before);
    }

    @Test
    void templatedPathsAnswer405WithAllowOptionsHeadAnd415() {
        HttpResponse<String> delete = http.delete("authors/testuser/posts");
        assertProblem(delete, 405);
        assertThat(delete.headers().firstValue("Allow")).hasValue("GET, HEAD, POST, OPTIONS");

        HttpResponse<String> put = http.put("authors/testuser/posts/1", "{}");
        assertProblem(put, 405);
        assertThat(put.headers().firstValue("Allow")).hasValue("GET, HEAD, OPTIONS");

        HttpResponse<String> options = http.send("OPTIONS", "authors/testuser/posts", null);
        assertThat(options.statusCode()).isEqualTo(204);
        assertThat(options.headers().firstValue("Allow")).hasValue("GET, HEAD, POST, OPTIONS");

        assertThat(http.send("HEAD", "authors/testuser/posts", null).statusCode())
                .isEqualTo(200);
        assertProblem(http.send("POST", "authors/testuser/posts", "title=x", "Content-Type", "text/plain"), 415);
        assertProblem(http.get("authors/testuser/drafts"), 404);
        assertProblem(http.get("author_posts"), 404);
    }

    @Test
    void aFormatSuffixWorksOnTemplatedPaths() {
        HttpResponse<String> response = http.get("authors/testuser/posts.yaml");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/yaml");
    }
}
