package io.pistonee.it;

import static io.pistonee.it.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pistonee.it.scoped.Memo;
import io.pistonee.it.scoped.MemoHandler;
import io.pistonee.it.scoped.MemoStream;
import io.pistonee.it.scoped.MemoUsers;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A scoped model handler in a WAR that uses the framework as a library: its unpaged
 * {@code stream()}, served by another handler, keeps to the caller's scope as its pages do.
 * ({@code ScopedRowsIT} shows every other operation on the example's drafts.)
 */
@ExtendWith(ArquillianExtension.class)
class ScopedStreamIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.withEntities(
                Deployments.library("scoped", Memo.class, MemoHandler.class, MemoStream.class, MemoUsers.class),
                "java:comp/DefaultDataSource",
                Memo.class);
    }

    @ArquillianResource
    URL base;

    private Http alice;
    private Http bob;

    @BeforeEach
    void clients() {
        alice = new Http(base).as("alice", "alicepass");
        bob = new Http(base).as("bob", "bobpass");
    }

    @Test
    void theUnpagedStreamHoldsOnlyTheCallersRows() {
        long first = create(alice, "alice 1");
        long second = create(alice, "alice 2");
        long bobs = create(bob, "bob 1");

        JsonNode streamed = Http.json(alice.get("memo-stream"));
        assertThat(streamed.findValuesAsText("text"))
                .contains("alice 1", "alice 2")
                .doesNotContain("bob 1");
        assertThat(streamed.findValuesAsText("text"))
                .as("the stream and the pages agree, in id order")
                .containsExactlyElementsOf(
                        Http.json(alice.get("memos?limit=500")).findValuesAsText("text"));
        assertThat(ids(streamed)).isSorted().contains(first, second).doesNotContain(bobs);
        assertThat(Http.json(bob.get("memo-stream")).findValuesAsText("text"))
                .contains("bob 1")
                .doesNotContain("alice 1", "alice 2");
    }

    @Test
    void anotherCallersRowIsNotFoundForEveryOperation() {
        long id = create(alice, "private");

        assertProblem(bob.get("memos/" + id), 404);
        assertProblem(bob.put("memos/" + id, "{\"text\":\"mine now\"}"), 404);
        assertProblem(bob.delete("memos/" + id), 404);
        assertThat(Http.json(alice.get("memos/" + id)).get("text").asText()).isEqualTo("private");
    }

    private static long create(Http caller, String text) {
        HttpResponse<String> created = caller.post("memos", "{\"text\":\"" + text + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Http.json(created).get("id").asLong();
    }

    private static List<Long> ids(JsonNode items) {
        return items.findValues("id").stream().map(JsonNode::asLong).toList();
    }
}
